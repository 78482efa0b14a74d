"""The same cases on every available backend: both must answer a query the same way.

PostgreSQL always runs. Elasticsearch runs, in the same session as every other test, when
ELASTICSEARCH_URL reaches a live server; it is skipped otherwise, except under CI_REQUIRE_ES=1,
where its absence fails the suite.
"""

import unicodedata
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils.html import strip_tags

from search.backends.postgres import PostgresBackend
from search.outbox import DELETE, UPSERT, Event
from search.query import SearchQuery
from tenants.models import Tenant

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def _doc(site, page_id, title, *, kind="news", year=2024, body="", summary="", keywords=""):
    published = datetime(year, 6, 1, 9, page_id % 60, tzinfo=HANOI)
    return {
        "site_id": site.pk,
        "page_id": page_id,
        "locale": "vi",
        "url": f"http://{site.slug}.localhost/muc/{page_id}/",
        "title": title,
        "summary": summary or title,
        "body": body or f"{title}. Nội dung chi tiết của trang.",
        "keywords": keywords,
        "kind": kind,
        "section": "Tin tức – Sự kiện",
        "extra": {},
        "published_at": published.isoformat(),
        "updated_at": published.isoformat(),
    }


def corpus(sites):
    a, b, c = sites["dakdoa"], sites["iabang"], sites["glar"]
    docs = [
        _doc(a, 1, "Đak Đoa triển khai chuyển đổi số", body="Huyện Đak Đoa họp bàn kế hoạch."),
        _doc(b, 2, "Kế hoạch hòa giải ở cơ sở", kind="document", year=2023, keywords="164/KH-UBND"),
        _doc(b, 3, "Bản tin nông thôn mới"),
        _doc(c, 4, "Hỏi về đăng ký tạm trú", kind="question", year=2022),
        _doc(c, 5, "Ban hành quy chế làm việc"),
        _doc(a, 6, "Bàn giao nhà tình nghĩa", year=2023),
    ]
    docs += [
        _doc(b, 100 + n, f"Tin vắn số {n} về giao thông nông thôn", year=2021) for n in range(15)
    ]
    return [Event(d["site_id"], d["page_id"], UPSERT, d) for d in docs]


def _elasticsearch(settings):
    url = settings.ELASTICSEARCH_URL
    reason = "no live Elasticsearch: set ELASTICSEARCH_URL to run this backend"
    if url:
        from elasticsearch import Elasticsearch

        try:
            live = Elasticsearch(url, request_timeout=3).ping()
            reason = "" if live else f"Elasticsearch at {url} did not answer"
        except Exception as error:  # unreachable: same as absent
            reason = f"Elasticsearch at {url} unreachable: {error}"
    if reason:
        if settings.CI_REQUIRE_ES:
            pytest.fail(f"CI_REQUIRE_ES=1 but {reason}")
        pytest.skip(reason)
    from search.backends.elastic import ElasticsearchBackend
    from search.backends.elastic_index import Lifecycle

    # Its own deployment name: this backend is built here, from the URL, and never replaces
    # the suite's PostgreSQL backend (settings.SEARCH_BACKEND stays "postgres").
    deployment = f"test-{uuid.uuid4().hex[:8]}"
    backend = ElasticsearchBackend(url, deployment)
    name = Lifecycle(backend.client, deployment).ensure()
    return backend, lambda: backend.client.indices.delete(index=name)


def empty_backend(kind: str, settings):
    """(an empty backend of ``kind``, its cleanup): the suite's PostgreSQL index emptied, or a
    new index of its own on a live Elasticsearch (skipped without one)."""
    if kind == "postgres":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM public.search_entry")
        return PostgresBackend(), lambda: None
    return _elasticsearch(settings)


@pytest.fixture(params=["postgres", "elasticsearch"])
def backend(request, demo_network, db, settings):
    backend, cleanup = empty_backend(request.param, settings)
    backend.apply(corpus(demo_network))
    yield backend
    cleanup()


