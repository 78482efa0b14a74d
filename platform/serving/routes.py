"""Where a path of a site leads, remembered per site generation (issue 19, the query budget).

Wagtail finds the page of a request by walking the tree from the site's root, one query per
path level, then one for the content type and one for the specific page. The walk's answer
(the page's model and id, and the part of the path a routable page handles itself) changes
only when a page is published, unpublished, moved or deleted, each of which bumps the site's
generation; ``serve`` remembers it per site, language and path in ``serving.site_facts`` and
leaves one query: the page itself. It then hands the request to Wagtail's own ``serve``, which
finds the route ready on the request and runs every ``before_serve_page`` hook (view
restrictions, the English-version check, visit counting) as always.
"""

from django.apps import apps
from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from serving import site_facts


def serve(request, path):
    _prefill_route(request, path)
    return wagtail_views.serve(request, path)


def _prefill_route(request, path: str) -> None:
    site = Site.find_for_request(request)
    if site is None or hasattr(request, "_wagtail_route_for_request"):
        return
    components = [component for component in path.split("/") if component]
    known = site_facts.remembered(
        f"route:{site.pk}:{get_language()}:{path}", lambda: _walk(request, path, components)
    )
    if known is None or hasattr(request, "_wagtail_route_for_request"):
        return  # Wagtail walked (or will walk, and answer 404) itself: its route stands
    model, page_id, handled = known
    model = apps.get_model(model)
    related = getattr(model, "serve_related", ())
    page = next(iter(model.objects.filter(pk=page_id).select_related(*related)), None)
    if page is None:
        return
    try:
        request._wagtail_route_for_request = page.route(request, components[handled:])
    except Http404:
        request._wagtail_route_for_request = None


def _walk(request, path: str, components: list[str]) -> tuple[str, int, int] | None:
    """Wagtail's walk, as (model label, page id, path components the tree consumed)."""
    found = Page.route_for_request(request, path)
    if found is None:
        return None
    page = found[0]
    # The page sits ``handled`` levels below the site's root; what follows in the path is
    # the routable page's own (RoutablePageMixin), re-resolved on every request.
    handled = page.depth - Site.find_for_request(request).root_page.depth
    if not 0 <= handled <= len(components) or (
        page.url_path.strip("/").split("/")[1:] != components[:handled]
    ):
        return None  # a route that leaves the tree: not remembered
    return page._meta.label_lower, page.pk, handled
