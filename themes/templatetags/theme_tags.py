"""What base.html asks of the theme: stylesheets and branding colours, the site's branding,
and the campaign banners showing now.

Branding reaches the page only as validated values: colours become CSS custom properties only
if they are ``#rrggbb`` (checked again here, whatever is in the database), texts are escaped by
the template engine, links are http(s) URLs validated on save.
"""

import base64
import hashlib

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
    # The colours' <style> is allowed by its hash (portal.csp), not by a nonce: a page kept in
    # the cache is the same for every visitor, and a replayed nonce would protect nothing.
    colour_css = colour_rule(colours) if colours else ""
    if colour_css and request is not None:
        digest = base64.b64encode(hashlib.sha256(colour_css.encode()).digest()).decode()
        request.csp_style_hashes = [*getattr(request, "csp_style_hashes", []), digest]
    return {"theme": theme, "colours": colours, "colour_css": colour_css}


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
    # Banners not yet ended, upcoming ones included: the first start or end ahead is when a
    # cached copy of this page must go (``request.cache_until``, serving/), in the same query.
    banners = list(CampaignBanner.objects.for_site(tenant, now, upcoming=True))
    if tenant.schema_name != "public":
        from themes.branding.models import SiteBanner

        banners += list(SiteBanner.objects.showing(now, upcoming=True).select_related("image"))
    changes = [b.starts_at for b in banners if b.starts_at > now]
    changes += [b.ends_at for b in banners]
    if changes and request is not None:
        until = min(changes).timestamp()
        request.cache_until = min(until, getattr(request, "cache_until", None) or until)
    return {"banners": [b for b in banners if b.starts_at <= now]}


@register.inclusion_tag("includes/theme_preview_notice.html", takes_context=True)
def theme_preview_notice(context):
    request = context.get("request")
    preview = getattr(request, "theme_preview", False)
    return {"theme": getattr(request, "theme", None) if preview else None}


USA_WIDGET_CLASSES = {
    "select": "usa-select",
    "selectmultiple": "usa-select",
    "textarea": "usa-textarea",
}


@register.simple_tag
def usa_widget(field):
    """A form field's widget in the design system's classes (``usa-input``, ``usa-select``,
    ``usa-textarea``, ``--error`` when the field has errors), described by its hint and its
    errors (WCAG 3.3.1: the error is read with the field)."""
    kind = field.widget_type
    if kind in ("checkbox", "radioselect", "checkboxselectmultiple", "clearablefile", "file"):
        return field.as_widget()
    base = USA_WIDGET_CLASSES.get(kind, "usa-input")
    classes = [base, f"{base}--error"] if field.errors else [base]
    attrs = {"class": " ".join(classes)}
    described = [f"{field.auto_id}_helptext"] if field.help_text else []
    if field.errors:
        described.append(f"{field.auto_id}-errors")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.filter
def at(sequence, index):
    """``{{ header|at:forloop.counter0 }}``: the item at ``index``, or "" past the end (a data
    table's column name for each cell, which stacked rows on phones show beside it)."""
    try:
        value = sequence[int(index)]
    except (IndexError, TypeError, ValueError, KeyError):
        return ""
    return "" if value is None else value
