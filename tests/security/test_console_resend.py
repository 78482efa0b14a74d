"""The console's "send the chief a fresh link" (POST /admin/trang-thanh-vien/<pk>/gui-lai-thu/):
only the parent portal's network administrators may send it; nobody else gets an e-mail out."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django_tenants.utils import schema_context

from tenants.access import NETWORK_ADMINS
from tenants.models import ChiefEmail, Tenant
from tenants.services import create_site
from tests.conftest import site_client

PASSWORD = "Mat-khau-thu-2026"


def _member_with_chief(district):
    return create_site(
        name="Xã Ia Pết", slug="iapet", kind=Tenant.Kind.COMMUNE, parent=district,
        chief_email="tb@iapet.vn",
    ).tenant  # fmt: skip


def _client(tenant, username, *groups, superuser=False):
    with schema_context(tenant.schema_name):
        user = get_user_model().objects.create_user(
            username, password=PASSWORD, is_superuser=superuser
        )
        for name in groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = site_client(tenant)
    assert client.post("/admin/login/", {"username": username, "password": PASSWORD}).status_code
    return client


@pytest.fixture
def member(db, demo_network):
    site = _member_with_chief(demo_network["dakdoa"])
    mail.outbox.clear()
    return site


def _resend(client, member):
    return client.post(f"/admin/trang-thanh-vien/{member.pk}/gui-lai-thu/")


def test_anonymous_visitors_are_sent_to_the_login(member, demo_network):
    response = _resend(site_client(demo_network["dakdoa"]), member)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert mail.outbox == []


def test_a_board_member_of_the_parent_portal_is_refused(member, demo_network):
    editor = _client(demo_network["dakdoa"], "bientap", "Biên tập viên")
    assert _resend(editor, member)["Location"] == "/admin/"
    assert mail.outbox == []


def test_a_member_sites_superuser_is_refused(member, demo_network):
    other = _client(demo_network["iabang"], "quantri", superuser=True)
    assert _resend(other, member)["Location"] == "/admin/"
    own = _client(member, "quantrixa", superuser=True)  # the member site's own admin
    assert _resend(own, member)["Location"] == "/admin/"
    assert mail.outbox == []


def test_the_network_administrator_sends_a_fresh_link_and_it_is_recorded(member, demo_network):
    admin = _client(demo_network["dakdoa"], "mangluoi", NETWORK_ADMINS)
    response = _resend(admin, member)
    assert response.status_code == 302
    [sent] = mail.outbox
    assert sent.to == ["tb@iapet.vn"]
    assert "http://iapet.dakdoa.localhost/admin/password_reset/confirm/" in sent.body
    reasons = list(ChiefEmail.objects.filter(tenant=member).values_list("reason", flat=True))
    assert sorted(reasons) == ["created", "resent"]
    page = admin.get(f"/admin/trang-thanh-vien/{member.pk}/").content.decode()
    assert "tb@iapet.vn" in page and "Gửi lại" in page
