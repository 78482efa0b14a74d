"""Site-wide views that belong to no single page: the feed, the sitemaps (F10), robots.txt."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from wagtail.models import Site

from content.feeds import PageFeed
from content.languages import language_root
from content.sitemaps import PortalSitemap

# Never worth a crawler's visit: the admin, the support sign-in, the rating form's target and
# Wagtail's password form. Search results stay crawlable (a citizen's link to a search is a real
# page) but every one names the bare search page as its canonical, so engines index one page.
ROBOTS_DISALLOWED = ("/admin/", "/ho-tro/", "/danh-gia/", "/_util/")


def _site_root(request):
    """The site and its home in the request's language; a 404 when the site has no live home
    in that language (``/en/rss.xml`` of a site without an English version)."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    root = language_root(site)
    if root is None:
        raise Http404
    return site, root


def site_feed(request):
    """The RSS feed of the whole site, in the language of the request: its items are those of
    that language's tree only."""
    _site, root = _site_root(request)
    return PageFeed(root)(request)


def sitemap_xml(request):
    return django_sitemap(request, sitemaps={"pages": PortalSitemap(request)})


@require_safe
def robots_txt(request):
    """The site's own robots.txt, naming its own sitemap (each site has its own host)."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


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
