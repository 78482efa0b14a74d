"""Publishing, unpublishing, moving and deleting pages in any site keeps the index right."""

import pytest
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import Locale, Page, PageViewRestriction

from search import outbox
from search.backends.postgres import PostgresBackend
from tenants.models import Tenant
from tests.search.conftest import publish_news, search, section, titles


def test_publishing_a_news_item_makes_it_searchable_from_every_site(network):
    publish_news(network["iabang"], "Khánh thành cầu treo làng Kon Mahra", lead="Cầu dài 80 mét.")
    result = search("cau treo kon mahra")
    assert titles(result) == ["Khánh thành cầu treo làng Kon Mahra"]
    hit = result.hits[0]
    assert hit.site_name == "Xã Ia Băng"
    assert hit.url == "http://iabang.localhost/tin-tuc/khanh-thanh-cau-treo-lang-kon-mahra/"
    assert hit.section == "Tin tức – Sự kiện"
    assert "<mark>Kon</mark>" in hit.title


def test_the_signal_handlers_leave_the_connection_in_the_sites_schema(network):
    tenant = network["glar"]
    with schema_context(tenant.schema_name):
        publish_news(tenant, "Hội thi nấu ăn truyền thống")
        assert connection.schema_name == tenant.schema_name
        assert Page.objects.filter(title="Hội thi nấu ăn truyền thống").exists()


def test_a_draft_never_appears(network):
    publish_news(network["habau"], "Dự thảo quy chế chưa duyệt Zzyxq", publish=False)
    assert search("zzyxq").total == 0


def test_a_private_page_never_appears_and_leaves_when_made_private(network):
    tenant = network["iabang"]
    page = publish_news(tenant, "Thông tin nội bộ Qwertzu")
    assert search("qwertzu").total == 1
    with schema_context(tenant.schema_name):
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    assert search("qwertzu").total == 0


def test_a_page_published_under_a_private_section_never_appears(network):
    tenant = network["namyang"]
    with schema_context(tenant.schema_name):
        PageViewRestriction.objects.create(
            page=section(tenant, "van-ban"), restriction_type=PageViewRestriction.LOGIN
        )
    publish_news(tenant, "Văn bản mật Plokijuh", section_slug="van-ban")
    assert search("plokijuh").total == 0


def test_unpublishing_removes_the_entry(network):
    tenant = network["glar"]
    page = publish_news(tenant, "Thông báo Mnbvcxz sẽ thu hồi")
    assert search("mnbvcxz").total == 1
    with schema_context(tenant.schema_name):
        page.unpublish()
    assert search("mnbvcxz").total == 0


def test_deleting_removes_the_entry(network):
    tenant = network["glar"]
    page = publish_news(tenant, "Tin Lkjhgfd sẽ bị xóa")
    assert search("lkjhgfd").total == 1
    with schema_context(tenant.schema_name):
        Page.objects.get(pk=page.pk).delete()
    assert search("lkjhgfd").total == 0


def test_moving_a_page_updates_its_url(network):
    tenant = network["habau"]
    page = publish_news(tenant, "Kế hoạch Poiuytr năm 2026")
    with schema_context(tenant.schema_name):
        page.move(section(tenant, "van-ban"), pos="last-child")
    [hit] = search("poiuytr").hits
    assert hit.url == "http://habau.localhost/van-ban/ke-hoach-poiuytr-nam-2026/"
    assert hit.section == "Văn bản"


def test_a_translation_is_indexed_in_its_own_locale(network):
    tenant = network["dakdoa"]
    page = publish_news(tenant, "Lễ hội cồng chiêng Asdfghj")
    with schema_context(tenant.schema_name):
        english = page.copy_for_translation(
            Locale.objects.get(language_code="en"), copy_parents=True
        )
        english.title = "Gong festival Asdfghj"
        english.save_revision().publish()
    result = search("asdfghj")
    assert sorted(hit.locale for hit in result.hits) == ["en", "vi"]


@pytest.mark.parametrize("status", [Tenant.Status.SUSPENDED, Tenant.Status.ARCHIVED])
def test_pages_of_a_site_out_of_service_never_appear(network, status):
    publish_news(network["namyang"], "Tin Ytrewq của xã")
    Tenant.objects.filter(pk=network["namyang"].pk).update(status=status)
    assert search("ytrewq").total == 0


def test_archived_sites_may_appear_marked_when_the_network_chooses(network, settings):
    settings.SEARCH_SHOW_ARCHIVED = True
    publish_news(network["namyang"], "Tin Hgfdsaq lưu trữ")
    Tenant.objects.filter(pk=network["namyang"].pk).update(status=Tenant.Status.ARCHIVED)
    [hit] = search("hgfdsaq").hits
    assert hit.site_archived


def test_the_outbox_keeps_events_when_the_backend_fails_and_delivers_them_later(
    network, monkeypatch
):
    def broken(self, events):
        raise ConnectionError("index down")

    monkeypatch.setattr(PostgresBackend, "apply", broken)
    publish_news(network["iabang"], "Tin Bvcxzlk trong lúc sự cố")
    assert outbox.pending() == 1
    monkeypatch.undo()
    assert search("bvcxzlk").total == 0

    assert outbox.drain() == 1
    assert outbox.pending() == 0
    assert titles(search("bvcxzlk")) == ["Tin Bvcxzlk trong lúc sự cố"]


def test_results_from_two_sites_carry_their_own_names_and_urls(network):
    result = search("chuyen doi so", sites=[network["iabang"].pk, network["glar"].pk])
    found = {(hit.site_name, hit.url) for hit in result.hits}
    hosts = {"Xã Ia Băng": "http://iabang.localhost/", "Xã Glar": "http://glar.localhost/"}
    assert all(url.startswith(hosts[name]) for name, url in found)  # each hit's own site
    assert {
        (
            "Xã Ia Băng",
            "http://iabang.localhost/tin-tuc/ia-bang-trien-khai-ke-hoach-chuyen-doi-so-nam-2026/",
        ),
        (
            "Xã Glar",
            "http://glar.localhost/tin-tuc/glar-trien-khai-ke-hoach-chuyen-doi-so-nam-2026/",
        ),
    } <= found


def test_decomposed_text_pasted_by_an_editor_is_found_by_a_composed_query(network):
    import unicodedata

    publish_news(network["habau"], unicodedata.normalize("NFD", "Hội nghị Ưgiêmxoạc toàn xã"))
    assert titles(search("Ưgiêmxoạc")) == ["Hội nghị Ưgiêmxoạc toàn xã"]
    assert search("ugiemxoac").total == 1


def test_the_admin_page_search_inside_a_site_ignores_diacritics(network):
    tenant = network["iabang"]
    publish_news(tenant, "Đón Tết Nguyên đán tại làng Đê Kôn")
    with schema_context(tenant.schema_name):
        found = Page.objects.autocomplete("de kon")
        assert "Đón Tết Nguyên đán tại làng Đê Kôn" in [page.title for page in found]
        assert len(Page.objects.search("don tet nguyen dan")) == 1
