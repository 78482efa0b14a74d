"""The Elasticsearch backend and index lifecycle at the HTTP level (issue 17, findings 2–3).

The real ``elasticsearch`` client talks to ``tests/search/es_server.py``, which answers with
responses shaped as Elasticsearch 8 answers them (``fixtures/es8/``, each naming its source).
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from elasticsearch import BadRequestError, Elasticsearch, NotFoundError
from elasticsearch.helpers import BulkIndexError

from search import outbox
from search.backends import SearchUnavailable
from search.backends.elastic import ElasticsearchBackend
from search.backends.elastic_index import IndexProblem, Lifecycle
from search.outbox import DELETE, UPSERT, Event
from search.query import SearchQuery
from tests.search.es_server import FakeElasticsearch, fixture, serve

IDX = "portal-search-20260101000000"
NEW = "portal-search-20260202000000"
READ, WRITE = "portal-search-read", "portal-search-write"
TASK = "oTUltX4IQMOUUVeiohTt8A:12345"


@pytest.fixture
def es():
    fake = FakeElasticsearch()
    url, stop = serve(fake)
    fake.url = url
    yield fake
    stop()


@pytest.fixture
def pauses(monkeypatch):
    waited = []
    monkeypatch.setattr("search.backends.elastic.time.sleep", waited.append)
    return waited


def client(es) -> Elasticsearch:
    return Elasticsearch(es.url, max_retries=0, request_timeout=5)


def backend(es) -> ElasticsearchBackend:
    return ElasticsearchBackend(es.url, "portal")


def doc(page_id: int) -> dict:
    return {
        "site_id": 7,
        "page_id": page_id,
        "title": "Khánh thành cầu treo",
        "published_at": "2026-03-01T09:00:00+07:00",
    }


# ------------------------------------------------------------------ creating the index


def fresh_cluster(es):
    for name in (READ, WRITE):
        es.answer("HEAD", f"/_alias/{name}", 404)
        es.answer("HEAD", f"/{name}", 404)
    es.answer("PUT", f"/{IDX}", "indices_create")


def test_a_missing_alias_is_a_404_that_the_old_command_died_on(es):
    es.answer("GET", f"/_alias/{READ}", "get_alias_missing")
    with pytest.raises(NotFoundError):
        client(es).indices.get_alias(name=READ, ignore_unavailable=True)


def test_a_fresh_cluster_gets_the_index_and_both_aliases_in_one_request(es):
    fresh_cluster(es)
    assert Lifecycle(client(es)).ensure(stamp="20260101000000") == IDX
    [create] = es.sent("PUT")
    body = create.json()
    assert body["aliases"] == {READ: {}, WRITE: {"is_write_index": True}}
    assert body["mappings"]["properties"]["title"]["analyzer"] == "vi_folded"
    assert body["settings"]["analysis"]["analyzer"]["vi_folded"]["filter"] == [
        "lowercase",
        "asciifolding",
    ]
    assert not es.sent("GET", f"/_alias/{READ}")  # never asked of a missing alias


def test_creating_again_changes_nothing(es):
    for name in (READ, WRITE):
        es.answer("HEAD", f"/_alias/{name}", 200)
        es.answer("GET", f"/_alias/{name}", "get_alias")
    assert Lifecycle(client(es)).ensure() == IDX
    assert [r.method for r in es.requests if r.method not in ("HEAD", "GET")] == []


def test_an_index_a_write_created_by_accident_is_named_not_aliased_over(es):
    es.answer("HEAD", f"/_alias/{READ}", 404)
    es.answer("HEAD", f"/_alias/{WRITE}", 404)
    es.answer("HEAD", f"/{READ}", 404)
    es.answer("HEAD", f"/{WRITE}", 200)  # a plain index called portal-search-write
    with pytest.raises(IndexProblem, match=WRITE):
        Lifecycle(client(es)).ensure()
    assert not es.sent("PUT")


def test_the_command_works_on_a_fresh_cluster(es, settings, monkeypatch):
    from search.backends import elastic_index

    real = elastic_index.new_index
    monkeypatch.setattr(
        elastic_index, "new_index", lambda d=None, s=None: real(d, "20260101000000")
    )
    settings.ELASTICSEARCH_URL = es.url
    fresh_cluster(es)
    out = io.StringIO()
    call_command("create_search_index", if_missing=True, stdout=out)
    assert f"{READ} và {WRITE} → {IDX}" in out.getvalue()


# ------------------------------------------------------------------ migrating


def aliases_on(es, read: list, write: list):
    es.answer("HEAD", f"/_alias/{READ}", 200)
    es.answer("HEAD", f"/_alias/{WRITE}", 200)
    es.answer("GET", f"/_alias/{READ}", *read)
    es.answer("GET", f"/_alias/{WRITE}", *write)


def test_a_migration_copies_as_a_polled_task_then_moves_reads_atomically(es):
    aliases_on(es, read=["get_alias"], write=["get_alias", "get_alias", "get_alias_write"])
    es.answer("PUT", f"/{NEW}", "indices_create")
    es.answer("POST", "/_aliases", "update_aliases")
    es.answer("GET", f"/{NEW}/_mapping", (200, {NEW: {"mappings": {"_meta": {"copy_from": IDX}}}}))
    es.answer("HEAD", f"/{IDX}", 200)
    es.answer("POST", "/_reindex", "reindex_task")
    es.answer("PUT", f"/{NEW}/_mapping", "acknowledged")
    es.answer("GET", f"/_tasks/{TASK}", "tasks_running", "tasks_running", "tasks_completed")

    assert Lifecycle(client(es), poll_seconds=0).migrate(stamp="20260202000000") == NEW

    created = es.sent("PUT", f"/{NEW}")[0].json()
    assert created["mappings"]["_meta"] == {"copy_from": IDX} and "aliases" not in created
    move_writes, move_reads = (r.json()["actions"] for r in es.sent("POST", "/_aliases"))
    assert move_writes == [
        {"remove": {"index": IDX, "alias": WRITE}},
        {"add": {"index": NEW, "alias": WRITE, "is_write_index": True}},
    ]
    [reindex] = es.sent("POST", "/_reindex")
    assert reindex.query["wait_for_completion"] == ["false"]
    assert reindex.json()["dest"] == {"index": NEW, "op_type": "create"}
    assert es.sent("PUT", f"/{NEW}/_mapping")[0].json() == {
        "_meta": {"copy_from": IDX, "task": TASK}
    }
    assert len(es.sent("GET", f"/_tasks/{TASK}")) == 3  # polled until completed
    assert move_reads == [
        {"remove": {"index": IDX, "alias": READ}},
        {"add": {"index": NEW, "alias": READ}},
    ]


def test_an_interrupted_migration_resumes_and_restarts_a_lost_task(es):
    aliases_on(es, read=["get_alias"], write=["get_alias_write"])
    es.answer("GET", f"/{NEW}/_mapping", "get_mapping_meta")
    es.answer("HEAD", f"/{IDX}", 200)
    es.answer("GET", f"/_tasks/{TASK}", "tasks_missing", "tasks_completed")
    es.answer("POST", "/_reindex", "reindex_task")
    es.answer("PUT", f"/{NEW}/_mapping", "acknowledged")
    es.answer("POST", "/_aliases", "update_aliases")

    assert Lifecycle(client(es), poll_seconds=0).migrate() == NEW
    assert not es.sent("PUT", f"/{NEW}")  # no second new index
    assert len(es.sent("POST", "/_reindex")) == 1  # the lost copy, started again
    [swap] = es.sent("POST", "/_aliases")
    assert swap.json()["actions"][-1] == {"add": {"index": NEW, "alias": READ}}


def test_a_finished_swap_run_again_sends_nothing(es):
    aliases_on(es, read=["get_alias_write"], write=["get_alias_write"])
    Lifecycle(client(es)).swap_read(NEW)
    assert not es.sent("POST", "/_aliases")


def test_a_copy_with_failures_stops_before_moving_reads(es):
    failed = {
        "completed": True,
        "response": {"failures": [{"index": NEW, "id": "7-1", "cause": {"type": "x"}}]},
    }
    aliases_on(es, read=["get_alias"], write=["get_alias_write"])
    es.answer("GET", f"/{NEW}/_mapping", "get_mapping_meta")
    es.answer("HEAD", f"/{IDX}", 200)
    es.answer("GET", f"/_tasks/{TASK}", (200, failed))
    with pytest.raises(IndexProblem, match="1 lỗi"):
        Lifecycle(client(es), poll_seconds=0).migrate()
    assert not es.sent("POST", "/_aliases")


# ------------------------------------------------------------------ writing


def test_writes_go_to_the_write_alias_and_never_create_an_index(es):
    es.answer("PUT", "/_bulk", "bulk_ok")
    backend(es).apply([Event(7, 12, UPSERT, doc(12)), Event(7, 13, DELETE)])
    [bulk] = es.sent("PUT", "/_bulk")
    assert bulk.query["require_alias"] == ["true"]
    lines = bulk.ndjson()
    assert lines[0] == {"index": {"_index": WRITE, "_id": "7-12"}}
    assert lines[1]["year"] == 2026
    assert lines[2] == {"delete": {"_index": WRITE, "_id": "7-13"}}  # its 404 is fine


def test_a_bulk_answer_with_a_failed_item_keeps_the_events_in_the_outbox(
    es, db, monkeypatch, pauses
):
    es.answer("PUT", "/_bulk", "bulk_partial_failure")
    elastic = backend(es)
    with pytest.raises(BulkIndexError):
        elastic.apply([Event(7, 12, UPSERT, doc(12)), Event(7, 13, UPSERT, doc(13))])

    # The drain then sends the refused batch's events one at a time (issue 22, finding 1):
    # 7-12 is taken, 7-13 is refused again, alone, and stays with its error and one attempt.
    refused_alone = fixture("bulk_partial_failure")["body"]
    refused_alone = {**refused_alone, "items": refused_alone["items"][1:]}
    es.answer("PUT", "/_bulk", "bulk_partial_failure", "bulk_ok", (200, refused_alone))
    monkeypatch.setattr("search.backends.get_backend", lambda: elastic)
    outbox.record([Event(7, 12, UPSERT, doc(12)), Event(7, 13, UPSERT, doc(13))])
    assert outbox.drain(backend=elastic) == 1
    assert outbox.pending() == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT page_id, attempts, last_error FROM public.search_outbox")
        [(page_id, attempts, error)] = cursor.fetchall()
    assert (page_id, attempts) == (13, 1) and "document_parsing_exception" in error
    assert pauses == []  # a refused document is not retried in a loop


def test_429_is_retried_with_growing_pauses(es, pauses):
    es.answer("PUT", "/_bulk", "too_many_requests", "too_many_requests", "bulk_ok")
    backend(es).apply([Event(7, 12, UPSERT, doc(12))])
    assert len(es.sent("PUT", "/_bulk")) == 3
    assert pauses == [0.5, 1.0]


def test_a_cluster_that_stays_unavailable_leaves_the_events_waiting(es, db, monkeypatch, pauses):
    es.answer("PUT", "/_bulk", "unavailable")
    elastic = backend(es)
    monkeypatch.setattr("search.backends.get_backend", lambda: elastic)
    outbox.record([Event(7, 12, UPSERT, doc(12))])
    assert outbox.drain(backend=elastic) == 0
    assert outbox.pending() == 1
    assert pauses == [0.5, 1.0, 2.0, 4.0]
    assert len(es.sent("PUT", "/_bulk")) == 5

    es.answer("PUT", "/_bulk", "bulk_ok")  # back
    assert outbox.drain(backend=elastic) == 1
    assert outbox.pending() == 0


def test_a_bad_request_is_not_retried(es, pauses):
    bad = {"error": {"type": "illegal_argument_exception", "reason": "x"}, "status": 400}
    es.answer("PUT", "/_bulk", (400, bad))
    with pytest.raises(BadRequestError):
        backend(es).apply([Event(7, 12, UPSERT, doc(12))])
    assert pauses == []


# ------------------------------------------------------------------ reading


def test_hits_highlights_and_facets_are_read_from_the_answer(es):
    es.answer("POST", f"/{READ}/_search", "search_highlight")
    result = backend(es).run(SearchQuery.build("cầu treo"), hidden_sites=[9])
    [hit] = result.hits
    assert hit.title == "Khánh thành <mark>cầu</mark> <mark>treo</mark> làng Kon Mahra"
    assert hit.snippet == "<mark>Cầu</mark> <mark>treo</mark> dài 80 mét … nối hai bờ &lt;sông&gt;."
    assert (hit.site_id, hit.page_id, hit.kind, hit.score) == (7, 12, "news", 7.3)
    assert hit.url == "http://iabang.localhost/tin-tuc/khanh-thanh-cau-treo/"
    assert hit.date.isoformat() == "2026-03-01T09:00:00+07:00"
    assert result.total == 1
    assert [(b.key, b.count) for b in result.facets["site"]] == [("7", 1)]
    assert [(b.key, b.count) for b in result.facets["year"]] == [("2026", 1)]
    assert not result.suggestion
    [search] = es.sent("POST", f"/{READ}/_search")
    assert search.json()["query"]["bool"]["must_not"] == [{"terms": {"site_id": [9]}}]


def test_no_hits_with_a_suggestion_searches_the_corrected_words(es):
    es.answer("POST", f"/{READ}/_search", "search_suggest", "search_highlight")
    result = backend(es).run(SearchQuery.build("cau treoo"), hidden_sites=[])
    assert (result.suggestion, result.suggestion_used, result.total) == ("cau treo", True, 1)
    first, second = es.sent("POST", f"/{READ}/_search")
    assert second.json()["query"]["bool"]["must"][0]["simple_query_string"]["query"] == "cau treo"


@pytest.mark.parametrize("answer", ["unavailable", "too_many_requests"])
def test_a_search_the_cluster_refuses_says_so_politely(es, answer):
    es.answer("POST", f"/{READ}/_search", answer)
    with pytest.raises(SearchUnavailable):
        backend(es).run(SearchQuery.build("cau"), hidden_sites=[])


# ------------------------------------------------------------------ pruning


def test_prune_pages_through_a_point_in_time_and_deletes_only_the_stale(es):
    es.answer("POST", f"/{WRITE}/_pit", "open_point_in_time")
    es.answer("POST", "/_search", "pit_page_1", "pit_page_2")
    es.answer("DELETE", "/_pit", "close_point_in_time")
    es.answer("PUT", "/_bulk", "bulk_ok")
    elastic = backend(es)
    elastic.prune_page_size = 2

    elastic.prune(7, keep_page_ids=[5])

    [opened] = es.sent("POST", f"/{WRITE}/_pit")
    assert opened.query["keep_alive"] == ["2m"]
    first, second = (r.json() for r in es.sent("POST", "/_search"))
    assert first["query"] == {"term": {"site_id": 7}} and "search_after" not in first
    assert second["search_after"] == [5]
    assert second["pit"]["id"].endswith("AAAAB==")  # the id the previous answer gave
    assert "terms" not in str(first)  # no list of ids in a query, whatever their number
    [bulk] = es.sent("PUT", "/_bulk")
    assert bulk.ndjson() == [
        {"delete": {"_index": WRITE, "_id": "7-3"}},
        {"delete": {"_index": WRITE, "_id": "7-8"}},
    ]
    assert len(es.sent("DELETE", "/_pit")) == 1
