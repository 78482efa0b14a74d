"""The network console in the parent portal's admin ("Trang thành viên")."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tenants.utils import schema_context

from editorial.roles import NETWORK_ADMINS
from tenants.models import SupportGrant, Tenant
from tenants.services import create_site
from tests.conftest import site_client

PASSWORD = "demo-portal-2026"
CONSOLE = "/admin/trang-thanh-vien/"


@pytest.fixture
def network(db, demo_network):
    return {slug: Tenant.objects.get(pk=t.pk) for slug, t in demo_network.items()}


def _login(tenant, username="admin", password=PASSWORD):
    client = site_client(tenant)
    assert (
        client.post("/admin/login/", {"username": username, "password": password}).status_code
        == 302
    )
    return client


def _user(tenant, username, *groups):
    with schema_context(tenant.schema_name):
        user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
        for name in groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        if "Biên tập viên" in groups or NETWORK_ADMINS in groups:
            from django.contrib.auth.models import Permission

            user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return username


def test_network_administrators_see_the_console_and_their_members(network):
    client = _login(
        network["dakdoa"], _user(network["dakdoa"], "mangluoi", NETWORK_ADMINS), PASSWORD
    )
    dashboard = client.get("/admin/").content.decode()
    assert CONSOLE in dashboard  # the sidebar menu (rendered from JSON) links to the console
    page = client.get(CONSOLE).content.decode()
    for slug in ("iabang", "habau", "glar", "namyang"):
        assert f"{slug}.localhost" in page
    assert "Đang hoạt động" in page
    assert "dakdoa.localhost" not in page  # the parent itself is not its own member


def test_others_cannot_reach_the_console(network):
    editor = _login(network["dakdoa"], _user(network["dakdoa"], "bientap", "Biên tập viên"))
    assert CONSOLE not in editor.get("/admin/").content.decode()
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
    assert editor.get(CONSOLE)["Location"] == "/admin/"
    commune_admin = _login(network["iabang"])  # a superuser, but of a member site
    assert commune_admin.get(CONSOLE)["Location"] == "/admin/"
    assert site_client(network["dakdoa"]).get(CONSOLE).status_code == 302  # to the login


def test_creating_a_site_from_the_console_shows_the_chiefs_link_once(network):
    client = _login(network["dakdoa"])
    response = client.post(
        CONSOLE + "tao-moi/",
        {
            "name": "Xã Ia Pết",
            "kind": "commune",
            "slug": "",
            "chief_email": "tb@iapet.vn",
            "extra_domains": "",
            "approval_steps": "1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "http://iapet.dakdoa.localhost/" in html
    assert "http://iapet.dakdoa.localhost/admin/password_reset/confirm/" in html
    site = Tenant.objects.get(slug="iapet")
    assert site.created_by == "admin@dakdoa" and site.approval_steps == 1


def test_bad_input_in_the_console_is_explained_and_nothing_is_created(network):
    client = _login(network["dakdoa"])
    before = Tenant.objects.count()
    html = client.post(
        CONSOLE + "tao-moi/",
        {
            "name": "Xã Ia Băng",
            "kind": "commune",
            "slug": "iabang",
            "chief_email": "x@y.vn",
            "extra_domains": "habau.localhost",
            "approval_steps": "2",
        },
    ).content.decode()
    assert "Mã trang “iabang” đã được dùng." in html
    assert "Tên miền “habau.localhost” đã thuộc một trang khác." in html
    assert Tenant.objects.count() == before


def test_suspend_resume_and_archive_from_the_console(network):
    client, glar = _login(network["dakdoa"]), network["glar"]
    status_url = f"{CONSOLE}{glar.pk}/trang-thai/"
    client.post(status_url, {"status": "suspended"})
    assert site_client(glar).get("/").status_code == 503
    client.post(status_url, {"status": "active"})
    assert site_client(glar).get("/").status_code == 200
    client.post(status_url, {"status": "archived"})
    assert Tenant.objects.get(pk=glar.pk).status == "archived"
    assert "Lưu trữ" in client.get(f"{CONSOLE}{glar.pk}/").content.decode()


def test_a_console_reaches_only_its_own_members(network):
    province = create_site(
        name="Tỉnh Kon Tum", slug="kontum", kind="province", domain="kontum.localhost"
    ).tenant
    stranger = create_site(name="Xã Đăk Hà", slug="dakha", kind="commune", parent=province).tenant
    client = _login(network["dakdoa"])
    assert client.get(f"{CONSOLE}{stranger.pk}/").status_code == 404
    assert (
        client.post(f"{CONSOLE}{stranger.pk}/trang-thai/", {"status": "suspended"}).status_code
        == 404
    )
    assert Tenant.objects.get(pk=stranger.pk).status == "active"


def test_importing_a_csv_from_the_console_previews_then_creates(network):
    client = _login(network["dakdoa"])
    upload = SimpleUploadedFile(
        "xa.csv", "ten_don_vi,cap\nXã Ia Pết,xã\nXã Glar,xã\n".encode(), content_type="text/csv"
    )
    preview = client.post(CONSOLE + "nhap-csv/", {"csv_file": upload, "approval_steps": "2"})
    html = preview.content.decode()
    assert "Sẽ tạo" in html and "Đã có, bỏ qua" in html
    assert not Tenant.objects.filter(slug="iapet").exists()
    done = client.post(CONSOLE + "nhap-csv/", {"confirm": "1", "approval_steps": "2"})
    assert "Đã tạo" in done.content.decode()
    assert Tenant.objects.get(slug="iapet").created_by == "admin@dakdoa"


def _support_token(client, member):
    """The console answers with a form aimed at the member, the token in its body."""
    import re

    response = client.post(f"{CONSOLE}{member.pk}/ho-tro/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'action="http://{member.get_primary_domain().domain}/ho-tro/"' in html
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def test_a_support_link_logs_the_network_admin_in_once_and_is_recorded(network):
    from wagtail.models import ModelLogEntry

    client, iabang = _login(network["dakdoa"]), network["iabang"]
    token = _support_token(client, iabang)

    visitor = site_client(iabang)
    assert "Xác nhận phiên hỗ trợ" in visitor.post("/ho-tro/", {"token": token}).content.decode()
    assert visitor.post("/ho-tro/", {"token": token, "confirm": "1"}).status_code == 302
    assert visitor.get("/admin/").status_code == 200  # in the commune's admin
    grant = SupportGrant.objects.get(tenant=iabang)
    assert grant.granted_by == "admin@dakdoa" and grant.used_at is not None
    with schema_context(iabang.schema_name):
        entry = ModelLogEntry.objects.get(action="portal.support_login")
        assert entry.data["granted_by"] == "admin@dakdoa"
        assert entry.user.username == "hotro.admin@dakdoa"

    again = site_client(iabang).post("/ho-tro/", {"token": token, "confirm": "1"})
    assert again.status_code == 403  # used once
    assert "Liên kết hỗ trợ không còn hiệu lực" in again.content.decode()


def test_an_expired_support_link_or_one_for_another_site_does_not_work(network):
    client, iabang, habau = _login(network["dakdoa"]), network["iabang"], network["habau"]
    token = _support_token(client, iabang)
    assert site_client(habau).post("/ho-tro/", {"token": token}).status_code == 403  # not here
    SupportGrant.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert site_client(iabang).post("/ho-tro/", {"token": token}).status_code == 403  # expired


def test_a_network_admin_merges_a_commune_from_the_console(network):
    client = _login(network["dakdoa"])
    glar, habau = network["glar"], network["habau"]
    detail = client.get(f"{CONSOLE}{glar.pk}/").content.decode()
    assert "Sáp nhập vào trang" in detail and "Xã Hà Bầu" in detail

    unconfirmed = client.post(f"{CONSOLE}{glar.pk}/sap-nhap/", {"into": habau.pk})
    assert "Hãy xác nhận trước khi sáp nhập." in unconfirmed.content.decode()
    assert Tenant.objects.get(pk=glar.pk).status == Tenant.Status.ACTIVE

    merged = client.post(
        f"{CONSOLE}{glar.pk}/sap-nhap/", {"into": habau.pk, "confirm": "on"}, follow=True
    )
    assert "Đã sáp nhập Xã Glar vào Xã Hà Bầu" in merged.content.decode()
    stored = Tenant.objects.get(pk=glar.pk)
    assert stored.status == Tenant.Status.ARCHIVED and stored.merged_into_id == habau.pk
    assert site_client(glar).get("/")["Location"] == "http://habau.localhost/"


def test_the_console_offers_no_merge_into_the_parent_or_another_network(network):
    client = _login(network["dakdoa"])
    glar = network["glar"]
    response = client.post(
        f"{CONSOLE}{glar.pk}/sap-nhap/", {"into": network["dakdoa"].pk, "confirm": "on"}
    )
    assert "into" in response.context["merge_form"].errors  # shown beside the field
    assert Tenant.objects.get(pk=glar.pk).status == Tenant.Status.ACTIVE


def test_each_sites_admin_carries_its_own_name_not_wagtails(network):
    login = site_client(network["iabang"]).get("/admin/login/").content.decode()
    assert "Trang thông tin điện tử xã Ia Băng" in login
    assert "Wagtail" not in login.split("<title>")[1].split("</title>")[0]
    assert "Sign in to Wagtail" not in login and "Đăng nhập vào Wagtail" not in login
    dashboard = _login(network["iabang"]).get("/admin/").content.decode()
    assert "<title>" in dashboard and "Wagtail</title>" not in dashboard
    assert "Trang thông tin điện tử xã Ia Băng" in dashboard
