"""A site's view restrictions (Wagtail's "Riêng tư" setting of a page), read once per
generation instead of on every page (issue 19, the query budget).

Wagtail asks the database for them on every page it serves (``Page.get_view_restrictions``,
by the ``before_serve_page`` check) and in every listing that keeps private pages out
(``PageQuerySet.public()``, by ``private_q``): two to five queries per page, although almost
every site has no restriction at all. Both methods are replaced here by ones that give the
same answer from the restrictions remembered per site (``serving.site_facts``); a restriction
saved or deleted bumps its site's generation (``serving.invalidation``), so what is remembered
is never stale. The admin's own checks go through the same methods and get the same answers.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from serving import site_facts

_wagtail_get_view_restrictions = Page.get_view_restrictions


def restricted_sections() -> tuple[tuple[int, str, int], ...]:
    """(page id, tree path, depth) of every restricted page of the current site."""
    return site_facts.remembered(
        "restricted",
        lambda: tuple(
            PageViewRestriction.objects.order_by("page__path").values_list(
                "page_id", "page__path", "page__depth"
            )
        ),
    )


def private_q(queryset) -> Q:
    """What ``PageQuerySet.private_q`` builds, from the remembered restrictions."""
    q = Q()
    for _page_id, path, depth in restricted_sections():
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])  # as Wagtail: no private section matches no page


def get_view_restrictions(page):
    """Wagtail's answer, without its two queries when the site has no restriction at all
    (nearly always); otherwise Wagtail's own walk, which also follows aliases to their
    sources."""
    if not restricted_sections():
        return PageViewRestriction.objects.none()
    return _wagtail_get_view_restrictions(page)


def install() -> None:
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = get_view_restrictions
