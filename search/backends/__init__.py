"""The two index backends behind one interface, and what they share around it.

``get_backend()`` picks Elasticsearch when ``ELASTICSEARCH_URL`` is set, PostgreSQL otherwise.
Both receive the same outbox events and answer the same ``SearchQuery`` with the same
``SearchResult``; the sites' names and statuses are filled in here, once, for both.
"""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import connection

from search.query import KIND_LABELS, SearchQuery, SearchResult


class SearchUnavailable(Exception):
    """The index did not answer (timeout, Elasticsearch down): the page says so, politely."""


@dataclass(frozen=True)
class SiteInfo:
    id: int
    name: str
    slug: str
    status: str


def site_directory(*, ids=None, slugs=None) -> dict[int, SiteInfo]:
    """Sites by id with their name and status: those of ``ids`` or ``slugs``, or all.

    A search reads only the few sites its hits and facets name, not the whole network (a
    province has a few hundred sites; reading them all took 2–3 ms of every search).
    """
    sql, params = "SELECT id, name, slug, status FROM public.tenants_tenant", []
    if ids is not None:
        sql, params = f"{sql} WHERE id = ANY(%s)", [list(ids)]
    elif slugs is not None:
        sql, params = f"{sql} WHERE slug = ANY(%s)", [list(slugs)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0]: SiteInfo(*row) for row in cursor.fetchall()}


def hidden_site_ids() -> list[int]:
    """Suspended sites never appear; archived ones only if the network chooses so."""
    hidden = ["suspended"] if settings.SEARCH_SHOW_ARCHIVED else ["suspended", "archived"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM public.tenants_tenant WHERE status = ANY(%s) ORDER BY id", [hidden]
        )
        return [row[0] for row in cursor.fetchall()]


class Backend:
    """What a backend implements. ``applies_in_transaction``: events applied at publish time."""

    name = "abstract"
    applies_in_transaction = False

    def apply(self, events) -> None:
        raise NotImplementedError

    def run(self, query: SearchQuery, hidden_sites: list[int]) -> SearchResult:
        raise NotImplementedError

    def clear(self, site_id: int | None = None) -> None:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def prune(self, site_id: int, keep_page_ids: list[int]) -> None:
        """Remove the site's entries for pages that no longer exist (after a rebuild)."""
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResult:
        """Run ``query`` on live sites only and label hits and facets for people."""
        result = self.run(query, hidden_site_ids())
        named = {hit.site_id for hit in result.hits}
        named |= {int(bucket.key) for bucket in result.facets.get("site", [])}
        sites = site_directory(ids=named)
        for hit in result.hits:
            site = sites.get(hit.site_id)
            hit.site_name = site.name if site else ""
            hit.site_archived = bool(site and site.status == "archived")
        for bucket in result.facets.get("site", []):
            site = sites.get(int(bucket.key))
            bucket.label = site.name if site else bucket.key
            bucket.slug = site.slug if site else ""
        for bucket in result.facets.get("kind", []):
            bucket.label = KIND_LABELS.get(bucket.key, bucket.key)
        for bucket in result.facets.get("year", []):
            bucket.label = bucket.key
        return result


@cache
def _backend(name: str) -> Backend:
    if name == "elasticsearch":
        from search.backends.elastic import ElasticsearchBackend

        return ElasticsearchBackend(settings.ELASTICSEARCH_URL)
    from search.backends.postgres import PostgresBackend

    return PostgresBackend()


def get_backend() -> Backend:
    return _backend(settings.SEARCH_BACKEND)
