"""Site-wide views that belong to no single page: the feed, the sitemaps (F10)."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.shortcuts import render
from wagtail.models import Site

from content.feeds import PageFeed
from content.sitemaps import PortalSitemap


def _site_root(request):
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    return site, site.root_page.localized.specific


def site_feed(request):
    """The RSS feed of the whole site, in the language of the request."""
    _site, root = _site_root(request)
    return PageFeed(root)(request)


def sitemap_xml(request):
    return django_sitemap(request, sitemaps={"pages": PortalSitemap(request)})


def html_sitemap(request):
    """The site's sections as a tree, for people (TT 32/2017 art. 16(4)(b)).

    Items (news, documents, procedures, weekly schedules) are left out: thousands of them
    would bury the structure, and each is one click away in its section; ``sitemap.xml``
    lists them all for machines.
    """
    from content.models import DocumentPage, NewsPage, ProcedurePage, ScheduleWeekPage

    site, root = _site_root(request)
    pages = (
        root.get_descendants()
        .live()
        .public()
        .not_type(NewsPage, DocumentPage, ProcedurePage, ScheduleWeekPage)
        .order_by("path")
    )
    children: dict[str, list] = {}
    for page in pages:
        children.setdefault(page.path[: -page.steplen], []).append(page)

    def branch(path):
        return [{"page": page, "children": branch(page.path)} for page in children.get(path, [])]

    context = {"root": root, "tree": branch(root.path), "site": site}
    return render(request, "content/html_sitemap.html", context)
