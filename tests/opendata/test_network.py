"""The network's open data: the parent portal answers over all its members, from the
cross-site index; suspended members are left out; a member site has no network endpoint."""

from tenants.lifecycle import set_status
from tenants.models import Tenant
from tests.conftest import site_client

ITEM = {"site", "type", "title", "url", "summary", "date", "locale", "extra"}


def test_the_parent_portal_lists_its_members_items(network, commune, content):
    parent = network["dakdoa"]
    response = site_client(parent).get(
        "/du-lieu-mo/mang-luoi/", {"site": commune.slug, "page_size": "100"}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["dataset"] == "mang-luoi"
    titles = {item["title"] for item in data["items"]}
    assert {"Tin hôm nay", "Tin tháng trước", "Thông báo lịch tiếp dân"} <= titles
    assert not any("BIMATDULIEU" in title for title in titles)
    for item in data["items"]:
        assert set(item) == ITEM
        assert item["site"] == {"slug": commune.slug, "name": commune.name}
    news = site_client(parent).get(
        "/du-lieu-mo/mang-luoi/", {"site": commune.slug, "type": "news", "to": "2026-10-31"}
    )
    assert [i["title"] for i in news.json()["items"]] == ["Tin tháng trước"]


def test_all_members_without_a_site_filter(network, commune, content):
    data = site_client(network["dakdoa"]).get("/du-lieu-mo/mang-luoi/", {"page_size": "100"})
    slugs = {item["site"]["slug"] for item in data.json()["items"]}
    assert commune.slug in slugs
    assert len(slugs) > 1  # the demo communes too


def test_a_suspended_member_is_left_out(network, commune, content):
    set_status(Tenant.objects.get(pk=commune.pk), Tenant.Status.SUSPENDED)
    parent = network["dakdoa"]
    response = site_client(parent).get("/du-lieu-mo/mang-luoi/", {"site": commune.slug})
    assert response.status_code == 400  # no such site in the network's open data
    everything = site_client(parent).get("/du-lieu-mo/mang-luoi/", {"page_size": "100"})
    assert commune.slug not in {i["site"]["slug"] for i in everything.json()["items"]}


def test_a_member_site_has_no_network_endpoint(network, commune):
    assert site_client(commune).get("/du-lieu-mo/mang-luoi/").status_code == 404


def test_a_site_of_another_network_is_not_reachable(network, commune, content):
    response = site_client(network["dakdoa"]).get("/du-lieu-mo/mang-luoi/", {"site": "khongco"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "site"
