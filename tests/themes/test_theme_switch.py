"""Themes (issue 6, items 1 and 3): the network's theme is picked in the parent portal's
console and reaches every site on its next request; a site may override it; a theme can be
previewed on any site first; and switching touches no content row."""

import re
from urllib.parse import parse_qs, urlparse

from django.db import connection
from django_tenants.utils import schema_context

from tests.conftest import site_client
from tests.themes.conftest import admin_client, home

CONSOLE = "/admin/mang-luoi/giao-dien/"


def _theme_of(page: str) -> str:
    return re.search(r'data-theme="([^"]+)"', page).group(1)


def _content_rows(tenants) -> list:
    """Every row of the sites' page and revision tables, in full."""
    rows = []
    with connection.cursor() as cursor:
        for tenant in tenants:
            for table in ("wagtailcore_page", "wagtailcore_revision"):
                cursor.execute(
                    f'SELECT * FROM "{tenant.schema_name}".{table} ORDER BY id'  # noqa: S608
                )
                rows.append((tenant.slug, table, cursor.fetchall()))
    return rows


def test_a_network_theme_switch_reaches_every_site_and_touches_no_content(network):
    sites = list(network.values())
    assert {_theme_of(home(site)) for site in sites} == {"classic:2"}  # the default
    before = _content_rows(sites)

    console = admin_client(network["dakdoa"])
    page = console.get(CONSOLE)
    assert page.status_code == 200
    response = console.post(CONSOLE, {"theme": "modern:1"})
    assert response.status_code == 302

    for site in sites:
        page = home(site)
        assert _theme_of(page) == "modern:1", site.slug
        assert '<body class="theme-modern-1' in page  # the token set of portal.css
    assert _content_rows(sites) == before, "a theme switch must not touch a page or revision"


def test_a_sites_own_theme_overrides_the_networks(network):
    from wagtail.models import Site

    from themes.branding.models import SiteBranding
    from themes.models import NetworkTheme

    NetworkTheme.objects.create(portal=network["dakdoa"], theme="modern:1")
    with schema_context("iabang"):
        SiteBranding.objects.update_or_create(
            site=Site.objects.get(is_default_site=True), defaults={"theme": "classic:1"}
        )
    assert _theme_of(home(network["iabang"])) == "classic:1"
    assert _theme_of(home(network["habau"])) == "modern:1"


def test_an_unknown_theme_value_falls_back_to_the_default(network):
    from themes.models import NetworkTheme

    NetworkTheme.objects.create(portal=network["dakdoa"], theme="removed:9")
    assert _theme_of(home(network["glar"])) == "classic:2"


def test_a_site_admin_previews_a_theme_citizens_do_not_see(network):
    iabang = network["iabang"]
    anonymous = site_client(iabang).get("/?giao-dien=modern")
    assert _theme_of(anonymous.content.decode()) == "classic:2"
    assert "Đang xem thử giao diện" not in anonymous.content.decode()

    admin = admin_client(iabang)
    preview = admin.get("/?giao-dien=modern")
    text = preview.content.decode()
    assert _theme_of(text) == "modern:1"
    assert "Đang xem thử giao diện Hiện đại (phiên bản 1)" in text
    assert "no-store" in preview["Cache-Control"]
    assert _theme_of(home(iabang)) == "classic:2", "nobody else sees the preview"


def test_the_console_gives_signed_preview_links_valid_on_their_own_site_only(network):
    console = admin_client(network["dakdoa"]).get(CONSOLE).content.decode()
    link = re.search(r'href="([^"]+)"[^>]*data-preview="iabang:modern:1"', console).group(1)
    link = link.replace("&amp;", "&")
    token = parse_qs(urlparse(link).query)["giao-dien"][0]
    assert urlparse(link).hostname == "iabang.localhost"

    on_its_site = site_client(network["iabang"]).get("/", {"giao-dien": token})
    assert _theme_of(on_its_site.content.decode()) == "modern:1"
    elsewhere = site_client(network["habau"]).get("/", {"giao-dien": token})
    assert _theme_of(elsewhere.content.decode()) == "classic:2"
    tampered = site_client(network["iabang"]).get("/", {"giao-dien": token[:-2] + "xx"})
    assert _theme_of(tampered.content.decode()) == "classic:2"


def test_member_sites_cannot_reach_the_theme_console(network):
    from themes.models import NetworkTheme

    member = admin_client(network["iabang"])  # a superuser, but of a member site
    assert member.get(CONSOLE)["Location"] == "/admin/"
    assert member.post(CONSOLE, {"theme": "modern:1"})["Location"] == "/admin/"
    assert site_client(network["dakdoa"]).get(CONSOLE).status_code == 302  # to the login
    assert not NetworkTheme.objects.exists()
