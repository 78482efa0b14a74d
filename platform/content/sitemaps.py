"""``sitemap.xml`` of one site: every live, public page of every language of its tree.

Wagtail's own sitemap walks only the site's root page, which misses the English tree (a
sibling of the Vietnamese home, linked to it by translation); this one walks both.
"""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


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
