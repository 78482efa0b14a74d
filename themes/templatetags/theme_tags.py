"""What base.html asks of the theme: stylesheets and branding colours, the site's branding,
and the campaign banners showing now.

Branding reaches the page only as validated values: colours become CSS custom properties only
if they are ``#rrggbb`` (checked again here, whatever is in the database), texts are escaped by
the template engine, links are http(s) URLs validated on save.
"""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from themes import theming
from themes.contrast import safe_colour
from themes.models import CampaignBanner

register = template.Library()

COLOUR_PROPERTIES = (
    ("primary_colour", "--primary"),
    ("on_primary_colour", "--on-primary"),
    ("accent_colour", "--accent"),
    ("on_accent_colour", "--on-accent"),
)


@register.simple_tag(takes_context=True)
def site_branding(context):
    """``{% site_branding as branding %}``: the site's branding, or None where there is no
    Wagtail site (notices, 404 of an unknown host) or no branding table (the public schema).
    Wagtail caches the site and the setting on the request, so every include may ask."""
    request = context.get("request")
    if request is None or getattr(request, "tenant", None) is None:
        return None
    if getattr(request.tenant, "schema_name", "public") == "public":
        return None
    from wagtail.models import Site

    from themes.branding.models import SiteBranding

    try:
        site = Site.find_for_request(request)
        return SiteBranding.for_request(request) if site else None
    except Exception:  # noqa: BLE001 - a page must render even if branding cannot be read
        return None


@register.inclusion_tag("includes/theme_head.html", takes_context=True)
def theme_head(context):
    request = context.get("request")
    branding = site_branding(context)
    theme, preview = theming.resolve(request, branding.theme if branding else None)
    if request is not None:
        request.theme, request.theme_preview = theme, preview
    colours = []
    if branding is not None:
        for field, prop in COLOUR_PROPERTIES:
            value = safe_colour(getattr(branding, field))
            if value:
                colours.append((prop, value))
    # The two inline blocks carry the request's CSP nonce (portal.csp): no 'unsafe-inline'.
    # str() makes django-csp generate it (an unread nonce is left out of the header).
    nonce = str(getattr(request, "csp_nonce", "")) if request is not None else ""
    return {"theme": theme, "colours": colours, "csp_nonce": nonce}


@register.simple_tag
def colour_rule(colours):
    """``:root{--primary:#a50e0e;…}`` from already-validated pairs (format_html escapes)."""
    body = "".join(f"{prop}:{value};" for prop, value in colours if safe_colour(value))
    return format_html(":root{{{}}}", body)


@register.inclusion_tag("includes/campaign_banners.html", takes_context=True)
def campaign_banners(context):
    """The network's campaign banners for this site, then the site's own, showing now."""
    request = context.get("request")
    tenant = getattr(request, "tenant", None) if request is not None else None
    if tenant is None or not hasattr(tenant, "is_parent_portal"):
        return {"banners": []}
    now = timezone.now()
    banners = list(CampaignBanner.objects.for_site(tenant, now))
    if tenant.schema_name != "public":
        from themes.branding.models import SiteBanner

        banners += list(SiteBanner.objects.showing(now).select_related("image"))
    return {"banners": banners}


@register.inclusion_tag("includes/theme_preview_notice.html", takes_context=True)
def theme_preview_notice(context):
    request = context.get("request")
    preview = getattr(request, "theme_preview", False)
    return {"theme": getattr(request, "theme", None) if preview else None}
