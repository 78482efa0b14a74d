"""What a page says about itself to crawlers and link previews (issue 16, part 2).

Every public page, with or without a Wagtail page behind it (search, the HTML sitemap, a 404),
gets a description, an absolute ``og:image`` and JSON-LD. The values fall back in one order
everywhere: the page's own, else its lead or intro, else the site's. What is the same on every
page of a site (the organisation, the default image) is built here and kept by the caller in a
per-site fragment (``{% cached_fragment %}``), so metadata adds no query to a page.

JSON-LD goes in ``<script type="application/ld+json">``: a data block is never executed, so the
Content-Security-Policy allows it without a nonce (a nonce would make the page uncacheable).
"""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

SCHEMA = "https://schema.org"
DEFAULT_IMAGE = "themes/img/emblem.png"  # a raster emblem: link previews rarely show SVG
PAGE_IMAGE_SPEC = "fill-1200x630"  # Open Graph's recommended 1.91:1
EMBLEM_SPEC = "max-512x512|format-png"
HEADLINE_CHARS = 110  # Google's limit for an article's headline
PAGE_PARAM = "trang"  # listings paginate with ?trang=N


def site_title(tenant) -> str:
    """The site's title in the active language: "Cổng thông tin điện tử huyện Đak Đoa"."""
    if tenant is None:
        return ""
    unit = tenant.unit_in_sentence
    if tenant.is_parent_portal:
        return _("Cổng thông tin điện tử %(unit)s") % {"unit": unit}
    return _("Trang thông tin điện tử %(unit)s") % {"unit": unit}


def authority(tenant) -> str:
    """The People's Committee that owns the site, in the active language."""
    if tenant is None:
        return ""
    return _("Ủy ban nhân dân %(unit)s") % {"unit": tenant.unit_in_sentence}


def site_description(tenant) -> str:
    """What the site is, for pages with nothing of their own to say (search, 404…)."""
    if tenant is None:
        return ""
    return _(
        "%(title)s: tin tức, văn bản, thủ tục hành chính, lịch công tác và hỏi đáp của "
        "%(authority)s."
    ) % {"title": site_title(tenant), "authority": authority(tenant)}


def page_description(page, tenant) -> str:
    """The page's search description, else its lead or intro, else the site's description."""
    if page is not None and hasattr(page, "search_summary"):
        own = strip_tags(page.search_summary() or "").strip()
        if own:
            return own
    return site_description(tenant)


def page_address(request, page=None) -> str:
    """The absolute address of what is shown: the page's, or the request's path for a view
    without a page or a page's own sub-route (a schedule's week, the Q&A tracking view)."""
    url = page.get_full_url(request) if page is not None else None
    if not url or urlsplit(url).path != request.path:
        url = request.build_absolute_uri(request.path)
    return url


def canonical_url(request, page=None) -> str:
    """The page's address; a listing's page number stays, every other query parameter goes
    (search results, filters, a question's tracking code: one canonical per page, never one
    per query)."""
    url = page_address(request, page)
    number = request.GET.get(PAGE_PARAM, "")
    if page is not None and number.isdigit() and int(number) > 1:
        url = f"{url}?{PAGE_PARAM}={int(number)}"
    return url


def page_image_url(request, page) -> str:
    """The absolute URL of the page's own picture (a news item's photo), or ""."""
    from wagtail.images.models import SourceImageIOError

    image = getattr(page, "image", None) if page is not None else None
    if image is None:
        return ""
    try:
        return request.build_absolute_uri(image.get_rendition(PAGE_IMAGE_SPEC).url)
    except (SourceImageIOError, OSError, ValueError):  # a broken original must not take the
        return ""  # page down


def emblem_url(request, branding) -> str:
    """The site's emblem as an absolute raster URL: the board's own (a PNG rendition), else
    the platform's PNG. An SVG emblem cannot be rasterised here: the PNG stands in for it."""
    emblem = getattr(branding, "emblem", None) if branding is not None else None
    if emblem is not None and not emblem.is_svg():
        try:
            return request.build_absolute_uri(emblem.get_rendition(EMBLEM_SPEC).url)
        except (OSError, ValueError):
            pass
    return request.build_absolute_uri(static(DEFAULT_IMAGE))


def home_url(request) -> str:
    prefix = "" if translation.get_language() == settings.LANGUAGE_CODE else "/en"
    return request.build_absolute_uri(f"{prefix}/")


def json_ld(data: dict) -> str:
    """``data`` as a JSON-LD script element, safe inside HTML (no ``</script>`` can close it)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def organization(request, tenant, branding) -> dict:
    """The site's authority as a schema.org ``GovernmentOrganization``."""
    data = {
        "@context": SCHEMA,
        "@type": "GovernmentOrganization",
        "name": getattr(branding, "owner_body", "") or authority(tenant),
        "url": home_url(request),
        "logo": emblem_url(request, branding),
    }
    address = getattr(branding, "address", "")
    if address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": address,
            "addressCountry": "VN",
        }
    for key, field in (("telephone", "phone"), ("email", "email")):
        value = getattr(branding, field, "")
        if value:
            data[key] = value
    return data


def _publisher(request, tenant) -> dict:
    return {"@type": "GovernmentOrganization", "name": authority(tenant), "url": home_url(request)}


def news_article(request, page, tenant, image_url: str) -> dict:
    published = page.search_date()
    modified = page.last_published_at or page.first_published_at
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": Truncator(page.seo_title or page.title).chars(HEADLINE_CHARS),
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": translation.get_language(),
        "publisher": _publisher(request, tenant),
    }
    if published:
        data["datePublished"] = published.isoformat()
    if modified:
        data["dateModified"] = modified.isoformat(timespec="seconds")
    if image_url:
        data["image"] = [image_url]
    description = page.search_summary()
    if description:
        data["description"] = description
    if getattr(page, "author", ""):
        data["author"] = {"@type": "Person", "name": page.author}
    elif getattr(page, "contributing_unit", None) is not None:
        data["author"] = {"@type": "Organization", "name": page.contributing_unit.name}
    else:
        data["author"] = _publisher(request, tenant)
    return data


def legislation(request, page) -> dict:
    data = {
        "@context": SCHEMA,
        "@type": "Legislation",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": translation.get_language(),
        "legislationIdentifier": page.number,
    }
    if page.abstract:
        data["description"] = page.abstract
    if page.issue_date:
        data["legislationDate"] = page.issue_date.isoformat()
    if page.document_type_id:
        data["legislationType"] = page.document_type.name
    if page.issuing_body_id:
        data["legislationPassedBy"] = {
            "@type": "GovernmentOrganization",
            "name": page.issuing_body.name,
        }
    return data


def breadcrumb_list(request, page, crumbs) -> dict | None:
    """The trail from the home page to ``page`` as a ``BreadcrumbList`` (None on the home)."""
    if page is None or not crumbs:
        return None
    steps = [(crumb.depth, crumb.title, crumb.full_url) for crumb in crumbs]
    steps.append((page.depth, page.title, page.get_full_url(request)))
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": _("Trang chủ") if depth == 2 else title,
            "item": url,
        }
        for position, (depth, title, url) in enumerate(steps, start=1)
    ]
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": items}
