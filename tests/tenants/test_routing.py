"""Each host name reaches its own site; unknown, suspended and archived sites are explained."""

import pytest
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


@pytest.mark.parametrize(
    ("status", "code", "notice"),
    [
        (Tenant.Status.SUSPENDED, 503, "đang tạm ngừng hoạt động"),
        (Tenant.Status.ARCHIVED, 410, "đã ngừng hoạt động"),
    ],
)
def test_a_site_out_of_service_answers_with_a_vietnamese_notice_on_every_path(
    db, demo_network, status, code, notice
):
    tenant = demo_network["glar"]
    Tenant.objects.filter(pk=tenant.pk).update(status=status)
    for path in ("/", "/tin-tuc/", "/admin/login/"):
        response = site_client(tenant).get(path)
        assert response.status_code == code
        assert f"{tenant.site_title} {notice}" in response.content.decode()
    assert site_client(demo_network["habau"]).get("/").status_code == 200


def test_the_home_page_and_admin_speak_vietnamese(db, demo_network):
    tenant = demo_network["iabang"]
    home = site_client(tenant).get("/").content.decode()
    assert '<html lang="vi">' in home
    login = site_client(tenant).get("/admin/login/").content.decode()
    assert "Đăng nhập" in login
