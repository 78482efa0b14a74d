"""Issue 20's routes, pinned for every actor: the open-data API, the monitoring-code setting,
and the planned-stop screens of a board and of the network console.

- The API reads no session: an anonymous visitor, a board member of the site and a user of
  another site all get the same public items, never a draft or a protected page; a
  suspended site answers 503 and nothing of its data.
- The setting and the board's screen are its chief's and site administrator's: an editor or a
  contributor is refused, an anonymous visitor sent to log in, another site's user too.
- The console's screens are a parent portal's network administrators': a member's chief and
  a parent portal's board member who is not a network administrator are refused.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_tenants.utils import schema_context

from maintenance.models import MaintenanceWindow
from tenants.access import NETWORK_ADMINS
from tenants.lifecycle import set_status
from tenants.models import Tenant
from tests import factories
from tests.conftest import site_client

SECRET = "KHONGCONGKHAI"
LOGIN = "/admin/login/"


@pytest.fixture
def network(demo_network, db):
    return {slug: Tenant.objects.get(pk=t.pk) for slug, t in demo_network.items()}


@pytest.fixture
def site(network):
    """A commune with its board, a public item, a draft and a password-protected item."""
    from wagtail.models import PageViewRestriction

    tenant = factories.commune(network["dakdoa"], "Xã Kiểm Tra Quyền")
    factories.board(tenant)
    factories.news(tenant, "Tin công khai")
    factories.news(tenant, f"Bản nháp {SECRET}", publish=False)
    private = factories.news(tenant, f"Tin có mật khẩu {SECRET}")
    with schema_context(tenant.schema_name):
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="mk"
        )
    return tenant


@pytest.fixture
def other(network):
    tenant = factories.commune(network["dakdoa"], "Xã Bên Ngoài")
    factories.board(tenant)
    return tenant


def login(tenant, username, password=factories.PASSWORD):
    client = site_client(tenant)
    response = client.post(LOGIN, {"username": username, "password": password})
    assert response.status_code == 302, username
    return client


def as_user_of(other_site, site):
    """A client logged in on ``other_site`` whose cookie is sent to ``site``'s host."""
    member = login(other_site, "truongban")
    client = site_client(site)
    client.cookies["sessionid"] = member.cookies["sessionid"].value
    return client


def titles(response) -> list[str]:
    return [item["title"] for item in response.json()["items"]]


def test_every_actor_gets_the_same_public_items_from_the_api(site, other):
    actors = {
        "anonymous": site_client(site),
        "chief of the site": login(site, "truongban"),
        "contributor of the site": login(site, "ctv1"),
        "user of another site": as_user_of(other, site),
    }
    for name, client in actors.items():
        response = client.get("/du-lieu-mo/tin-tuc/")
        assert response.status_code == 200, name
        assert titles(response) == ["Tin công khai"], name
        assert SECRET not in response.content.decode(), name


def test_a_suspended_site_answers_503_and_nothing_of_its_data(site):
    set_status(site, Tenant.Status.SUSPENDED)
    for path in ("/du-lieu-mo/", "/du-lieu-mo/tin-tuc/", "/du-lieu-mo/hoi-dap/"):
        response = site_client(site).get(path)
        assert response.status_code == 503, path
        assert b"Tin c\xc3\xb4ng khai" not in response.content


def settings_url(tenant) -> str:
    from wagtail.models import Site

    with schema_context(tenant.schema_name):
        return f"/admin/settings/monitoring/monitoringcode/{Site.objects.get().pk}/"


def refused(response) -> bool:
    """Refused: 403, or Wagtail's answer to a missing right (back to the dashboard), or to a
    user without access to the admin at all (to the login form)."""
    if response.status_code == 403:
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (location == "/admin/" or location.startswith(LOGIN))


def test_the_monitoring_setting_is_the_chiefs_and_site_administrators(site, other):
    url = settings_url(site)
    snippet = '<script src="https://emc.gov.vn/a.js"></script>'
    anonymous = site_client(site).get(url)
    assert anonymous.status_code == 302 and LOGIN in anonymous["Location"]
    for username in ("bientap", "ctv1", "phoban"):
        client = login(site, username)
        assert refused(client.get(url)), username
        assert refused(client.post(url, {"snippet": snippet})), username
    stranger = as_user_of(other, site).post(url, {"snippet": snippet})
    assert stranger.status_code == 302 and LOGIN in stranger["Location"]
    from monitoring.models import MonitoringCode

    with schema_context(site.schema_name):
        assert not MonitoringCode.objects.exclude(script_src="").exists()
    for username in ("truongban", "quantri"):
        assert login(site, username).get(url).status_code == 200, username


