"""/xa-phuong/: a parent portal's directory of its member sites (issue 16, part 4), grouped as
the network groups them ("Cụm, khu vực"), filtered without diacritics by a plain GET form."""

import pytest

from tenants.lifecycle import set_group, set_status
from tenants.models import Tenant
from tests import factories
from tests.conftest import site_client

URL = "/xa-phuong/"


@pytest.fixture
def parent(demo_network, db):
    return demo_network["dakdoa"]


@pytest.fixture
def members(parent):
    return {
        "hatinh": factories.commune(parent, "Phường Hà Tĩnh Mới", group="Khu vực phía Bắc"),
        "dakpo": factories.commune(parent, "Xã Đak Pơ Thử", group="Khu vực phía Bắc"),
        "anhoa": factories.commune(parent, "Xã An Hòa Thử", group="Huyện cũ Ayun"),
    }


def _page(parent, **params) -> str:
    response = site_client(parent).get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def _groups(html: str) -> list[str]:
    import re

    return re.findall(r'<h2 id="directory-group-\d+">([^<]+)</h2>', html)


def test_every_member_is_listed_with_a_link_to_its_host_grouped_as_the_network_groups(
    parent, members
):
    html = _page(parent)
    assert _groups(html) == ["Huyện cũ Ayun", "Khu vực phía Bắc", "Khác"]  # "Khác" last
    for member in members.values():
        assert f'href="http://{member.get_primary_domain().domain}/"' in html
    north = html.split("Khu vực phía Bắc</h2>")[1].split("</section>")[0]
    assert north.index("Phường Hà Tĩnh Mới") < north.index("Xã Đak Pơ Thử")
    others = html.split("Khác</h2>")[1].split("</section>")[0]
    assert "Xã Ia Băng" in others  # the demo members have no group
    assert "Huyện Đak Đoa</a>" not in html  # the parent is not its own member
    assert 'class="usa-search' in html and 'class="usa-card-group"' in html


@pytest.mark.parametrize("text", ["ha tinh", "Hà Tĩnh", "HA TINH", "hà  tĩnh"])
def test_the_filter_finds_a_name_with_or_without_diacritics(parent, members, text):
    html = _page(parent, q=text)
    assert "Phường Hà Tĩnh Mới" in html
    assert "Xã Đak Pơ Thử" not in html and "Xã An Hòa Thử" not in html
    assert "1 trang khớp" in html


@pytest.mark.parametrize("text", ["dak po", "Đak Pơ", "đak", "DAK PO"])
def test_d_and_dj_are_the_same_letter_to_the_filter(parent, members, text):
    html = _page(parent, q=text)
    assert "Xã Đak Pơ Thử" in html and "Phường Hà Tĩnh Mới" not in html


def test_the_filter_matches_the_group_too_and_says_when_nothing_matches(parent, members):
    html = _page(parent, q="phia bac")
    assert "Phường Hà Tĩnh Mới" in html and "Xã Đak Pơ Thử" in html
    assert "Xã An Hòa Thử" not in html
    assert "Không có xã, phường nào khớp" in _page(parent, q="khong co xa nao")


def test_suspended_members_are_never_listed_archived_ones_as_the_search_shows_them(
    parent, members, settings
):
    set_status(Tenant.objects.get(pk=members["anhoa"].pk), Tenant.Status.SUSPENDED)
    assert "Xã An Hòa Thử" not in _page(parent)
    set_status(Tenant.objects.get(pk=members["anhoa"].pk), Tenant.Status.ARCHIVED)
    settings.SEARCH_SHOW_ARCHIVED = False
    assert "Xã An Hòa Thử" not in _page(parent)
    settings.SEARCH_SHOW_ARCHIVED = True
    html = _page(parent)
    assert "Xã An Hòa Thử" in html and "đã lưu trữ" in html


def test_a_group_changed_in_the_console_moves_the_member(parent, members, settings):
    settings.PORTAL_PAGE_CACHE = True
    _page(parent)
    set_group(Tenant.objects.get(pk=members["anhoa"].pk), "Khu vực phía Bắc")
    html = _page(parent)  # a network change: the cached directory is not served
    assert _groups(html) == ["Khu vực phía Bắc", "Khác"]


def test_a_member_site_has_no_directory(parent, members):
    assert site_client(members["hatinh"]).get(URL).status_code == 404


def test_every_page_of_the_parent_links_to_the_directory_in_its_footer_and_a_members_does_not(
    parent, members
):
    footer = site_client(parent).get("/tin-tuc/").content.decode().split('class="site-footer"')[1]
    assert f'href="{URL}"' in footer and "Danh bạ các xã/phường" in footer
    member = site_client(members["anhoa"]).get("/").content.decode()
    assert "Danh bạ các xã/phường" not in member.split('class="site-footer"')[1]
