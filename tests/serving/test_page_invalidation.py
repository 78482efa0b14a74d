"""Publishing, unpublishing, moving or deleting a page through the admin shows on the next
anonymous request of every cached page that shows it: the page itself, its section's listing,
the home page, the feed and the sitemap (issue 19). One site's change leaves another's
cached pages alone."""

import pytest
from django_tenants.utils import schema_context

from tests.conftest import site_client
from tests.editorial.conftest import fresh, make_board_site, member, write

PAGES = ("/", "/tin-tuc/", "/rss.xml", "/sitemap.xml")


@pytest.fixture
def site(db, demo_network, cached):
    return make_board_site(demo_network, "Xã Bộ Nhớ", 1)


def _get(tenant, path):
    response = site_client(tenant).get(path)
    assert response.status_code == 200, path
    return response


def _fill(tenant, *paths):
    """Each path rendered once, then answered from the cache."""
    for path in paths:
        _get(tenant, path)
        assert _get(tenant, path)["X-Page-Cache"] == "hit", path


def _shows(tenant, path, text) -> bool:
    return text in _get(tenant, path).content.decode()


def test_a_published_item_shows_at_once_on_cached_home_section_feed_and_sitemap(site):
    _fill(site, *PAGES)
    chief = member(site, "truongban")
    assert write(chief, site, "Khánh thành cầu treo", action="action-publish").status_code == 302
    assert fresh(site, "Khánh thành cầu treo").live
    for path in ("/", "/tin-tuc/", "/rss.xml"):
        assert _shows(site, path, "Khánh thành cầu treo"), path
    assert _shows(site, "/sitemap.xml", "/tin-tuc/khanh-thanh-cau-treo/")
    assert _get(site, "/tin-tuc/khanh-thanh-cau-treo/").status_code == 200


def test_an_unpublished_item_leaves_every_cached_page(site):
    chief = member(site, "truongban")
    write(chief, site, "Tin sẽ gỡ", action="action-publish")
    _fill(site, *PAGES, "/tin-tuc/tin-se-go/")
    page = fresh(site, "Tin sẽ gỡ")
    chief.post(f"/admin/pages/{page.pk}/unpublish/", {"reason": "Sai số liệu"})
    assert not fresh(site, "Tin sẽ gỡ").live
    for path in PAGES:
        assert not _shows(site, path, "Tin sẽ gỡ"), path
    assert site_client(site).get("/tin-tuc/tin-se-go/").status_code == 404


def test_a_moved_item_answers_at_its_new_address(site):
    chief = member(site, "truongban")
    write(chief, site, "Tin chuyển mục", action="action-publish")
    _fill(site, "/tin-tuc/", "/tin-tuc/tin-chuyen-muc/")
    page = fresh(site, "Tin chuyển mục")
    target_id = _section_accepting_news(site)
    response = chief.post(f"/admin/pages/{page.pk}/move/{target_id}/confirm/")
    assert response.status_code == 302
    assert not _shows(site, "/tin-tuc/", "Tin chuyển mục")
    moved = site_client(site).get("/tin-tuc/tin-chuyen-muc/")  # Wagtail's redirect, not a copy
    assert moved.status_code == 301
    assert _shows(site, moved["Location"], "Tin chuyển mục")


def _section_accepting_news(tenant) -> int:
    from content.models import NewsPage

    with schema_context(tenant.schema_name):
        from wagtail.models import Page

        for section in Page.objects.filter(depth=3).exclude(slug="tin-tuc").specific():
            if NewsPage in section.specific_class.allowed_subpage_models():
                return section.pk
    raise AssertionError("no other section takes news items")


def test_a_deleted_item_leaves_every_cached_page(site):
    chief = member(site, "truongban")
    write(chief, site, "Tin sẽ xóa", action="action-publish")
    _fill(site, *PAGES, "/tin-tuc/tin-se-xoa/")
    page = fresh(site, "Tin sẽ xóa")
    assert chief.post(f"/admin/pages/{page.pk}/delete/").status_code == 302
    for path in PAGES:
        assert not _shows(site, path, "Tin sẽ xóa"), path
    assert site_client(site).get("/tin-tuc/tin-se-xoa/").status_code == 404


def test_one_sites_publishing_leaves_another_sites_cache_alone(site, demo_network):
    other = demo_network["iabang"]
    _fill(other, "/tin-tuc/")
    write(member(site, "truongban"), site, "Chỉ ở xã này", action="action-publish")
    assert _get(other, "/tin-tuc/")["X-Page-Cache"] == "hit"


def test_two_sites_with_the_same_path_never_share_an_entry(site, demo_network):
    other = demo_network["iabang"]
    mine, theirs = _get(site, "/tin-tuc/"), _get(other, "/tin-tuc/")
    assert theirs["X-Page-Cache"] == "miss", "not answered with the first site's entry"
    assert site.site_title in mine.content.decode()
    assert site.site_title not in theirs.content.decode()
    assert site.site_title not in _get(other, "/tin-tuc/").content.decode()


def test_a_page_copied_live_shows_at_once_on_the_cached_section(site):
    chief = member(site, "truongban")
    write(chief, site, "Tin gốc để sao chép", action="action-publish")
    _fill(site, "/tin-tuc/")
    page = fresh(site, "Tin gốc để sao chép")
    response = chief.post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title": "Bản sao còn hiệu lực",
            "new_slug": "ban-sao-con-hieu-luc",
            "new_parent_page": page.get_parent().pk,
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert fresh(site, "Bản sao còn hiệu lực").live
    assert _shows(site, "/tin-tuc/", "Bản sao còn hiệu lực")


def test_a_citizens_question_keeps_the_cache_until_the_board_publishes_its_answer(site):
    import time

    from content.forms import QuestionForm
    from content.models import Question

    _fill(site, "/", "/hoi-dap/")
    asked = site_client(site).post(
        "/hoi-dap/",
        {
            "name": "Nguyễn Văn An",
            "contact": "0905123456",
            "question": "Khi nào sửa đường liên thôn số 3?",
            "website": "",
            "started": QuestionForm.start_token(time.time() - 60),
        },
        REMOTE_ADDR="203.0.113.9",
    )
    assert asked.status_code == 302
    assert _get(site, "/")["X-Page-Cache"] == "hit"  # nothing public changed
    assert _get(site, "/hoi-dap/")["X-Page-Cache"] == "hit"
    with schema_context(site.schema_name):
        question = Question.objects.get(question="Khi nào sửa đường liên thôn số 3?")
        question.status = Question.Status.ANSWERED
        question.answer = "<p>Quý II năm 2027.</p>"
        question.is_public = True
        question.save()
    assert _shows(site, "/hoi-dap/", "Quý II năm 2027.")
