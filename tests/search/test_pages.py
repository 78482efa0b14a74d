"""The /tim-kiem/ page every site serves, and the commands around the index."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import Page

from search.backends import get_backend
from search.models import RebuildProgress
from search.query import SearchQuery
from tests.browser import phone_page
from tests.conftest import site_client
from tests.factories import news


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _corpus(network):
    """Five items with a word of their own: two in Ia Băng, one each in Glar, Hà Bầu and Đak
    Đoa. The counts below are these, not what the backend says (issue 17)."""
    for slug, title in (
        ("iabang", "Ia Băng họp dân về Vyxqoa chuyển đổi số"),
        ("iabang", "Ia Băng tập huấn Vyxqoa chuyển đổi số"),
        ("glar", "Glar ra mắt tổ Vyxqoa chuyển đổi số"),
        ("habau", "Hà Bầu tiếp công dân bàn Vyxqoa"),
        ("dakdoa", "Đak Đoa tổng kết Vyxqoa chuyển đổi số"),
    ):
        news(network[slug], title)


def test_a_citizen_searches_without_diacritics_and_sees_hits_of_every_site(network):
    _corpus(network)
    response = site_client(network["iabang"]).get("/tim-kiem/", {"q": "vyxqoa chuyen doi so"})
    assert response.status_code == 200
    page = text_of(response)
    assert "4 kết quả cho “vyxqoa chuyen doi so”" in page
    for name in ("Xã Ia Băng", "Xã Glar", "Huyện Đak Đoa"):
        assert name in page
    assert "Xã Hà Bầu" not in page  # its item lacks "chuyển đổi số"
    assert "<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>" in page
    assert 'href="http://glar.localhost/tin-tuc/glar-ra-mat-to-vyxqoa-chuyen-doi-so/"' in page


def test_the_scope_switch_limits_results_to_this_site(network):
    _corpus(network)
    response = site_client(network["glar"]).get(
        "/tim-kiem/", {"q": "vyxqoa", "pham_vi": "trang-nay"}
    )
    page = text_of(response)
    assert "1 kết quả" in page and "Xã Glar" in page and "Xã Ia Băng" not in page


def test_facet_links_narrow_to_a_site(network):
    _corpus(network)
    client = site_client(network["dakdoa"])
    page = text_of(client.get("/tim-kiem/", {"q": "vyxqoa"}))
    assert "5 kết quả" in page and "don_vi=iabang" in page
    narrowed = text_of(client.get("/tim-kiem/", {"q": "vyxqoa", "don_vi": "iabang"}))
    assert "2 kết quả" in narrowed and "Xã Glar" not in narrowed


def test_no_results_gives_help_and_a_correction(network):
    page = text_of(site_client(network["habau"]).get("/tim-kiem/", {"q": "zxqv wvut"}))
    assert "Không tìm thấy kết quả phù hợp." in page
    assert "gõ không dấu" in page


def test_a_typo_shows_what_was_searched_instead(network):
    page = text_of(site_client(network["habau"]).get("/tim-kiem/", {"q": "chuyen doii so"}))
    assert "Kết quả cho “chuyen doi so”" in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "   "}, "Hãy nhập từ khóa cần tìm."),
        ({"q": "x" * 201}, "Từ khóa quá dài"),
        ({"q": "xã", "trang": "9999999"}, "Chỉ xem được đến trang 20"),
        ({"q": "xã", "trang": "abc"}, "Tham số tìm kiếm không hợp lệ."),
        ({"q": "xã", "loai": "virus"}, "Loại nội dung không hợp lệ."),
        ({"q": "xã", "don_vi": "khongco"}, "Không có đơn vị “khongco”."),
        ({"q": "!!!"}, "Từ khóa cần có chữ hoặc số."),
    ],
)
def test_bad_input_gets_a_clear_vietnamese_answer(network, params, message):
    response = site_client(network["iabang"]).get("/tim-kiem/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_an_empty_search_page_shows_the_box(network):
    response = site_client(network["iabang"]).get("/tim-kiem/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_every_page_has_a_search_box_in_the_header(network):
    page = site_client(network["namyang"]).get("/").content.decode()
    assert 'action="/tim-kiem/"' in page


def test_the_opensearch_description_lets_browsers_add_the_site(network):
    response = site_client(network["iabang"]).get("/tim-kiem/opensearch.xml")
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    assert "http://iabang.localhost/tim-kiem/?q={searchTerms}" in response.content.decode()


def test_rebuild_indexes_every_live_page_of_a_site_and_resumes(network):
    tenant = network["iabang"]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM public.search_entry WHERE site_id = %s", [tenant.pk])
    out = io.StringIO()
    call_command("rebuild_search_index", site=["iabang"], batch=5, stdout=out)
    assert "iabang: 5/" in out.getvalue() and "xong" in out.getvalue()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM public.search_entry WHERE site_id = %s", [tenant.pk])
        indexed = cursor.fetchone()[0]
    with schema_context(tenant.schema_name):
        from content.models import Question

        live = Page.objects.live().public().filter(depth__gte=2).count()
        answered = Question.published().count()
    assert answered >= 1 and live > 10  # home, sections and items; the demo's answers
    assert indexed == live + answered
    result = get_backend().search(SearchQuery.build("gioi thieu", sites=[tenant.pk]))
    assert result.hits[0].url == "http://iabang.localhost/gioi-thieu/"
    assert RebuildProgress.objects.get(site_id=tenant.pk).finished

    progress = RebuildProgress.objects.get(site_id=tenant.pk)
    progress.finished, progress.last_page_id = False, 10**9
    progress.save()
    out = io.StringIO()
    call_command("rebuild_search_index", site=["iabang"], stdout=out)
    assert "iabang: xong" in out.getvalue() and f"/{indexed} trang" not in out.getvalue()


def test_rebuild_refuses_an_unknown_site(network):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="khongco"):
        call_command("rebuild_search_index", site=["khongco"], stdout=io.StringIO())


@pytest.mark.browser
def test_a_citizen_searches_on_a_phone(db, site_server, settings):
    with phone_page(width=360) as page:
        page.goto(f"http://habau.localhost:{site_server}/")
        page.fill("header input[name=q]", "dak doa")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator(".search-hit").count() >= 1
        assert "Huyện Đak Đoa" in page.locator(".search-hits").inner_text()
        fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert fits, "the search page must not scroll sideways on a phone"
        page.screenshot(path=str(settings.BASE_DIR / "var" / "screenshot-search-phone.png"))


def test_the_worker_command_delivers_what_waits_in_the_outbox(network, monkeypatch):
    from search import outbox
    from search.backends.postgres import PostgresBackend
    from tests.search.conftest import publish_news

    monkeypatch.setattr(PostgresBackend, "apply", lambda self, events: 1 / 0)
    publish_news(network["glar"], "Tin Qazwsx chờ trong hàng đợi")
    monkeypatch.undo()
    out = io.StringIO()
    call_command("drain_search_outbox", stdout=out)
    assert "Đã cập nhật 1, còn chờ 0." in out.getvalue()
    assert outbox.pending() == 0
    assert get_backend().search(SearchQuery.build("qazwsx")).total == 1


def test_the_elasticsearch_index_command_shows_its_mapping_and_needs_a_server(settings):
    from django.core.management.base import CommandError

    out = io.StringIO()
    call_command("create_search_index", dry_run=True, stdout=out)
    assert '"vi_folded"' in out.getvalue() and "asciifolding" in out.getvalue()
    settings.ELASTICSEARCH_URL = None
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL"):
        call_command("create_search_index", stdout=io.StringIO())


def test_a_search_that_times_out_says_so_instead_of_failing(network, monkeypatch):
    from django.db import OperationalError

    from search.backends.postgres import PostgresBackend

    def slow(self, *args):
        raise OperationalError("canceling statement due to statement timeout")

    monkeypatch.setattr(PostgresBackend, "_run", slow)
    response = site_client(network["iabang"]).get("/tim-kiem/", {"q": "xã"})
    assert response.status_code == 503
    assert "Hệ thống tìm kiếm đang bận" in response.content.decode()


def test_a_result_page_past_the_last_one_offers_the_first(network):
    page = text_of(site_client(network["iabang"]).get("/tim-kiem/", {"q": "dak doa", "trang": 5}))
    assert "Trang kết quả này không còn mục nào." in page
    assert "Không tìm thấy kết quả phù hợp." not in page
