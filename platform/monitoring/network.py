"""The network console's view of the monitoring code (F20): which members still lack it."""

from django.db import connection
from django.template.response import TemplateResponse

from tenants.access import network_admin_required
from tenants.models import Tenant


def monitoring_addresses(sites) -> dict[str, str]:
    """The monitoring script address of every site by schema ("" when none), in one query."""
    schemas = [site.schema_name for site in sites]
    if not schemas:
        return {}
    union = " UNION ALL ".join(
        f"SELECT %s, coalesce(max(script_src), '')"  # noqa: S608 - quoted names
        f" FROM {connection.ops.quote_name(schema)}.monitoring_monitoringcode"
        for schema in schemas
    )
    with connection.cursor() as cursor:
        cursor.execute(union, schemas)
        return dict(cursor.fetchall())


@network_admin_required
def network_monitoring(request):
    parent = connection.tenant
    sites = [parent, *parent.members.exclude(status=Tenant.Status.ARCHIVED).order_by("name")]
    addresses = monitoring_addresses(sites)
    rows = [(site, addresses.get(site.schema_name, "")) for site in sites]
    return TemplateResponse(
        request,
        "monitoring/network.html",
        {"rows": rows, "missing": sum(1 for _site, src in rows if not src)},
    )
