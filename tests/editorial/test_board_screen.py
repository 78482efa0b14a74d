"""The "Ban biên tập" screen: members listed, invited by e-mail, changed, deactivated."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django_tenants.utils import schema_context

from editorial.models import BoardMember
from tests.conftest import site_client
from tests.editorial.conftest import BODY, NO_COMMENTS, PASSWORD, fresh, member, page_id, write


def _unit(site, name="Trường Tiểu học"):
    from content.models import ContributingUnit

    with schema_context(site.schema_name):
        return ContributingUnit.objects.get(name=name).pk


def _user(site, username):
    with schema_context(site.schema_name):
        return get_user_model().objects.get(username=username)


def test_the_chief_sees_members_with_role_and_unit(two_step_site):
    page = member(two_step_site, "truongban").get("/admin/ban-bien-tap/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "ctv1@xa.gov.vn" in html and "Cộng tác viên" in html and "Trường Tiểu học" in html
    assert "Trưởng ban" in html and "Quản trị trang" in html
    assert (
        '"/admin/ban-bien-tap/"'
        in member(two_step_site, "truongban").get("/admin/").content.decode()
    )


def test_inviting_creates_the_account_and_mails_a_one_time_link(two_step_site):
    site = two_step_site
    mail.outbox.clear()
    response = member(site, "truongban").post(
        "/admin/ban-bien-tap/moi/",
        {
            "email": "Lan.Tran@Truong.edu.vn",
            "full_name": "Trần Thị Lan",
            "roles": ["contributor"],
            "unit": _unit(site),
            "position": "Giáo viên",
        },
    )
    assert response.status_code == 200
    link = re.search(r'value="(http://[^"]+)"', response.content.decode())[1]
    with schema_context(site.schema_name):
        user = get_user_model().objects.get(username="lan.tran@truong.edu.vn")
        assert not user.has_usable_password()
        assert list(user.groups.values_list("name", flat=True)) == ["Cộng tác viên"]
        assert user.board_member.unit.name == "Trường Tiểu học"
        assert user.board_member.position == "Giáo viên"
    (message,) = mail.outbox
    assert message.to == ["lan.tran@truong.edu.vn"] and link in message.body
    path = link.split("localhost", 1)[1]
    set_password = site_client(site).get(path, follow=True)
    assert set_password.status_code == 200
    assert b"new_password1" in set_password.content


def test_invitation_errors_are_clear_and_change_nothing(two_step_site):
    site = two_step_site
    chief = member(site, "truongban")
    with schema_context(site.schema_name):
        before = get_user_model().objects.count()
    duplicate = chief.post(
        "/admin/ban-bien-tap/moi/",
        {"email": "ctv1@xa.gov.vn", "full_name": "Trùng", "roles": ["editor"]},
    ).content.decode()
    assert "Địa chỉ này đã có tài khoản trong trang." in duplicate
    no_unit = chief.post(
        "/admin/ban-bien-tap/moi/",
        {"email": "moi@xa.gov.vn", "full_name": "Mới", "roles": ["contributor"]},
    ).content.decode()
    assert "Cộng tác viên phải thuộc một đơn vị cung cấp tin." in no_unit
    no_role = chief.post(
        "/admin/ban-bien-tap/moi/", {"email": "moi@xa.gov.vn", "full_name": "Mới"}
    ).content.decode()
    assert "Chọn ít nhất một vai trò." in no_role
    bad_email = chief.post(
        "/admin/ban-bien-tap/moi/",
        {"email": "khong-phai-thu", "full_name": "Mới", "roles": ["editor"]},
    ).content.decode()
    assert "Địa chỉ thư điện tử không hợp lệ." in bad_email
    with schema_context(site.schema_name):
        assert get_user_model().objects.count() == before


def test_changing_a_members_role_and_unit(two_step_site):
    site = two_step_site
    from content.models import ContributingUnit

    with schema_context(site.schema_name):
        other = ContributingUnit.objects.create(name="Hội Phụ nữ").pk
    user = _user(site, "ctv2")
    response = member(site, "quantri").post(
        f"/admin/ban-bien-tap/{user.pk}/",
        {"full_name": "Lê Văn Hai", "roles": ["editor"], "unit": other, "position": "Phóng viên"},
    )
    assert response.status_code == 302
    with schema_context(site.schema_name):
        user = get_user_model().objects.get(username="ctv2")
        assert list(user.groups.values_list("name", flat=True)) == ["Biên tập viên"]
        assert BoardMember.objects.get(user=user).unit.name == "Hội Phụ nữ"
        assert user.get_full_name() == "Lê Văn Hai"


def test_a_deactivated_member_can_no_longer_log_in(two_step_site):
    site = two_step_site
    chief = member(site, "truongban")
    user = _user(site, "ctv2")
    assert chief.post(f"/admin/ban-bien-tap/{user.pk}/khoa/").status_code == 302
    assert not _user(site, "ctv2").is_active
    refused = site_client(site).post("/admin/login/", {"username": "ctv2", "password": PASSWORD})
    assert refused.status_code == 200
    # and nobody locks themselves out
    me = _user(site, "truongban")
    chief.post(f"/admin/ban-bien-tap/{me.pk}/khoa/")
    assert _user(site, "truongban").is_active


def test_other_roles_cannot_manage_the_board(two_step_site):
    site = two_step_site
    user = _user(site, "ctv2")
    for username in ("phoban", "bientap", "ctv1"):
        client = member(site, username)
        assert client.get("/admin/ban-bien-tap/").status_code in (302, 403)
        assert client.post(f"/admin/ban-bien-tap/{user.pk}/khoa/").status_code in (302, 403)
        invite = {"email": "x@xa.gov.vn", "full_name": "X", "roles": ["chief"]}
        assert client.post("/admin/ban-bien-tap/moi/", invite).status_code in (302, 403)
    assert _user(site, "ctv2").is_active
    with schema_context(site.schema_name):
        assert not get_user_model().objects.filter(username="x@xa.gov.vn").exists()


def test_the_chief_opens_a_section_to_contributors(two_step_site):
    site = two_step_site
    other_section = page_id(site, slug="tiep-can-thong-tin")
    news = page_id(site, slug="tin-tuc")
    response = member(site, "truongban").post(
        "/admin/ban-bien-tap/chuyen-muc/", {"sections": [news, other_section]}
    )
    assert response.status_code == 302
    contributor = member(site, "ctv1")
    contributor.post(
        f"/admin/pages/add/content/newspage/{other_section}/",
        {
            "title": "Công khai ngân sách",
            "slug": "cong-khai-ngan-sach",
            "date": "20/11/2026",
            "body": BODY,
            **NO_COMMENTS,
            "action-submit": "1",
        },
    )
    assert fresh(site, "Công khai ngân sách").get_parent().pk == other_section
    # closing the news section again: contributors can no longer write there
    member(site, "truongban").post("/admin/ban-bien-tap/chuyen-muc/", {"sections": [other_section]})
    write(contributor, site, "Không còn được viết")
    from wagtail.models import Page

    with schema_context(site.schema_name):
        assert not Page.objects.filter(title="Không còn được viết").exists()


def test_the_board_cannot_lock_or_change_the_platform_operators(two_step_site):
    site = two_step_site
    with schema_context(site.schema_name):
        operator = get_user_model().objects.create_superuser("vanhanh", "vh@portal.vn", "x")
    chief = member(site, "truongban")
    assert chief.post(f"/admin/ban-bien-tap/{operator.pk}/khoa/").status_code in (302, 403)
    change = {"full_name": "Đổi", "roles": ["contributor"], "unit": _unit(site)}
    assert chief.post(f"/admin/ban-bien-tap/{operator.pk}/", change).status_code in (302, 403)
    operator = _user(site, "vanhanh")
    assert operator.is_active and operator.is_superuser and not operator.groups.exists()
