"""The parked search events' screen and its retry (issue 22, finding 1): errors name pages
and sites, and a retry changes what the index holds, so only the parent portal's network
administrators see them and send them back, and only their own network's. Not a member
site's own administrator, not an anonymous visitor, not another portal's administrators."""

import pytest
from django.test import TestCase

from editorial.roles import NETWORK_ADMINS
from search import outbox
from search.outbox import UPSERT, Event
from tenants.services import create_site
from tests.conftest import site_client
from tests.search.test_outbox_order import MemoryIndex, _doc
from tests.search.test_outbox_parking import POISON, Refusing
from tests.tenants.test_console import CONSOLE, PASSWORD, _login, _user

SCREEN = CONSOLE + "tac-vu/tim-kiem/"
RETRY = SCREEN + "thu-lai/"
ERROR = "mapper_parsing_exception"


@pytest.fixture
def parked(demo_network, db, settings, monkeypatch):
    """An event of Ia Băng (a member of Đak Đoa) parked after its refusals."""
    settings.SEARCH_OUTBOX_MAX_ATTEMPTS = 1
    monkeypatch.setattr("search.backends.get_backend", MemoryIndex)
    site = demo_network["iabang"]
    with TestCase.captureOnCommitCallbacks(execute=False):
        outbox.record([Event(site.pk, POISON, UPSERT, _doc(site.pk, POISON, 1))])
    outbox.drain(backend=Refusing())
    [event] = outbox.parked()
    return event


def _refused(response) -> bool:
    """Wagtail's admin answers a refusal with a redirect to the dashboard (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in ("/admin/", "/admin")
    )


def _still_parked(event) -> bool:
    return [e["id"] for e in outbox.parked()] == [event["id"]]


def test_an_anonymous_visitor_is_sent_to_the_login(parked, demo_network):
    client = site_client(demo_network["dakdoa"])
    response = client.get(SCREEN)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = client.post(RETRY, {"event": parked["id"]})
    assert response.status_code in (302, 403) and _still_parked(parked)


def test_a_member_sites_own_administrator_gets_nothing(parked, demo_network):
    member_admin = _login(demo_network["iabang"], "admin", PASSWORD)  # the member's superuser
    for response in (member_admin.get(SCREEN), member_admin.get(CONSOLE + "tac-vu/")):
        assert response.status_code != 200 and ERROR not in response.content.decode()
    for response in (member_admin.post(RETRY, {"event": parked["id"]}), member_admin.post(RETRY)):
        assert _refused(response)
    assert _still_parked(parked)


def test_an_editor_of_the_parent_gets_nothing(parked, demo_network):
    editor = _login(
        demo_network["dakdoa"], _user(demo_network["dakdoa"], "bientap", "Biên tập viên")
    )
    assert _refused(editor.get(SCREEN)) and _refused(editor.post(RETRY))
    assert _still_parked(parked)


def test_another_portals_admin_neither_sees_nor_retries_them(parked, demo_network):
    other = create_site(
        name="Huyện Bên Cạnh", slug="bencanh", kind="district", domain="bencanh.localhost"
    ).tenant
    admin = _login(other, _user(other, "mangluoi", NETWORK_ADMINS))
    screen = admin.get(SCREEN)
    assert screen.status_code == 200 and ERROR not in screen.content.decode()
    assert ERROR not in admin.get(CONSOLE + "tac-vu/").content.decode()
    admin.post(RETRY, {"event": parked["id"]})
    admin.post(RETRY)
    assert _still_parked(parked)


def test_the_networks_admin_sees_and_retries_them(parked, demo_network):
    admin = _login(
        demo_network["dakdoa"], _user(demo_network["dakdoa"], "mangluoi", NETWORK_ADMINS)
    )
    assert ERROR in admin.get(SCREEN).content.decode()
    assert admin.get(RETRY).status_code == 405  # a change: POST only
    assert admin.post(RETRY, {"event": parked["id"]}).status_code == 302
    assert outbox.parked() == []
