"""A poison event (issue 22, finding 1): an event the index refuses every time is parked after
``SEARCH_OUTBOX_MAX_ATTEMPTS`` refusals, the events behind it are delivered, and a network
administrator sees it beside the failed tasks and sends it back once the cause is fixed.
An outage (the index does not answer) parks nothing."""

import pytest
from django.test import TestCase

from editorial.roles import NETWORK_ADMINS
from search import outbox
from search.outbox import UPSERT, Event
from tests.search.conftest import search
from tests.search.test_outbox_order import Down, MemoryIndex, _doc
from tests.tenants.test_console import CONSOLE, _login, _user

POISON, GOOD = 910001, (910002, 910003, 910004)


class Refusing(MemoryIndex):
    """Takes every event but one, which it refuses as a cluster refuses a bad document."""

    def apply(self, events) -> None:
        if any(event.page_id == POISON for event in events):
            raise ValueError("mapper_parsing_exception: failed to parse field [published_at]")
        super().apply(events)


@pytest.fixture
def network(demo_network, db, settings, monkeypatch):
    """Events are recorded as with Elasticsearch: kept for the worker, not applied at once."""
    settings.SEARCH_OUTBOX_MAX_ATTEMPTS = 3
    monkeypatch.setattr("search.backends.get_backend", MemoryIndex)
    return demo_network


def _record(site_id, page_ids):
    with TestCase.captureOnCommitCallbacks(execute=False):  # the worker delivers, not the commit
        outbox.record([Event(site_id, page, UPSERT, _doc(site_id, page, 1)) for page in page_ids])


def test_a_poison_event_is_parked_and_the_others_are_delivered(network):
    site = network["iabang"].pk
    index = Refusing()
    index.mode = "up"
    _record(site, [POISON])  # the oldest: first in every batch
    _record(site, GOOD)

    assert outbox.drain(backend=index) == 3  # the good ones do not wait behind it
    assert set(index.docs) == {(site, page) for page in GOOD}
    assert outbox.pending() == 1 and outbox.parked() == []

    _record(site, [910005])  # published meanwhile
    for _ in range(2):
        outbox.drain(backend=index)
    assert (site, 910005) in index.docs
    assert outbox.pending() == 0  # nothing left for the worker to retry
    [event] = outbox.parked()
    assert (event["site_id"], event["page_id"], event["attempts"]) == (site, POISON, 3)
    assert "mapper_parsing_exception" in event["last_error"]
    assert outbox.drain(backend=index) == 0


def test_an_outage_parks_nothing(network):
    site = network["glar"].pk
    index = MemoryIndex()
    index.mode = "down"
    _record(site, GOOD)
    for _ in range(5):
        assert outbox.drain(backend=index) == 0
    assert outbox.parked() == [] and outbox.pending() == 3
    index.mode = "up"
    assert outbox.drain(backend=index) == 3


def test_a_newer_state_of_a_parked_page_replaces_it(network):
    site = network["habau"].pk
    index = Refusing()
    _record(site, [POISON])
    for _ in range(3):
        outbox.drain(backend=index)
    assert len(outbox.parked()) == 1
    _record(site, [POISON])  # edited again: the new state supersedes the parked one
    assert outbox.parked() == [] and outbox.pending() == 1


def test_the_network_admin_sees_the_parked_event_and_sends_it_back(network, monkeypatch):
    site = network["iabang"]
    _record(site.pk, [POISON])
    for _ in range(3):
        outbox.drain(backend=Refusing())
    admin = _login(network["dakdoa"], _user(network["dakdoa"], "mangluoi", NETWORK_ADMINS))

    tasks = admin.get(CONSOLE + "tac-vu/").content.decode()
    assert "Thay đổi tìm kiếm bị tạm dừng" in tasks
    assert f'data-parked-event="{outbox.parked()[0]["id"]}"' in tasks
    assert "mapper_parsing_exception" in tasks and site.name in tasks

    screen = admin.get(CONSOLE + "tac-vu/tim-kiem/").content.decode()
    assert "mapper_parsing_exception" in screen and "Thử lại" in screen

    # The cause is fixed (here: the real index takes the document); retry delivers it.
    monkeypatch.undo()
    response = admin.post(CONSOLE + "tac-vu/tim-kiem/thu-lai/", follow=True)
    assert "Đã đưa 1 thay đổi trở lại hàng đợi tìm kiếm." in response.content.decode()
    assert outbox.parked() == [] and outbox.pending() == 0
    assert search(f"{POISON}").total == 1


def test_an_outage_of_the_database_path_is_not_a_poison(network, monkeypatch):
    """The errors the outbox takes for an outage, whatever the backend."""
    from django.db import OperationalError

    from search.backends import SearchUnavailable

    for error in (Down("refused"), TimeoutError(), OperationalError(), SearchUnavailable()):
        assert outbox._is_outage(error)
    assert not outbox._is_outage(ValueError("bad document"))
