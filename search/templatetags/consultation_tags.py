"""``{% member_consultations %}``: on a parent portal, the open consultations of its members."""

from django import template
from django.db import connection
from django.utils import timezone

from search.consultations import open_consultations

register = template.Library()


@register.inclusion_tag("search/member_consultations.html")
def member_consultations():
    tenant = getattr(connection, "tenant", None)
    if tenant is None or not getattr(tenant, "is_parent_portal", False):
        return {"shown": False}
    return {"shown": True, "items": open_consultations(tenant.pk, timezone.localdate())}