def run(backend, text, **filters):
    return backend.search(SearchQuery.build(text, **filters))


def titles(result):
    return [strip_tags(hit.title) for hit in result.hits]


def test_a_query_without_diacritics_finds_and_marks_the_accented_words(backend):
    result = run(backend, "dak doa")
    assert titles(result) == ["Đak Đoa triển khai chuyển đổi số"]
    assert "<mark>Đak</mark>" in result.hits[0].title
    assert "<mark>Đak</mark>" in result.hits[0].snippet


def test_decomposed_unicode_input_finds_composed_text(backend):
    assert titles(run(backend, unicodedata.normalize("NFD", "Đak Đoa"))) == [
        "Đak Đoa triển khai chuyển đổi số"
    ]


@pytest.mark.parametrize("text", ["hoà giải", "hòa giải", "HOA GIAI"])
def test_either_tone_placement_and_any_case_find_the_same_page(backend, text):
    assert titles(run(backend, text)) == ["Kế hoạch hòa giải ở cơ sở"]


def test_exact_diacritics_typed_rank_the_exact_word_first(backend):
    result = run(backend, "bản")
    assert len(result.hits) == 4  # bản, ban, bàn (twice) all fold to "ban"
    assert titles(result)[0] == "Bản tin nông thôn mới"
    assert titles(run(backend, "bàn giao"))[0] == "Bàn giao nhà tình nghĩa"


def test_a_document_number_finds_its_document(backend):
    assert titles(run(backend, "164/KH-UBND")) == ["Kế hoạch hòa giải ở cơ sở"]


def test_hits_carry_site_name_url_type_and_date(backend, demo_network):
    [hit] = run(backend, "tam tru").hits
    assert hit.site_name == "Xã Glar"
    assert hit.url == "http://glar.localhost/muc/4/"
    assert hit.kind == "question"
    assert hit.date.year == 2022


def test_total_and_facets_by_site_kind_and_year(backend, demo_network):
    result = run(backend, "nong thon")
    assert result.total == 16 and result.total_is_exact
    assert [(b.label, b.count) for b in result.facets["site"]] == [("Xã Ia Băng", 16)]
    assert [(b.key, b.count) for b in result.facets["kind"]] == [("news", 16)]
    assert [(b.key, b.count) for b in result.facets["year"]] == [("2024", 1), ("2021", 15)]


def test_scope_to_chosen_sites_and_filters_by_kind_and_year(backend, demo_network):
    glar, iabang = demo_network["glar"].pk, demo_network["iabang"].pk
    assert {h.site_id for h in run(backend, "ban", sites=[glar]).hits} == {glar}
    assert titles(run(backend, "ke hoach", kinds=["document"])) == ["Kế hoạch hòa giải ở cơ sở"]
    assert run(backend, "nong thon", sites=[iabang], years=[2021]).total == 15
    assert run(backend, "nong thon", years=[2020]).total == 0


def test_pages_of_results(backend):
    first = run(backend, "giao thong nong thon")
    second = run(backend, "giao thong nong thon", page=2)
    assert (first.total, len(first.hits), len(second.hits)) == (15, 10, 5)
    assert not set(titles(first)) & set(titles(second))


def test_pages_of_a_suspended_site_never_appear(backend, demo_network):
    Tenant.objects.filter(pk=demo_network["glar"].pk).update(status=Tenant.Status.SUSPENDED)
    assert run(backend, "tam tru").total == 0
    assert all(b.label != "Xã Glar" for b in run(backend, "ban").facets["site"])


def test_a_delete_event_removes_the_entry(backend, demo_network):
    backend.apply([Event(demo_network["glar"].pk, 4, DELETE)])
    assert run(backend, "tam tru").total == 0


def test_a_typo_is_corrected_and_said_so(backend):
    result = run(backend, "dang ky tam truu")
    assert result.suggestion_used
    assert "tru" in result.suggestion
    assert titles(result) == ["Hỏi về đăng ký tạm trú"]
