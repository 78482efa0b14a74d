"""Template tags every public page uses: metadata, breadcrumb, language switcher, tools."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.images.models import SourceImageIOError

register = template.Library()

OG_LOCALES = {"vi": "vi_VN", "en": "en_GB"}
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _portal_page(context):
    page = context.get("page")
    return page if page is not None and hasattr(page, "search_summary") else None


def live_translations(page):
    """The live, public versions of ``page`` in every language, itself included."""
    if page is None or not getattr(page, "translation_key", None):
        return []
    # The page's meta tags and its language switcher both ask: one query pair per request
    # (issue 19, the query budget).
    known = page.__dict__.get("_live_translations")
    if known is None:
        known = list(
            page.get_translations(inclusive=True).live().public().select_related("locale")
        )
        page._live_translations = known
    return known


@register.inclusion_tag("includes/meta.html", takes_context=True)
def page_meta(context):
    """Dublin Core (TT 24/2011, F17), Open Graph and hreflang links of the current page."""
    page, request = _portal_page(context), context.get("request")
    if page is None or request is None:
        return {"page": None}
    tenant = getattr(request, "tenant", None)
    unit = tenant.name[:1].lower() + tenant.name[1:] if tenant else ""  # "xã Ia Băng"
    publisher = _("Ủy ban nhân dân %(unit)s") % {"unit": unit} if tenant else ""
    image_url = ""
    image = getattr(page, "image", None)
    if image is not None:
        try:
            image_url = request.build_absolute_uri(image.get_rendition("fill-1200x630").url)
        except SourceImageIOError:  # a missing original must not take the page down
            image_url = ""
    alternates = [
        {"language": p.locale.language_code, "url": p.get_full_url(request)}
        for p in live_translations(page)
    ]
    url = page.get_full_url(request)
    # A page copied from another site names the original as canonical (issue 18): apps that
    # make such copies answer through the "portal_canonical_url" hook.
    canonical = next(
        (found for hook in hooks.get_hooks("portal_canonical_url") if (found := hook(page))),
        url,
    )
    return {
        "page": page,
        "canonical": canonical,
        "title": page.seo_title or page.title,
        "description": page.search_summary(),
        "creator": page.metadata_creator() or publisher,
        "publisher": publisher,
        "date": page.search_date(),
        "url": url,
        "language": translation.get_language(),
        "og_locale": OG_LOCALES.get(translation.get_language(), "vi_VN"),
        "og_type": "article" if page.search_kind in {"news", "document"} else "website",
        "image_url": image_url,
        "site_name": tenant.site_title if tenant else "",
        "alternates": alternates if len(alternates) > 1 else [],
        "default_url": next(
            (a["url"] for a in alternates if a["language"] == settings.LANGUAGE_CODE), ""
        ),
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the page in other languages: only where a live translation exists."""
    page = _portal_page(context)
    current = translation.get_language()
    others = [
        {
            "url": p.url,
            "language": p.locale.language_code,
            "name": LANGUAGE_NAMES.get(p.locale.language_code, p.locale.language_code),
        }
        for p in live_translations(page)
        if p.locale.language_code != current
    ]
    return {"others": others}


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context):
    page = _portal_page(context)
    if page is None or page.depth <= 2:
        return {"crumbs": []}
    return {"crumbs": list(page.breadcrumb_pages()), "page": page}


@register.inclusion_tag("includes/page_tools.html", takes_context=True)
def page_tools(context):
    """Print and share (F3, F6): plain links, no third-party scripts on a government page."""
    page, request = _portal_page(context), context.get("request")
    if page is None or request is None:
        return {"page": None}
    url = quote(page.get_full_url(request), safe="")
    title = quote(page.title, safe="")
    return {
        "page": page,
        "shares": [
            ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
            ("X", f"https://twitter.com/intent/tweet?url={url}&text={title}"),
        ],
        "mailto": f"mailto:?subject={title}&body={url}",
    }
