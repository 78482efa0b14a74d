"""``{% maintenance_notice %}`` in base.html: the planned stop the site announces, if any."""

from django import template
from django.db import connection

from maintenance.models import MaintenanceWindow

register = template.Library()


@register.inclusion_tag("maintenance/notice.html")
def maintenance_notice():
    tenant = getattr(connection, "tenant", None)
    if tenant is None or not getattr(tenant, "pk", None):
        return {"window": None}
    return {"window": MaintenanceWindow.notice_for(tenant)}
