"""A change of a site's settings, branding, own banners or status shows on its cached pages at
once, and only there (issue 19: a site's generation); a site's name or status is network-wide
(the host lookup and every site's links), so it bumps the network's."""

from datetime import timedelta

from django.utils import timezone

from tests.conftest import site_client
from tests.serving.conftest import admin_client
from tests.themes.test_branding import BRANDING_URL, _form, _site_id


def _page(tenant, path="/"):
    response = site_client(tenant).get(path)
    assert response.status_code == 200
    return response


def _fill(tenant, path="/"):
    _page(tenant, path)
    assert _page(tenant, path)["X-Page-Cache"] == "hit"


def test_a_branding_change_in_the_admin_shows_on_cached_pages_of_that_site_only(network, cached):
    iabang, habau = network["iabang"], network["habau"]
    _fill(iabang), _fill(habau), _fill(iabang, "/tin-tuc/")
    response = admin_client(iabang).post(
        BRANDING_URL.format(_site_id(iabang)),
        _form(primary_colour="#0b5394", address="Thôn Bông Phun, xã Ia Băng"),
    )
    assert response.status_code == 302
    for path in ("/", "/tin-tuc/"):
        page = _page(iabang, path).content.decode()
        assert "--primary:#0b5394;" in page and "Thôn Bông Phun" in page
    assert _page(habau)["X-Page-Cache"] == "hit"


def test_the_colour_style_is_allowed_by_its_hash_on_cached_pages(network, cached):
    import base64
    import hashlib
    import re

    iabang = network["iabang"]
    admin_client(iabang).post(
        BRANDING_URL.format(_site_id(iabang)), _form(primary_colour="#0b5394")
    )
    for response in (_page(iabang), _page(iabang)):
        style = re.search(r"<style>(.*?)</style>", response.content.decode()).group(1)
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in response["Content-Security-Policy"]
        assert "nonce-" not in response["Content-Security-Policy"]


def test_a_sites_own_banner_added_in_the_admin_shows_on_its_cached_pages(network, cached):
    iabang = network["iabang"]
    _fill(iabang)
    now = timezone.localtime()
    response = admin_client(iabang).post(
        "/admin/snippets/branding/sitebanner/add/",
        {
            "title": "Lịch tiếp công dân tháng 12",
            "text": "",
            "image": "",
            "link": "",
            "starts_at": (now - timedelta(hours=1)).strftime("%d/%m/%Y %H:%M"),
            "ends_at": (now + timedelta(days=1)).strftime("%d/%m/%Y %H:%M"),
        },
    )
    assert response.status_code == 302
    assert "Lịch tiếp công dân tháng 12" in _page(iabang).content.decode()


def test_a_suspended_site_answers_503_even_with_its_pages_cached(network, cached):
    from tenants import lifecycle

    habau = network["habau"]
    _fill(habau)
    lifecycle.set_status(habau, "suspended")
    assert site_client(habau).get("/").status_code == 503


def test_a_renamed_site_shows_its_new_name_on_cached_pages(network, cached):
    from tenants import lifecycle

    habau = network["habau"]
    _fill(habau, "/tin-tuc/")
    lifecycle.rename(habau, "Phường Hà Bầu")
    assert habau.site_title.endswith("Hà Bầu") and "Phường" in habau.name
    assert habau.site_title in _page(habau, "/tin-tuc/").content.decode()


def test_any_model_listed_in_the_settings_bumps_its_sites_generation(network, cached, settings):
    """How another app hooks its own models (serving.invalidation)."""
    from django_tenants.utils import schema_context

    from serving import generations

    settings.PORTAL_CACHE_SITE_MODELS = ["editorial.BoardSettings"]
    iabang = network["iabang"]
    with schema_context(iabang.schema_name):
        from wagtail.models import Site

        from content.models import Sector

        before = generations.current()
        # content is one of PORTAL_CACHE_SITE_APPS
        Sector.objects.create(name="Lĩnh vực thử của bộ nhớ đệm")
        assert generations.current()[0] > before[0]
        after = generations.current()
        generations.bump_site()
        assert generations.current()[0] > after[0]
        assert generations.current()[1] == before[1], "the network's stays"
        assert Site.objects.exists()
