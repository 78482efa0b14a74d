"""Each host name reaches its own site; unknown, suspended and archived sites are explained."""

from django.test import Client

from tenants.models import Tenant
from tests.conftest import site_client


def test_each_demo_site_serves_its_own_home_page_by_host_name(db, demo_network):
    for tenant in demo_network.values():
        response = site_client(tenant).get("/")
        html = response.content.decode()
        assert response.status_code == 200
        assert f"<title>{tenant.site_title}" in html
        others = [t for t in demo_network.values() if t.pk != tenant.pk]
        if not tenant.is_parent_portal:
            assert f"{tenant.short_name} triển khai kế hoạch chuyển đổi số" in html
        for other in others:
            assert other.site_title not in html


def test_an_unknown_host_answers_404_in_vietnamese(db):
    response = Client(HTTP_HOST="khongco.localhost").get("/")
    assert response.status_code == 404
    assert "Không tìm thấy trang thông tin điện tử" in response.content.decode()


def test_a_suspended_site_answers_503_with_a_vietnamese_notice_on_every_path(db, demo_network):
    tenant = demo_network["glar"]
    Tenant.objects.filter(pk=tenant.pk).update(status=Tenant.Status.SUSPENDED)
    for path in ("/", "/tin-tuc/", "/admin/login/"):
        response = site_client(tenant).get(path)
        assert response.status_code == 503
        assert f"{tenant.site_title} đang tạm ngừng hoạt động" in response.content.decode()
    assert site_client(demo_network["habau"]).get("/").status_code == 200


def test_an_archived_site_is_readable_says_so_and_refuses_every_change(db, demo_network):
    tenant = demo_network["glar"]
    Tenant.objects.filter(pk=tenant.pk).update(status=Tenant.Status.ARCHIVED)
    page = site_client(tenant).get("/tin-tuc/")
    assert page.status_code == 200
    assert "đã được lưu trữ và không còn cập nhật" in page.content.decode()
    login = site_client(tenant).post(
        "/admin/login/", {"username": "admin", "password": "demo-portal-2026"}
    )
    assert login.status_code == 403
    assert "nội dung chỉ để xem, không thể thay đổi" in login.content.decode()


def test_the_home_page_and_admin_speak_vietnamese(db, demo_network):
    tenant = demo_network["iabang"]
    home = site_client(tenant).get("/").content.decode()
    assert '<html lang="vi">' in home
    login = site_client(tenant).get("/admin/login/").content.decode()
    assert "Đăng nhập" in login
    assert "Mật khẩu" in login and "Password" not in login


def test_the_menu_of_an_english_page_leads_to_english_pages(db, demo_network):
    import re

    html = site_client(demo_network["dakdoa"]).get("/en/").content.decode()
    menu = html[html.index('class="main-menu"') : html.index("</nav>")]
    links = re.findall(r'href="([^"]+)"', menu)
    assert len(links) >= 3
    assert all(link.startswith("/en/") for link in links), links
