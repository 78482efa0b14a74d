"""Finding 4 of issue 14: the support link was a bearer token on GET. A HEAD request spent it,
whoever held the URL became a superuser of the site, the access log kept the token, and
nothing in the admin said a session was a support session."""

import re

from django.test import Client
from django_tenants.utils import schema_context
from wagtail.models import ModelLogEntry

from tenants.models import SupportGrant
from tests.security.conftest import login

CONSOLE = "/admin/trang-thanh-vien/"


def member_client(tenant, **extra):
    return Client(HTTP_HOST=tenant.get_primary_domain().domain, **extra)


def issue(console, member):
    """The console's button: returns (form action, token) of the hand-off page."""
    response = console.post(f"{CONSOLE}{member.pk}/ho-tro/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    action = re.search(
        r'<form method="post" action="([^"]+)">\s*<input type="hidden" name="token"', html
    )
    token = re.search(r'name="token" value="([^"]+)"', html)
    return action.group(1), token.group(1)


def confirm_page(client, token):
    return client.post("/ho-tro/", {"token": token})


def csrf_of(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def logged_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def grant_state():
    return list(SupportGrant.objects.values_list("pk", "used_at"))


def test_the_token_never_appears_in_an_address(parent_portal, commune):
    action, token = issue(login(parent_portal, "mangluoi"), commune)
    assert action == f"http://{commune.get_primary_domain().domain}/ho-tro/"
    assert token not in action
    # The old address with the token in it is gone.
    assert member_client(commune).get(f"/ho-tro/{token}/").status_code == 404


def test_a_link_previewer_cannot_spend_a_support_grant(parent_portal, commune):
    _action, token = issue(login(parent_portal, "mangluoi"), commune)
    before = grant_state()
    previewer = member_client(commune)
    assert previewer.head("/ho-tro/").status_code == 200
    assert previewer.get("/ho-tro/", {"token": token}).status_code == 200
    assert previewer.options("/ho-tro/").status_code == 405
    assert grant_state() == before
    assert not logged_in(previewer)


def test_the_first_post_only_asks_for_confirmation(parent_portal, commune):
    _action, token = issue(login(parent_portal, "mangluoi"), commune)
    before = grant_state()
    visitor = member_client(commune)
    page = confirm_page(visitor, token).content.decode()
    assert "bằng phiên hỗ trợ của mangluoi@huyenthu" in page
    assert grant_state() == before
    assert not logged_in(visitor)


def test_a_confirmation_without_the_member_sites_csrf_token_is_refused(parent_portal, commune):
    _action, token = issue(login(parent_portal, "mangluoi"), commune)
    before = grant_state()
    forger = member_client(commune, enforce_csrf_checks=True)
    response = forger.post("/ho-tro/", {"token": token, "confirm": "1"})
    assert response.status_code == 403
    assert grant_state() == before
    assert not logged_in(forger)


def test_a_support_session_shows_its_banner_and_is_logged_at_start_and_end_on_both_sites(
    parent_portal, commune
):
    _action, token = issue(login(parent_portal, "mangluoi"), commune)
    support = member_client(commune, enforce_csrf_checks=True)
    page = confirm_page(support, token).content.decode()
    response = support.post(
        "/ho-tro/", {"token": token, "confirm": "1", "csrfmiddlewaretoken": csrf_of(page)}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    for url in ("/admin/", "/admin/pages/", "/admin/users/"):
        html = support.get(url).content.decode()
        assert "Phiên hỗ trợ của mangluoi@huyenthu" in html
        assert 'action="/ho-tro/ket-thuc/"' in html
    assert SupportGrant.objects.get().used_at is not None

    html = support.get("/admin/").content.decode()
    ended = support.post("/ho-tro/ket-thuc/", {"csrfmiddlewaretoken": csrf_of(html)})
    assert "Đã kết thúc phiên hỗ trợ" in ended.content.decode()
    assert not logged_in(support)

    with schema_context(commune.schema_name):
        actions = list(ModelLogEntry.objects.order_by("pk").values_list("action", flat=True))
        assert actions[-2:] == ["portal.support_login", "portal.support_end"]
    with schema_context(parent_portal.schema_name):
        entries = ModelLogEntry.objects.filter(action__startswith="portal.support").order_by("pk")
        assert [(e.action, e.user.username, e.data["site"]) for e in entries] == [
            ("portal.support_login", "mangluoi", commune.name),
            ("portal.support_end", "mangluoi", commune.name),
        ]


def test_an_ordinary_session_shows_no_support_banner(commune):
    html = login(commune, "sieuquantri").get("/admin/").content.decode()
    assert "Phiên hỗ trợ của" not in html


def test_a_spent_token_cannot_open_a_second_session(parent_portal, commune):
    _action, token = issue(login(parent_portal, "mangluoi"), commune)
    member_client(commune).post("/ho-tro/", {"token": token, "confirm": "1"})
    before = grant_state()
    thief = member_client(commune)
    assert thief.post("/ho-tro/", {"token": token}).status_code == 403
    assert thief.post("/ho-tro/", {"token": token, "confirm": "1"}).status_code == 403
    assert grant_state() == before
    assert not logged_in(thief)


def test_a_token_for_one_site_does_not_open_another(parent_portal, commune, demo_network):
    _action, token = issue(login(parent_portal, "mangluoi"), commune)
    before = grant_state()
    other = member_client(demo_network["iabang"])
    assert other.post("/ho-tro/", {"token": token, "confirm": "1"}).status_code == 403
    assert grant_state() == before


def test_guessing_tokens_is_throttled(commune):
    guesser = member_client(commune)
    answers = [guesser.post("/ho-tro/", {"token": f"doan-{n}"}) for n in range(6)]
    assert [a.status_code for a in answers[:4]] == [403] * 4
    assert answers[4].status_code == 429 and answers[5].status_code == 429
    assert "Hãy thử lại sau 15 phút" in answers[5].content.decode()


def test_only_a_network_administrator_of_the_parent_issues_a_grant(parent_portal, commune):
    for client in (
        login(parent_portal, "quantri"),  # site administrator of the parent
        login(commune, "sieuquantri"),  # superuser of a member site
        member_client(parent_portal),  # anonymous
    ):
        client.post(f"{CONSOLE}{commune.pk}/ho-tro/")
        client.get(f"{CONSOLE}{commune.pk}/ho-tro/")
    assert not SupportGrant.objects.exists()


def test_browsers_may_send_the_hand_off_form_to_the_member_and_nowhere_else(parent_portal, commune):
    """The console's policy says "form-action 'self'", which would stop a browser from
    posting the hand-off form to the member's host: this one response admits that host."""
    console = login(parent_portal, "mangluoi")
    response = console.post(f"{CONSOLE}{commune.pk}/ho-tro/")
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    member = f"http://{commune.get_primary_domain().domain}"
    assert policy["form-action"].split() == ["'self'", member]
    # the console's other pages keep the plain rule
    other = console.get(f"{CONSOLE}{commune.pk}/")["Content-Security-Policy"]
    assert "form-action 'self';" in other + ";" and member not in other
