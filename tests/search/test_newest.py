"""``Backend.newest`` on every available backend (issue 16, part 4): the newest entries of some
sites, no text, the same answer from PostgreSQL and Elasticsearch (run as in test_contract:
Elasticsearch only when ELASTICSEARCH_URL reaches a live server)."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from search.backends import NEWEST_WINDOW, NewestQuery
from search.backends.elastic import build_newest
from search.outbox import DELETE, UPSERT, Event
from tenants.models import Tenant
from tests.search.test_contract import empty_backend

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def _doc(site, page_id, title, when, *, kind="news", locale="vi"):
    return {
        "site_id": site.pk,
        "page_id": page_id,
        "locale": locale,
        "url": f"http://{site.slug}.localhost/tin-tuc/{page_id}/",
        "title": title,
        "summary": f"Tóm tắt: {title}",
        "body": f"{title}. Nội dung.",
        "keywords": "",
        "kind": kind,
        "section": "Tin tức – Sự kiện",
        "extra": {"note": "x"} if kind == "document" else {},
        "published_at": when.isoformat(),
        "updated_at": when.isoformat(),
    }


def _at(day, hour=9):
    return datetime.datetime(2026, 11, day, hour, 0, tzinfo=HANOI)


def corpus(sites):
    a, b, c = sites["dakdoa"], sites["iabang"], sites["glar"]
    docs = [
        _doc(a, 1, "Tin của huyện", _at(20)),
        _doc(b, 2, "Ia Băng làm đường", _at(18)),
        _doc(b, 3, "Ia Băng thu hoạch cà phê", _at(16)),
        _doc(c, 4, "Glar tiếp dân", _at(17)),
        _doc(c, 5, "Kế hoạch của Glar", _at(19), kind="document"),
        _doc(b, 6, "Ia Bang builds a road", _at(18, 10), locale="en"),
        # Midnight in Hà Nội is still the day before in UTC: the day is the local one.
        _doc(c, 7, "Tin lúc nửa đêm", datetime.datetime(2026, 11, 15, 0, 30, tzinfo=HANOI)),
    ]
    return [Event(d["site_id"], d["page_id"], UPSERT, d) for d in docs]


@pytest.fixture(params=["postgres", "elasticsearch"])
def backend(request, demo_network, db, settings):
    backend, cleanup = empty_backend(request.param, settings)
    backend.apply(corpus(demo_network))
    yield backend
    cleanup()


def _members(sites):
    return [sites["iabang"].pk, sites["glar"].pk]


def titles(result):
    return [entry.title for entry in result.entries]


def test_newest_first_across_the_sites_asked_for_only(backend, demo_network):
    result = backend.newest(_members(demo_network), locale="vi")
    assert titles(result) == [
        "Kế hoạch của Glar",
        "Ia Băng làm đường",
        "Glar tiếp dân",
        "Ia Băng thu hoạch cà phê",
        "Tin lúc nửa đêm",
    ]  # the parent's own item (not asked for) is not there


def test_an_entry_carries_title_url_site_kind_date_and_summary(backend, demo_network):
    [entry] = backend.newest([demo_network["glar"].pk], kinds=["document"]).entries
    assert entry.title == "Kế hoạch của Glar"
    assert entry.url == f"http://glar.localhost/tin-tuc/{entry.page_id}/"
    assert (entry.site_name, entry.site_slug) == ("Xã Glar", "glar")
    assert entry.kind == "document" and entry.kind_label == "Văn bản"
    assert entry.date == _at(19)
    assert entry.summary == "Tóm tắt: Kế hoạch của Glar"
    assert entry.extra == {"note": "x"}


def test_kinds_locale_limit_offset_and_total(backend, demo_network):
    members = _members(demo_network)
    news = backend.newest(members, kinds=["news"], locale="vi", limit=2, with_total=True)
    assert titles(news) == ["Ia Băng làm đường", "Glar tiếp dân"]
    assert news.total == 4
    after = backend.newest(members, kinds=["news"], locale="vi", limit=2, offset=2)
    assert titles(after) == ["Ia Băng thu hoạch cà phê", "Tin lúc nửa đêm"]
    assert after.total is None  # not counted unless asked
    assert titles(backend.newest(members, locale="en")) == ["Ia Bang builds a road"]


def test_local_dates_bound_the_list_both_included(backend, demo_network):
    members = _members(demo_network)
    since = backend.newest(members, since=datetime.date(2026, 11, 17), locale="vi")
    assert titles(since) == ["Kế hoạch của Glar", "Ia Băng làm đường", "Glar tiếp dân"]
    day = backend.newest(
        members, since=datetime.date(2026, 11, 15), until=datetime.date(2026, 11, 15)
    )
    assert titles(day) == ["Tin lúc nửa đêm"]
    before = backend.newest(members, until=datetime.date(2026, 11, 14))
    assert titles(before) == []


def test_suspended_sites_never_appear_and_archived_only_if_the_network_says(
    backend, demo_network, settings
):
    members = _members(demo_network)
    Tenant.objects.filter(pk=demo_network["glar"].pk).update(status=Tenant.Status.SUSPENDED)
    assert {e.site_slug for e in backend.newest(members).entries} == {"iabang"}
    Tenant.objects.filter(pk=demo_network["glar"].pk).update(status=Tenant.Status.ARCHIVED)
    settings.SEARCH_SHOW_ARCHIVED = False
    assert {e.site_slug for e in backend.newest(members).entries} == {"iabang"}
    settings.SEARCH_SHOW_ARCHIVED = True
    assert {e.site_slug for e in backend.newest(members).entries} == {"iabang", "glar"}


def test_a_delete_event_removes_the_entry_from_the_newest(backend, demo_network):
    backend.apply([Event(demo_network["glar"].pk, 5, DELETE)])
    assert "Kế hoạch của Glar" not in titles(backend.newest(_members(demo_network)))


def test_nothing_asked_is_nothing_answered(backend, demo_network):
    assert backend.newest([]).entries == []
    assert backend.newest(_members(demo_network), limit=0).entries == []
    assert backend.newest(_members(demo_network), offset=NEWEST_WINDOW).entries == []


# ---------------------------------------------------------------- the Elasticsearch request
def test_the_elasticsearch_request_filters_sorts_by_date_and_skips_the_body():
    query = NewestQuery(
        sites=(3, 7),
        kinds=("news",),
        locale="en",
        since=datetime.date(2026, 11, 1),
        until=datetime.date(2026, 11, 30),
        limit=5,
        offset=10,
        with_total=True,
    )
    body = build_newest(query, index="x").to_dict()
    assert body["query"] == {
        "bool": {
            "filter": [
                {"terms": {"site_id": [3, 7]}},
                {"terms": {"kind": ["news"]}},
                {"term": {"locale": "en"}},
                {
                    "range": {
                        "published_at": {
                            "gte": "2026-11-01T00:00:00+07:00",
                            "lt": "2026-12-01T00:00:00+07:00",
                        }
                    }
                },
            ]
        }
    }
    assert body["sort"] == [
        {"published_at": {"order": "desc"}},
        {"site_id": {"order": "desc"}},
        {"page_id": {"order": "desc"}},
    ]
    assert "body" not in body["_source"] and "title" in body["_source"]
    assert (body["from"], body["size"], body["track_total_hits"]) == (10, 5, True)
    assert "highlight" not in body and "aggs" not in body


def test_the_elasticsearch_request_without_filters_counts_nothing():
    body = build_newest(NewestQuery(sites=(1,)), index="x").to_dict()
    assert body["query"] == {"bool": {"filter": [{"terms": {"site_id": [1]}}]}}
    assert body["track_total_hits"] is False


def test_the_elasticsearch_backend_reads_the_newest_from_an_elasticsearch_8_answer(
    demo_network, db
):
    """Over HTTP to tests/search/es_server.py: the answer is shaped as a sorted search's
    (https://www.elastic.co/guide/en/elasticsearch/reference/8.15/sort-search-results.html)."""
    from search.backends.elastic import ElasticsearchBackend
    from tests.search.es_server import FakeElasticsearch, serve

    glar = demo_network["glar"]
    source = _doc(glar, 5, "Kế hoạch của Glar", _at(19), kind="document")
    answer = {
        "took": 1,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {
            "total": {"value": 12, "relation": "eq"},
            "max_score": None,
            "hits": [
                {
                    "_index": "portal-search-20260101000000",
                    "_id": f"{glar.pk}-5",
                    "_score": None,
                    "_source": {k: v for k, v in source.items() if k != "body"},
                    "sort": [1795485600000, glar.pk, 5],
                }
            ],
        },
    }
    fake = FakeElasticsearch()
    url, stop = serve(fake)
    try:
        fake.answer("POST", "/portal-search-read/_search", (200, answer))
        result = ElasticsearchBackend(url, "portal").newest([glar.pk], with_total=True)
        [sent] = fake.sent("POST", "/portal-search-read/_search")
    finally:
        stop()
    assert sent.json()["query"]["bool"]["filter"] == [{"terms": {"site_id": [glar.pk]}}]
    [entry] = result.entries
    assert (entry.title, entry.site_name, entry.kind, entry.date) == (
        "Kế hoạch của Glar",
        "Xã Glar",
        "document",
        _at(19),
    )
    assert entry.extra == {"note": "x"} and result.total == 12