def _window(tenant, **fields):
    starts = timezone.now() + timedelta(days=60)
    return MaintenanceWindow.objects.create(
        site=tenant, starts_at=starts, ends_at=starts + timedelta(hours=1), **fields
    )


def test_the_board_screen_is_the_chiefs_and_site_administrators_own(site, other):
    mine = _window(site)
    theirs = _window(other, description=f"Lịch của xã khác {SECRET}")
    anonymous = site_client(site).get("/admin/tam-ngung/")
    assert anonymous.status_code == 302 and LOGIN in anonymous["Location"]
    for username in ("bientap", "ctv1", "phoban"):
        client = login(site, username)
        assert refused(client.get("/admin/tam-ngung/")), username
        assert refused(client.post(f"/admin/tam-ngung/{mine.pk}/huy/")), username
    stranger = as_user_of(other, site).post(f"/admin/tam-ngung/{mine.pk}/huy/")
    assert stranger.status_code == 302 and LOGIN in stranger["Location"]

    chief = login(site, "truongban")
    listing = chief.get("/admin/tam-ngung/")
    assert listing.status_code == 200
    assert SECRET not in listing.content.decode()
    assert chief.post(f"/admin/tam-ngung/{theirs.pk}/huy/").status_code == 404
    assert MaintenanceWindow.objects.filter(pk=theirs.pk).exists()
    assert chief.post(f"/admin/tam-ngung/{mine.pk}/huy/").status_code == 302
    assert not MaintenanceWindow.objects.filter(pk=mine.pk).exists()


def test_a_board_cannot_touch_its_networks_window(network, site):
    network_wide = _window(network["dakdoa"], whole_network=True)
    chief = login(site, "truongban")
    assert "Cả mạng lưới" in chief.get("/admin/tam-ngung/").content.decode()
    assert chief.post(f"/admin/tam-ngung/{network_wide.pk}/huy/").status_code == 404
    assert MaintenanceWindow.objects.filter(pk=network_wide.pk).exists()


CONSOLE = ("/admin/mang-luoi-tam-ngung/", "/admin/mang-luoi-ma-giam-sat/")


def test_the_console_screens_are_the_network_administrators(network, site):
    parent = network["dakdoa"]
    window = _window(site)
    with schema_context(parent.schema_name):
        users = get_user_model().objects
        users.create_user("bientaphuyen", password=factories.PASSWORD)
        admin = users.create_user("quantrimang", password=factories.PASSWORD)
        admin.groups.add(Group.objects.get_or_create(name=NETWORK_ADMINS)[0])
    for path in CONSOLE:
        anonymous = site_client(parent).get(path)
        assert anonymous.status_code == 302 and LOGIN in anonymous["Location"], path
        assert refused(login(parent, "bientaphuyen").get(path)), path
        assert refused(login(site, "truongban").get(path)), path
        assert login(parent, "quantrimang").get(path).status_code == 200, path
    delete = f"/admin/mang-luoi-tam-ngung/{window.pk}/huy/"
    assert refused(login(site, "truongban").post(delete))
    assert refused(login(parent, "bientaphuyen").post(delete))
    assert MaintenanceWindow.objects.filter(pk=window.pk).exists()


def test_a_console_reaches_only_its_own_networks_windows(network, site):
    from tenants.services import create_site

    elsewhere = create_site(name="Huyện Khác", kind="district", domain="huyenkhac.localhost").tenant
    outside = _window(elsewhere, description=f"Huyện khác {SECRET}")
    parent = network["dakdoa"]
    with schema_context(parent.schema_name):
        admin = get_user_model().objects.create_user("quantrimang2", password=factories.PASSWORD)
        admin.groups.add(Group.objects.get_or_create(name=NETWORK_ADMINS)[0])
    console = login(parent, "quantrimang2")
    assert SECRET not in console.get("/admin/mang-luoi-tam-ngung/").content.decode()
    assert console.post(f"/admin/mang-luoi-tam-ngung/{outside.pk}/huy/").status_code == 404
    assert MaintenanceWindow.objects.filter(pk=outside.pk).exists()
    page = console.get("/admin/mang-luoi-ma-giam-sat/").content.decode()
    assert "Huyện Khác" not in page and "Xã Kiểm Tra Quyền" in page
