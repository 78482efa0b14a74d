"""``{% monitoring_code %}`` in base.html: the site's monitoring script, written by us."""

from django import template
from wagtail.models import Site

from monitoring.models import MonitoringCode

register = template.Library()


@register.inclusion_tag("monitoring/monitoring_code.html", takes_context=True)
def monitoring_code(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:  # an error page outside any Wagtail site
        return {"src": ""}
    return {"src": MonitoringCode.for_site(site).script_src}
