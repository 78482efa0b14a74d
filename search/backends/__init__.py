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


def site_directory() -> dict[int, SiteInfo]:
    """Every site with its name and status (one small query; the network has ≤ a few thousand)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, name, slug, status FROM public.tenants_tenant")
        return {row[0]: SiteInfo(*row) for row in cursor.fetchall()}


def hidden_site_ids(sites: dict[int, SiteInfo]) -> list[int]:
    """Suspended sites never appear; archived ones only if the network chooses so."""
    hidden = {"suspended"} if settings.SEARCH_SHOW_ARCHIVED else {"suspended", "archived"}
    return sorted(site.id for site in sites.values() if site.status in hidden)


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
        sites = site_directory()
        result = self.run(query, hidden_site_ids(sites))
        for hit in result.hits:
            site = sites.get(hit.site_id)
            hit.site_name = site.name if site else ""
            hit.site_archived = bool(site and site.status == "archived")
        for bucket in result.facets.get("site", []):
            site = sites.get(int(bucket.key))
            bucket.label = site.name if site else bucket.key
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
