"""Finding 3 of issue 14: 30 wrong passwords in a row were all answered, then the right one
was accepted. Each test guesses passwords as an attacker would."""

import io

from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client, override_settings
from django_tenants.utils import schema_context

from tests.security.conftest import PASSWORD, login

LOCKED = "Bạn đã nhập sai quá nhiều lần. Hãy thử lại sau 15 phút."
CONSOLE_LOCKOUTS = "/admin/trang-thanh-vien/khoa-dang-nhap/"


def client_of(tenant, address="198.51.100.7", **extra):
    return Client(HTTP_HOST=tenant.get_primary_domain().domain, REMOTE_ADDR=address, **extra)


def guess(client, username, times, password="sai-mat-khau"):
    return [
        client.post("/admin/login/", {"username": username, "password": password})
        for _ in range(times)
    ]


def logged_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_wrong_passwords_on_the_admin_login_lock_the_name_out_even_with_the_right_one(commune):
    attacker = client_of(commune)
    answers = guess(attacker, "quantri", 5)
    assert [a.status_code for a in answers[:4]] == [200] * 4
    assert answers[4].status_code == 429
    assert LOCKED in answers[4].content.decode()
    right = attacker.post("/admin/login/", {"username": "quantri", "password": PASSWORD})
    assert right.status_code == 429
    assert LOCKED in right.content.decode()
    assert not logged_in(attacker)


def test_a_lockout_on_one_site_does_not_shut_the_same_name_on_another(commune, parent_portal):
    guess(client_of(commune), "quantri", 5)
    other_site = client_of(parent_portal)
    response = other_site.post("/admin/login/", {"username": "quantri", "password": PASSWORD})
    assert response.status_code == 302
    assert logged_in(other_site)
    assert AccessAttempt.objects.get().username == f"{commune.schema_name}:quantri"


def test_a_lockout_does_not_shut_the_name_for_another_address(commune):
    guess(client_of(commune), "quantri", 5)
    office = client_of(commune, address="203.0.113.20")
    assert (
        office.post("/admin/login/", {"username": "quantri", "password": PASSWORD}).status_code
        == 302
    )


@override_settings(PORTAL_BEHIND_PROXY=True)
def test_a_forged_x_forwarded_for_does_not_escape_the_lockout(commune):
    """Behind our proxy the last hop is nginx's; what the client prepends changes nothing."""
    for n in range(5):
        forged = client_of(
            commune, address="10.0.0.2", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.9"
        )
        last = forged.post("/admin/login/", {"username": "quantri", "password": "sai"})
    assert last.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}


@override_settings(PORTAL_BEHIND_PROXY=2)
def test_behind_a_tls_terminator_one_client_cannot_lock_out_everyone(commune):
    """With a terminator in front of nginx, the last hop is the terminator's own address:
    keyed on it, five wrong tries would lock the account for every citizen and editor."""
    for n in range(5):
        attacker = client_of(
            commune, address="10.0.0.2", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.7, 10.0.0.1"
        )
        attacker.post("/admin/login/", {"username": "quantri", "password": "sai"})
    editor = client_of(commune, address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.20, 10.0.0.1")
    response = editor.post("/admin/login/", {"username": "quantri", "password": PASSWORD})
    assert response.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}


def protected_page(tenant):
    from wagtail.models import Page, PageViewRestriction

    with schema_context(tenant.schema_name):
        page = Page.objects.get(slug="tin-tuc")
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="dung-mat-khau"
        )
        return restriction.pk, page.pk, page.url


def test_wrong_passwords_on_a_protected_page_lock_its_form(commune):
    restriction, page, url = protected_page(commune)
    form_url = f"/_util/authenticate_with_password/{restriction}/{page}/"
    attacker = client_of(commune)
    answers = [
        attacker.post(form_url, {"password": f"doan-{n}", "return_url": url}) for n in range(5)
    ]
    assert [a.status_code for a in answers[:4]] == [200] * 4
    assert answers[4].status_code == 429
    assert LOCKED in answers[4].content.decode()
    right = attacker.post(form_url, {"password": "dung-mat-khau", "return_url": url})
    assert right.status_code == 429
    assert attacker.get(url).status_code == 200
    assert "dung-mat-khau" not in attacker.get(url).content.decode()
    # Another reader of the same page, from elsewhere, still gets in.
    reader = client_of(commune, address="203.0.113.30")
    assert (
        reader.post(form_url, {"password": "dung-mat-khau", "return_url": url}).status_code == 302
    )


def test_network_administrator_unlocks_a_member_from_the_console(commune, parent_portal):
    attacker = client_of(commune)
    guess(attacker, "quantri", 5)
    console = login(parent_portal, "mangluoi")
    page = console.get(CONSOLE_LOCKOUTS).content.decode()
    assert "quantri" in page and commune.name in page
    response = console.post(
        CONSOLE_LOCKOUTS, {"schema": commune.schema_name, "username": "quantri"}
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    right = attacker.post("/admin/login/", {"username": "quantri", "password": PASSWORD})
    assert right.status_code == 302


def test_member_site_admin_cannot_see_or_lift_lockouts(commune, parent_portal):
    guess(client_of(parent_portal), "sieuquantri", 5)
    before = list(AccessAttempt.objects.values_list("username", "failures_since_start"))
    member_superuser = login(commune, "sieuquantri")  # a superuser, but of a member site
    assert member_superuser.get(CONSOLE_LOCKOUTS).status_code == 302
    member_superuser.post(CONSOLE_LOCKOUTS, {"schema": parent_portal.schema_name})
    parent_site_admin = login(parent_portal, "quantri")
    assert parent_site_admin.get(CONSOLE_LOCKOUTS).status_code == 302
    parent_site_admin.post(CONSOLE_LOCKOUTS, {"schema": parent_portal.schema_name})
    assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == before


def test_console_cannot_lift_a_lockout_of_a_site_outside_its_network(commune, demo_network):
    iabang = demo_network["iabang"]  # a member of another parent (Đak Đoa)
    guess(client_of(iabang), "admin", 5)
    before = AccessAttempt.objects.count()
    parent = commune.parent
    console = login(parent, "mangluoi")
    assert "admin" not in console.get(CONSOLE_LOCKOUTS).content.decode().split("<tbody>")[1]
    assert console.post(CONSOLE_LOCKOUTS, {"schema": iabang.schema_name}).status_code == 404
    assert AccessAttempt.objects.count() == before


def test_unlock_logins_command_lifts_one_sites_lockout(commune):
    guess(client_of(commune), "quantri", 5)
    call_command("unlock_logins", site=commune.slug, user="quantri", stdout=io.StringIO())
    assert not AccessAttempt.objects.exists()
