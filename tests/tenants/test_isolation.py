"""Sites are isolated by schema: pages, users, cache entries and media never cross sites."""

import json
from datetime import date

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tenants.utils import schema_context

from tests.conftest import site_client

PASSWORD = "demo-portal-2026"


@pytest.fixture
def site_a(db, demo_network):
    return demo_network["iabang"]


@pytest.fixture
def site_b(db, demo_network):
    return demo_network["habau"]


def _admin_client(tenant):
    client = site_client(tenant)
    response = client.post("/admin/login/", {"username": "admin", "password": PASSWORD})
    assert response.status_code == 302, "the demo admin should log into its own site"
    return client


def _news_section_id(tenant):
    from content.models import SectionPage

    with schema_context(tenant.schema_name):
        return SectionPage.objects.get(slug="tin-tuc").pk


def test_a_page_created_in_one_sites_admin_never_appears_in_another(site_a, site_b):
    from wagtail.models import Page

    title = "Thông báo tuyển dụng viên chức năm 2026"
    client = _admin_client(site_a)
    response = client.post(
        f"/admin/pages/add/content/newspage/{_news_section_id(site_a)}/",
        {
            "title": title,
            "slug": "tuyen-dung-2026",
            "date": "20/11/2026",
            "lead": "Ủy ban nhân dân xã thông báo tuyển dụng.",
            "body": json.dumps(
                {
                    "blocks": [
                        {
                            "key": "a1b2c",
                            "text": "Hồ sơ nộp tại bộ phận một cửa.",
                            "type": "unstyled",
                            "depth": 0,
                            "inlineStyleRanges": [],
                            "entityRanges": [],
                        }
                    ],
                    "entityMap": {},
                }
            ),
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    with schema_context(site_a.schema_name):
        created = Page.objects.get(title=title).specific
        assert created.live
        assert created.date == date(2026, 11, 20)  # typed dd/mm/yyyy, as offices write dates
    with schema_context(site_b.schema_name):
        assert not Page.objects.filter(title=title).exists()

    assert site_client(site_a).get("/tin-tuc/tuyen-dung-2026/").status_code == 200
    assert site_client(site_b).get("/tin-tuc/tuyen-dung-2026/").status_code == 404
    assert title not in site_client(site_b).get("/tin-tuc/").content.decode()
    search_b = _admin_client(site_b).get("/admin/pages/search/", {"q": "tuyển dụng"})
    assert search_b.status_code == 200
    assert title not in search_b.content.decode()


def test_a_user_of_one_site_cannot_log_into_another_sites_admin(site_a, site_b):
    from django.contrib.auth import get_user_model

    with schema_context(site_a.schema_name):
        get_user_model().objects.create_user("bientap.iabang", password=PASSWORD, is_superuser=True)

    own = site_client(site_a).post(
        "/admin/login/", {"username": "bientap.iabang", "password": PASSWORD}
    )
    assert own.status_code == 302

    other = site_client(site_b).post(
        "/admin/login/", {"username": "bientap.iabang", "password": PASSWORD}
    )
    assert other.status_code == 200  # the form again, with an error
    assert other.wsgi_request.user.is_anonymous


def test_a_session_of_one_site_does_not_open_another_sites_admin(site_a, site_b):
    client = _admin_client(site_a)
    assert client.get("/admin/").status_code == 200
    response = client.get("/admin/", HTTP_HOST=site_b.get_primary_domain().domain)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_cache_entries_of_one_site_are_invisible_to_another(site_a, site_b):
    for alias in ("default", "renditions"):
        with schema_context(site_a.schema_name):
            caches[alias].set("wagtail_site_root_paths", ["iabang"])
        with schema_context(site_b.schema_name):
            assert caches[alias].get("wagtail_site_root_paths") is None
        with schema_context(site_a.schema_name):
            assert caches[alias].get("wagtail_site_root_paths") == ["iabang"]


def test_links_stay_right_after_another_site_filled_the_cache(site_a, site_b):
    assert site_client(site_a).get("/tin-tuc/").status_code == 200
    html = site_client(site_b).get("/tin-tuc/").content.decode()
    assert 'href="None"' not in html
    assert 'href="/tin-tuc/ha-bau-trien-khai-ke-hoach-chuyen-doi-so-nam-2026/"' in html


def test_media_files_are_stored_per_site_and_invisible_to_another(site_a, site_b):
    with schema_context(site_a.schema_name):
        name = default_storage.save("documents/ke-hoach.txt", ContentFile(b"Ke hoach"))
        path = default_storage.path(name)
        url = default_storage.url(name)
    assert "/iabang/documents/" in path
    assert url.startswith("/media/iabang/")
    with schema_context(site_b.schema_name):
        assert not default_storage.exists(name)
