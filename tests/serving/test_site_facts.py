"""Each site's facts (where a path leads, its view restrictions, the documents filter's
choices: serving.site_facts) are remembered by a worker, and every change an editor makes
through the admin shows on the next anonymous request, with the page cache off, so only the
facts stand between the change and the visitor (issue 19, the query budget)."""

import datetime

import pytest
from django_tenants.utils import schema_context

from tests import factories
from tests.conftest import site_client
from tests.editorial.conftest import BODY, NO_COMMENTS, fresh, make_board_site, member, write


@pytest.fixture
def site(db, demo_network, cached, settings):
    settings.PORTAL_PAGE_CACHE = False
    return make_board_site(demo_network, "Xã Nhớ Đường", 1)


def _seen(tenant, *paths):
    """Each path served twice: the second answer comes from the remembered facts."""
    for path in paths:
        for _ in range(2):
            assert site_client(tenant).get(path).status_code == 200, path


def test_an_unpublished_item_is_gone_from_its_address_and_its_section(site):
    chief = member(site, "truongban")
    write(chief, site, "Tin sắp gỡ xuống", action="action-publish")
    _seen(site, "/", "/tin-tuc/", "/tin-tuc/tin-sap-go-xuong/")
    assert "Tin sắp gỡ xuống" in site_client(site).get("/").content.decode()
    page = fresh(site, "Tin sắp gỡ xuống")
    chief.post(f"/admin/pages/{page.pk}/unpublish/", {"reason": "Đăng nhầm"})
    assert site_client(site).get("/tin-tuc/tin-sap-go-xuong/").status_code == 404
    for path in ("/", "/tin-tuc/"):  # the home page's listings are a fragment of their own
        assert "Tin sắp gỡ xuống" not in site_client(site).get(path).content.decode(), path


def test_a_renamed_address_answers_at_once_and_the_old_one_redirects(site):
    chief = member(site, "truongban")
    write(chief, site, "Tin đổi địa chỉ", action="action-publish")
    _seen(site, "/tin-tuc/tin-doi-dia-chi/")
    page = fresh(site, "Tin đổi địa chỉ")
    from content.models import ContributingUnit

    with schema_context(site.schema_name):
        unit = ContributingUnit.objects.get(name="Trường Tiểu học").pk
    data = {
        "title": "Tin đổi địa chỉ",
        "slug": "dia-chi-moi",
        "kind": "tin",
        "date": "20/11/2026",
        "lead": "Tin.",
        "body": BODY,
        "author": "Nguyễn Văn An",
        "contributing_unit": unit,
        **NO_COMMENTS,
        "action-publish": "action-publish",
    }
    response = chief.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Tin đổi địa chỉ" in site_client(site).get("/tin-tuc/dia-chi-moi/").content.decode()
    assert site_client(site).get("/tin-tuc/tin-doi-dia-chi/").status_code in (301, 302, 404)


def test_a_page_made_private_asks_for_its_password_and_leaves_the_listings(site):
    chief = member(site, "truongban")
    write(chief, site, "Tin nội bộ sắp khóa", action="action-publish")
    _seen(site, "/", "/tin-tuc/", "/tin-tuc/tin-noi-bo-sap-khoa/")
    page = fresh(site, "Tin nội bộ sắp khóa")
    response = chief.post(
        f"/admin/pages/{page.pk}/privacy/",
        {"restriction_type": "password", "password": "mat-khau-rieng-2026", "groups": []},
    )
    assert response.status_code == 200
    private = site_client(site).get("/tin-tuc/tin-noi-bo-sap-khoa/")
    assert private.status_code == 200
    body = private.content.decode()
    assert 'type="password"' in body
    assert "Tin nội bộ sắp khóa" not in body.split("<main", 1)[-1].split("</form>", 1)[-1]
    for path in ("/", "/tin-tuc/"):
        assert "Tin nội bộ sắp khóa" not in site_client(site).get(path).content.decode(), path


def test_a_document_of_a_new_year_is_offered_by_the_documents_filter_at_once(site):
    _seen(site, "/van-ban/")
    assert '<option value="2019"' not in site_client(site).get("/van-ban/").content.decode()
    factories.document(site, "Quyết định cũ", issue_date=datetime.date(2019, 5, 2))
    listing = site_client(site).get("/van-ban/").content.decode()
    assert '<option value="2019"' in listing  # the empty filter is a per-site fragment
    filtered = site_client(site).get("/van-ban/?nam=2019").content.decode()
    assert '<option value="2019" selected' in filtered


def test_a_renamed_section_and_a_new_item_show_on_every_item_of_the_section(site):
    """The breadcrumb trail and the "Tin liên quan" list are remembered once per section."""
    first = factories.news(site, "Tin thứ nhất của mục")
    with schema_context(site.schema_name):
        path = first.url
    before = site_client(site).get(path).content.decode()
    _seen(site, path)
    assert "Tin mới vừa đăng" not in before
    factories.news(site, "Tin mới vừa đăng")
    with schema_context(site.schema_name):
        section = first.get_parent().specific
        section.title = "Tin tức – Sự kiện"
        section.save_revision().publish()
    after = site_client(site).get(path).content.decode()
    assert "Tin mới vừa đăng" in after.split('id="related-items"', 1)[1]
    trail = after.split('class="usa-breadcrumb__list"', 1)[1].split("</ol>", 1)[0]
    assert "Tin tức – Sự kiện" in trail
    assert '"name":"Tin tức – Sự kiện"' in after  # the trail's JSON-LD too
