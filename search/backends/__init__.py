"""The two index backends behind one interface, and what they share around it.

``get_backend()`` picks Elasticsearch when ``ELASTICSEARCH_URL`` is set, PostgreSQL otherwise.
Both receive the same outbox events and answer the same ``SearchQuery`` with the same
``SearchResult``; the sites' names and statuses are filled in here, once, for both.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from django.conf import settings
from django.db import connection

from portal import site_memo
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
    if (ids is not None and not ids) or (ids is None and slugs is not None and not slugs):
        return {}  # nothing asked for: no query (a search with no site filter)
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

    def read() -> tuple[int, ...]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM public.tenants_tenant WHERE status = ANY(%s) ORDER BY id",
                [hidden],
            )
            return tuple(row[0] for row in cursor.fetchall())

    # A site's status changes with the network's generation: remembered until then.
    return list(site_memo.remembered(f"hidden-sites:{','.join(hidden)}", read))


# Deepest entry ``newest`` reaches (offset + limit): Elasticsearch refuses a ``from`` + ``size``
# beyond its ``index.max_result_window`` (10,000 by default), so both backends stop there.
NEWEST_WINDOW = 10_000


@dataclass(frozen=True)
class NewestQuery:
    """The newest entries of some sites (the parent portal's "Tin từ các xã/phường", the
    network's open data): no text, newest first. ``since``/``until`` are local dates, both
    included."""

    sites: tuple[int, ...]
    kinds: tuple[str, ...] = ()
    locale: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = 10
    offset: int = 0
    with_total: bool = False


@dataclass
class NewEntry:
    """One entry as a list of the newest shows it (plain text, not highlighted)."""

    site_id: int
    page_id: int
    url: str
    title: str
    summary: str
    kind: str
    locale: str
    date: datetime
    extra: dict = field(default_factory=dict)
    site_name: str = ""
    site_slug: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass
class Newest:
    entries: list[NewEntry]
    total: int | None = None  # counted only when asked (``with_total``)


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

    def run_newest(self, query: NewestQuery) -> Newest:
        raise NotImplementedError

    def newest(
        self,
        site_ids,
        *,
        kinds=(),
        locale: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 10,
        offset: int = 0,
        with_total: bool = False,
    ) -> Newest:
        """The newest entries of ``site_ids`` (live sites only), newest first, with their
        site's name. No text query: the order is the date, on both backends the same (ties
        by site, then page, descending)."""
        hidden = set(hidden_site_ids())
        sites = tuple(sorted({int(site) for site in site_ids} - hidden))
        limit = max(0, min(int(limit), NEWEST_WINDOW - int(offset)))
        if not sites or limit == 0 and not with_total:
            return Newest([], 0 if with_total else None)
        query = NewestQuery(
            sites=sites,
            kinds=tuple(sorted(set(kinds or ()))),
            locale=locale or None,
            since=since,
            until=until,
            limit=limit,
            offset=max(0, int(offset)),
            with_total=with_total,
        )
        result = self.run_newest(query)
        if not result.entries:
            return result
        named = site_directory(ids={entry.site_id for entry in result.entries})
        for entry in result.entries:
            site = named.get(entry.site_id)
            entry.site_name = site.name if site else ""
            entry.site_slug = site.slug if site else ""
        return result

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
