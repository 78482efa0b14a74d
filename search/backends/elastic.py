"""The Elasticsearch backend (``ELASTICSEARCH_URL`` set), through ``elasticsearch-dsl``.

* One index for the whole network, named for the deployment (``SEARCH_DEPLOYMENT``) and
  reached through two aliases, ``<deployment>-search-read`` and ``<deployment>-search-write``:
  ``create_search_index`` builds a new concrete index, points writes at it, copies the old
  one in, then moves reads, so a mapping change costs no downtime. (Wagtail's own backend
  names indexes per process, which would mix every site in one index: research P10.)
* Text fields are analysed twice: ``vi_folded`` (lower case + ASCII folding, which maps
  đ→d) for matching with or without diacritics, and a ``.exact`` sub-field (lower case only)
  that adds to the score when the words typed carry the right diacritics.
* Events arrive from the outbox (``drain_search_outbox``), so an outage loses nothing.
  A 429 (too many requests) or 503 (unavailable) is retried with growing pauses; if the
  cluster still refuses, ``apply`` raises and the events stay in the outbox for the worker.
  A bulk answer with some items failed raises as well (``BulkIndexError``): the whole batch
  is delivered again, which is harmless since each event is its page's newest state.
* Writes carry ``require_alias=true``: a write never creates an index (``elastic_index``).
"""

import time
from datetime import datetime, timedelta
from datetime import time as day_start
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.html import escape
from elasticsearch_dsl import (
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Object,
    Search,
    Text,
    analyzer,
)

from search.backends import Backend, NewEntry, Newest, NewestQuery, SearchUnavailable
from search.outbox import DELETE
from search.query import Bucket, Hit, SearchQuery, SearchResult

START, STOP = "\x02", "\x03"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
NEWEST_FIELDS = ["site_id", "page_id", "url", "title", "summary", "kind", "locale",
                 "published_at", "extra"]  # fmt: skip

