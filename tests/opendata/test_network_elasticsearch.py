"""The network's open data under Elasticsearch (issue 16, part 4): it is read through the
search backend's ``newest``, so it answers 200 with the index's entries (it read the
PostgreSQL table, empty under Elasticsearch, and answered 503). The real ``elasticsearch``
client talks to tests/search/es_server.py."""

import pytest

from search.backends.elastic import ElasticsearchBackend
from tests.conftest import site_client
from tests.search.es_server import FakeElasticsearch, serve

READ = "/portal-search-read/_search"


def _answer(site, total=1):
    source = {
        "site_id": site.pk,
        "page_id": 41,
        "locale": "vi",
        "url": f"http://{site.slug}.localhost/tin-tuc/khanh-thanh-cau-treo/",
        "title": "Khánh thành cầu treo",
        "summary": "Cầu treo mới nối hai thôn.",
        "kind": "news",
        "extra": {},
        "published_at": "2026-11-20T09:00:00+07:00",
    }
    hit = {"_index": "portal-search-1", "_id": f"{site.pk}-41", "_score": None, "_source": source}
    return (200, {
        "took": 1, "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": total, "relation": "eq"}, "max_score": None, "hits": [hit]},
    })  # fmt: skip


@pytest.fixture
def elastic(monkeypatch, settings):
    fake = FakeElasticsearch()
    url, stop = serve(fake)
    backend = ElasticsearchBackend(url, "portal")
    settings.SEARCH_BACKEND = "elasticsearch"
    monkeypatch.setattr("opendata.network.get_backend", lambda: backend)
    yield fake
    stop()


def test_the_network_dataset_answers_from_elasticsearch(network, elastic):
    parent, member = network["dakdoa"], network["iabang"]
    elastic.answer("POST", READ, _answer(member))
    response = site_client(parent).get("/du-lieu-mo/mang-luoi/", {"type": "news"})
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 1
    [item] = data["items"]
    assert item["title"] == "Khánh thành cầu treo"
    assert item["site"] == {"slug": "iabang", "name": member.name}
    assert item["date"] == "2026-11-20"
    count, page = elastic.sent("POST", READ)
    assert count.json()["size"] == 0 and count.json()["track_total_hits"] is True
    filters = page.json()["query"]["bool"]["filter"]
    assert {"terms": {"kind": ["news"]}} in filters
    assert (
        member.pk in filters[0]["terms"]["site_id"] and parent.pk in filters[0]["terms"]["site_id"]
    )


def test_an_elasticsearch_outage_is_a_polite_503(network, elastic):
    elastic.answer("POST", READ, 503)
    response = site_client(network["dakdoa"]).get("/du-lieu-mo/mang-luoi/")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "unavailable"
