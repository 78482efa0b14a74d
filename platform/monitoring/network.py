"""The network console's view of the monitoring code (F20): which members still lack it."""

from django.db import connection
from django.template.response import TemplateResponse

from tenants.access import network_admin_required
from tenants.across import one_row_per_schema
from tenants.models import Tenant


def monitoring_addresses(sites) -> dict[str, str]:
    """The monitoring script address of every site by schema ("" when none), in one query."""
    return dict(
        one_row_per_schema(
            [site.schema_name for site in sites],
            "coalesce(max(script_src), '')",
            "monitoring_monitoringcode",
        )
    )


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