vi_folded = analyzer("vi_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
vi_exact = analyzer("vi_exact", tokenizer="standard", filter=["lowercase"])


def _text() -> Text:
    return Text(analyzer=vi_folded, fields={"exact": Text(analyzer=vi_exact)})


class EntryDocument(Document):
    """One live page of one site; the id is ``<site_id>-<page_id>``."""

    site_id = Integer()
    page_id = Integer()
    locale = Keyword()
    url = Keyword(index=False)
    title = _text()
    summary = _text()
    body = _text()
    keywords = _text()
    kind = Keyword()
    section = Keyword()
    extra = Object(enabled=False)
    published_at = Date()
    updated_at = Date()
    year = Integer()


def alias_names(deployment: str | None = None) -> tuple[str, str]:
    deployment = (deployment or settings.SEARCH_DEPLOYMENT).lower()
    return f"{deployment}-search-read", f"{deployment}-search-write"


def new_index(deployment: str | None = None, stamp: str | None = None) -> Index:
    """A concrete index with the analyzers and mapping, not yet created."""
    deployment = (deployment or settings.SEARCH_DEPLOYMENT).lower()
    stamp = stamp or datetime.now().strftime("%Y%m%d%H%M%S")
    index = Index(f"{deployment}-search-{stamp}")
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.analyzer(vi_folded)
    index.analyzer(vi_exact)
    index.document(EntryDocument)
    return index


def document_source(doc: dict) -> dict:
    published = datetime.fromisoformat(doc["published_at"])
    return {**doc, "year": published.year}


def build_search(query: SearchQuery, hidden: list[int], index: str = "") -> Search:
    """The request for ``query``: same filters, facets and highlights as PostgreSQL."""
    search = Search(index=index or alias_names()[0])
    fields = ["title^3", "keywords^3", "summary^2", "body"]
    must = {
        "simple_query_string": {
            "query": query.text,
            "fields": fields,
            "default_operator": "and",
            "flags": "AND|OR|NOT|PHRASE|WHITESPACE|PRECEDENCE",
        }
    }
    should = []
    if query.has_diacritics:
        should.append(
            {
                "simple_query_string": {
                    "query": query.text,
                    "fields": ["title.exact^6", "summary.exact^3", "body.exact"],
                    "default_operator": "and",
                    "flags": "AND|OR|NOT|PHRASE|WHITESPACE|PRECEDENCE",
                }
            }
        )
    filters = []
    if query.sites:
        filters.append({"terms": {"site_id": list(query.sites)}})
    if query.kinds:
        filters.append({"terms": {"kind": list(query.kinds)}})
    if query.years:
        filters.append({"terms": {"year": list(query.years)}})
    must_not = [{"terms": {"site_id": hidden}}] if hidden else []
    search = search.query("bool", must=[must], should=should, filter=filters, must_not=must_not)
    search.aggs.bucket("site", "terms", field="site_id", size=1000)
    search.aggs.bucket("kind", "terms", field="kind", size=10)
    search.aggs.bucket("year", "terms", field="year", size=100, order={"_key": "desc"})
    search = search.highlight_options(pre_tags=[START], post_tags=[STOP], encoder="default")
    search = search.highlight("title", number_of_fragments=0)
    search = search.highlight("body", fragment_size=160, number_of_fragments=2)
    search = search.sort("_score", {"published_at": {"order": "desc"}})
    search = search.extra(track_total_hits=True, from_=query.offset, size=query.per_page)
    return search.suggest("fix", query.text, term={"field": "title", "suggest_mode": "missing"})


def build_newest(query: NewestQuery, index: str = "") -> Search:
    """The request for the newest entries of some sites: filters only (no scoring), sorted
    by date as PostgreSQL sorts them (ties by site, then page, descending); the body is not
    fetched."""
    filters = [{"terms": {"site_id": list(query.sites)}}]
    if query.kinds:
        filters.append({"terms": {"kind": list(query.kinds)}})
    if query.locale:
        filters.append({"term": {"locale": query.locale}})
    bounds = {}
    if query.since:
        bounds["gte"] = datetime.combine(query.since, day_start.min, VIETNAM).isoformat()
    if query.until:
        end = datetime.combine(query.until + timedelta(days=1), day_start.min, VIETNAM)
        bounds["lt"] = end.isoformat()
    if bounds:
        filters.append({"range": {"published_at": bounds}})
    search = Search(index=index or alias_names()[0]).query("bool", filter=filters)
    search = search.sort(
        {"published_at": {"order": "desc"}},
        {"site_id": {"order": "desc"}},
        {"page_id": {"order": "desc"}},
    )
    search = search.source(NEWEST_FIELDS)
    return search.extra(track_total_hits=query.with_total, from_=query.offset, size=query.limit)


def _date(value) -> datetime:
    if isinstance(value, str):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def _marked(text: str) -> str:
    return escape(text).replace(START, "<mark>").replace(STOP, "</mark>")


RETRY_STATUSES = (429, 503)


def _retryable(error: Exception) -> bool:
    from elasticsearch import ApiError, ConnectionError, ConnectionTimeout

    if isinstance(error, ConnectionError | ConnectionTimeout):
        return True
    return isinstance(error, ApiError) and error.meta.status in RETRY_STATUSES


class ElasticsearchBackend(Backend):
    name = "elasticsearch"
    applies_in_transaction = False
    # Pauses before each retry of a refused request, in seconds (tests set them to zero).
    backoff = (0.5, 1.0, 2.0, 4.0)
    prune_page_size = 1000

    def __init__(self, url: str, deployment: str | None = None, *, client=None):
        from elasticsearch import Elasticsearch

        # The client's own retries are off: they do not pause between tries (a cluster that
        # says 429 needs a pause); ``_with_backoff`` retries instead.
        self.client = client or Elasticsearch(url, request_timeout=10, max_retries=0)
        self.read_alias, self.write_alias = alias_names(deployment)

    def _with_backoff(self, call):
        for pause in (*self.backoff, None):
            try:
                return call()
            except Exception as error:
                if pause is None or not _retryable(error):
                    raise
                time.sleep(pause)
        return None  # not reached

    def apply(self, events) -> None:
        from elasticsearch import helpers

        actions = []
        for event in events:
            doc_id = f"{event.site_id}-{event.page_id}"
            if event.action == DELETE:
                actions.append({"_op_type": "delete", "_index": self.write_alias, "_id": doc_id})
            else:
                actions.append(
                    {
                        "_op_type": "index",
                        "_index": self.write_alias,
                        "_id": doc_id,
                        "_source": document_source(event.document),
                    }
                )
        if actions:
            self._with_backoff(
                lambda: helpers.bulk(
                    self.client,
                    actions,
                    ignore_status=(404,),  # deleting what is not there is done
                    refresh="wait_for",
                    require_alias=True,
                )
            )

    def clear(self, site_id: int | None = None) -> None:
        query = {"match_all": {}} if site_id is None else {"term": {"site_id": site_id}}
        self._with_backoff(
            lambda: self.client.delete_by_query(
                index=self.write_alias, query=query, refresh=True, conflicts="proceed"
            )
        )

    def site_page_ids(self, site_id: int):
        """Every page id the index holds for the site, through a point in time and
        ``search_after`` pages: any number of them (a ``terms`` query stops at 65,536)."""
        pit = self._with_backoff(
            lambda: self.client.open_point_in_time(index=self.write_alias, keep_alive="2m")
        )["id"]
        after = None
        try:
            while True:
                extra = {"search_after": after} if after is not None else {}
                response = self._with_backoff(
                    lambda extra=extra, pit=pit: self.client.search(
                        pit={"id": pit, "keep_alive": "2m"},
                        query={"term": {"site_id": site_id}},
                        sort=[{"page_id": "asc"}],
                        size=self.prune_page_size,
                        source=False,
                        docvalue_fields=["page_id"],
                        track_total_hits=False,
                        **extra,
                    )
                )
                pit = response.get("pit_id", pit)
                hits = response["hits"]["hits"]
                for hit in hits:
                    yield hit["fields"]["page_id"][0]
                if len(hits) < self.prune_page_size:
                    return
                after = hits[-1]["sort"]
        finally:
            self.client.close_point_in_time(id=pit)

    def prune(self, site_id: int, keep_page_ids: list[int]) -> None:
        from search.outbox import Event

        keep = set(keep_page_ids)
        stale = [page for page in self.site_page_ids(site_id) if page not in keep]
        for start in range(0, len(stale), self.prune_page_size):
            chunk = stale[start : start + self.prune_page_size]
            self.apply([Event(site_id, page, DELETE) for page in chunk])

    def count(self) -> int:
        return self._with_backoff(lambda: self.client.count(index=self.read_alias))["count"]

    def run(self, query: SearchQuery, hidden_sites: list[int]) -> SearchResult:
        from elasticsearch import ApiError, TransportError

        try:
            return self._run(query, hidden_sites)
        except (ApiError, TransportError) as error:
            raise SearchUnavailable(str(error)) from error

    def run_newest(self, query: NewestQuery) -> Newest:
        from elasticsearch import ApiError, TransportError

        search = build_newest(query, self.read_alias).using(self.client)
        try:
            response = search.execute()
        except (ApiError, TransportError) as error:
            raise SearchUnavailable(str(error)) from error
        entries = [
            NewEntry(
                site_id=hit.site_id,
                page_id=hit.page_id,
                url=hit.url,
                title=hit.title,
                summary=hit.summary or "",
                kind=hit.kind,
                locale=hit.locale or "vi",
                date=_date(hit.published_at),
                extra=hit.extra.to_dict() if getattr(hit, "extra", None) else {},
            )
            for hit in response.hits
        ]
        total = response.hits.total.value if query.with_total else None
        return Newest(entries, total)

    def _run(self, query: SearchQuery, hidden_sites: list[int]) -> SearchResult:
        response = build_search(query, hidden_sites, self.read_alias).using(self.client).execute()
        result = self._result(query, response)
        if result.total == 0:
            suggestion = " ".join(
                (entry.options[0].text if entry.options else entry.text)
                for entry in response.suggest.fix
            )
            if suggestion and suggestion.lower() != query.text.lower():
                corrected = SearchQuery(suggestion, *_rest(query))
                search = build_search(corrected, hidden_sites, self.read_alias)
                result = self._result(query, search.using(self.client).execute())
                result.suggestion = suggestion
                result.suggestion_used = result.total > 0
        return result

    def _result(self, query: SearchQuery, response) -> SearchResult:
        hits = []
        for hit in response.hits:
            highlight = getattr(hit.meta, "highlight", None)
            title = highlight.title[0] if highlight and "title" in highlight else hit.title
            snippet = (
                " … ".join(highlight.body)
                if highlight and "body" in highlight
                else (hit.summary or "")
            )
            hits.append(
                Hit(
                    site_id=hit.site_id,
                    page_id=hit.page_id,
                    url=hit.url,
                    title=_marked(title),
                    snippet=_marked(snippet),
                    date=datetime.fromisoformat(str(hit.published_at).replace("Z", "+00:00"))
                    if isinstance(hit.published_at, str)
                    else hit.published_at,
                    kind=hit.kind,
                    section=hit.section or "",
                    locale=hit.locale or "vi",
                    score=hit.meta.score or 0.0,
                )
            )
        facets = {
            name: [Bucket(str(b.key), b.doc_count) for b in response.aggregations[name].buckets]
            for name in ("site", "kind", "year")
        }
        return SearchResult(query=query, hits=hits, total=response.hits.total.value, facets=facets)


def _rest(query: SearchQuery) -> tuple:
    return (query.sites, query.kinds, query.years, query.page, query.per_page)
