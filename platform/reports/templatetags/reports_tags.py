"""The public visit counter of the footer (shown only when the site's settings say so)."""

from django import template

from reports import visits

register = template.Library()


@register.inclusion_tag("reports/includes/visit_counter.html", takes_context=True)
def visit_counter(context):
    request = context.get("request")
    tenant = getattr(request, "tenant", None)
    if request is None or tenant is None or tenant.schema_name == "public":
        return {"total": None}
    return {"total": visits.footer_counter(request)}


@register.filter
def dong(amount) -> str:
    """Đồng as Vietnamese write them: 1.200.000 đ (whatever the page's language)."""
    if amount is None or amount == "":
        return "—"
    return f"{int(amount):,} đ".replace(",", ".")
