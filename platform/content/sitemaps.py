"""``sitemap.xml`` of one site: every live, public page of every language of its tree.

Wagtail's own sitemap walks only the site's root page, which misses the English tree (a
sibling of the Vietnamese home, linked to it by translation); this one walks both, and names
each page's translations as ``xhtml:link rel="alternate" hreflang`` (with the Vietnamese one
as ``x-default``), as the pages' own ``<head>`` does. Alternates are taken from the listed
pages only, so a draft, private or restricted translation is never named.
"""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


def site_pages(site):
    """The live, public pages of ``site`` in every language, tree order."""
    roots = site.root_page.get_translations(inclusive=True)
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    return pages.live().public().order_by("path")


class PortalSitemap(Sitemap):
    def items(self):
        return site_pages(self.get_wagtail_site()).defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        versions: dict = {}
        for item in pages:
            versions.setdefault(item.translation_key, []).append(item)
        urls, last_mods = [], set()
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                translations = versions.get(item.translation_key, [])
                if len(translations) > 1:
                    url_info["alternates"] = alternates(translations, languages, self.request)
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def alternates(translations, languages: dict, request) -> list[dict]:
    """The ``hreflang`` alternates of a page: each language, then ``x-default``."""
    found = [
        {"lang_code": languages[p.locale_id], "location": p.get_full_url(request)}
        for p in translations
    ]
    default = next((a for a in found if a["lang_code"] == settings.LANGUAGE_CODE), None)
    if default is not None:
        found.append({"lang_code": "x-default", "location": default["location"]})
    return found
