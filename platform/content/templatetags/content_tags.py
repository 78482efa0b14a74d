"""Template tags every public page uses: metadata, breadcrumb, language switcher, tools."""

from typing import NamedTuple
from urllib.parse import quote

from django import template
from django.conf import settings
from django.utils import translation
from wagtail import hooks

from content import metadata
from portal import site_memo

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
        known = []
        if site_memo.remembered("languages", _live_languages) > 1:
            translations = page.get_translations(inclusive=True).live().public()
            known = list(translations.select_related("locale"))
        page._live_translations = known
    return known


def _live_languages() -> int:
    """How many languages the site's live pages are in: a site in one language (most
    communes) has no alternates, and needs no query per page to say so."""
    from wagtail.models import Page

    return Page.objects.live().filter(depth__gt=1).values("locale_id").distinct().count()


class Crumb(NamedTuple):
    """One step of a breadcrumb trail."""

    depth: int
    title: str
    url: str
    full_url: str


def crumbs_of(page, request) -> tuple[Crumb, ...]:
    """The page's breadcrumb trail, asked by the breadcrumb and its JSON-LD."""
    if page is None or page.depth <= 2:
        return ()
    # Every page under one parent has the same trail: remembered once per parent, as small
    # tuples (a worker may remember thousands of parents).
    parent_path = page.path[: -page.steplen]
    return site_memo.remembered(
        f"crumbs:{parent_path}",
        lambda: tuple(
            Crumb(p.depth, p.title, p.get_url(request), p.get_full_url(request))
            for p in page.breadcrumb_pages()
        ),
    )


@register.inclusion_tag("includes/meta.html", takes_context=True)
def page_meta(context, canonical=True):
    """Dublin Core (TT 24/2011, F17), Open Graph, JSON-LD and hreflang links of every public
    page, a Wagtail page or not (search, the HTML sitemap, a 404: ``canonical=False``)."""
    page, request = _portal_page(context), context.get("request")
    if request is None:
        return {}
    tenant = getattr(request, "tenant", None)
    if getattr(tenant, "schema_name", "public") == "public":
        tenant = None
    language = translation.get_language()
    publisher = metadata.authority(tenant)
    name = site_name(context)
    values = {
        "request": request,
        "branding": context.get("branding"),
        "has_site": tenant is not None,
        "publisher": publisher,
        "creator": publisher,
        "site_name": name,
        "title": name,
        "description": metadata.page_description(page, tenant),
        "language": language,
        "og_locale": OG_LOCALES.get(language, "vi_VN"),
        "og_type": "website",
        "url": metadata.canonical_url(request),
    }
    if canonical:
        values["canonical"] = values["url"]
    if page is None:
        return values
    image_url = metadata.page_image_url(request, page)
    alternates = [
        {"language": p.locale.language_code, "url": p.get_full_url(request)}
        for p in live_translations(page)
    ]
    url = metadata.page_address(request, page)
    if canonical:
        # A page copied from another site names the original as canonical (issue 18): apps
        # that make such copies answer through the "portal_canonical_url" hook.
        values["canonical"] = next(
            (found for hook in hooks.get_hooks("portal_canonical_url") if (found := hook(page))),
            metadata.canonical_url(request, page),
        )
    structured = []
    if page.search_kind == "news":
        structured.append(metadata.news_article(request, page, tenant, image_url))
    elif page.search_kind == "document":
        structured.append(metadata.legislation(request, page))
    trail = metadata.breadcrumb_list(request, page, crumbs_of(page, request))
    if trail:
        structured.append(trail)
    values.update(
        {
            "page": page,
            "title": page.seo_title or page.title,
            "creator": page.metadata_creator() or publisher,
            "date": page.search_date(),
            "url": url,
            "og_type": "article" if page.search_kind in {"news", "document"} else "website",
            "image_url": image_url,
            "structured": [metadata.json_ld(data) for data in structured],
            "alternates": alternates if len(alternates) > 1 else [],
            "default_url": next(
                (a["url"] for a in alternates if a["language"] == settings.LANGUAGE_CODE), ""
            ),
        }
    )
    return values


@register.simple_tag(takes_context=True)
def organization_ld(context):
    """The site's authority as JSON-LD; its callers keep it in a per-site fragment."""
    request = context.get("request")
    tenant = getattr(request, "tenant", None)
    return metadata.json_ld(metadata.organization(request, tenant, context.get("branding")))


@register.simple_tag(takes_context=True)
def site_image_url(context):
    """The site's emblem as an absolute raster URL (``og:image`` of pages without a picture)."""
    return metadata.emblem_url(context.get("request"), context.get("branding"))


@register.simple_tag(takes_context=True)
def vietnamese_version(context):
    """On an English 404, the address of the Vietnamese page at the same path, if one is live
    and public; "" otherwise (and on every Vietnamese page)."""
    from content.languages import vietnamese_path

    request = context.get("request")
    if getattr(getattr(request, "tenant", None), "schema_name", "public") == "public":
        return ""
    return vietnamese_path(request)


def _tenant(context):
    tenant = getattr(context.get("request"), "tenant", None)
    return None if getattr(tenant, "schema_name", "public") == "public" else tenant


@register.simple_tag(takes_context=True)
def site_name(context):
    """The site's name in the active language: the Wagtail site's name on Vietnamese pages,
    its English title ("Website of xã Ia Băng") on English ones (issue 16)."""
    from wagtail.models import Site

    request, tenant = context.get("request"), _tenant(context)
    if tenant is None or translation.get_language() == settings.LANGUAGE_CODE:
        site = Site.find_for_request(request) if request is not None else None
        if site is not None:
            return site.site_name
    return metadata.site_title(tenant)


@register.simple_tag(takes_context=True)
def site_authority(context):
    """The People's Committee owning the site, in the active language."""
    return metadata.authority(_tenant(context))


@register.simple_tag(takes_context=True)
def language_home(context):
    """The home page's path in the active language, else the Vietnamese home's (a 404 page's
    way back on a site without an English version)."""
    from wagtail.models import Site

    from content.languages import language_root

    request = context.get("request")
    if getattr(getattr(request, "tenant", None), "schema_name", "public") == "public":
        return "/"
    site = Site.find_for_request(request)
    if site is None or language_root(site) is None:
        return "/"
    return "/" if translation.get_language() == settings.LANGUAGE_CODE else "/en/"


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
    crumbs = crumbs_of(page, context.get("request"))
    return {"crumbs": crumbs, "page": page} if crumbs else {"crumbs": []}


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
