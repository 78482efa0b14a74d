"""Per-page order in the outbox (issue 17, finding 1): an outage, a crash or a worker's timing
never brings back a withdrawn page nor loses a change.

The sequences are run against both kinds of backend: PostgreSQL (applied in the publishing
transaction) and an in-memory stand-in for Elasticsearch (applied after the commit, by the
post-commit attempt or the worker, and not rolled back by a failing transaction, as a real
cluster is not).
"""

from datetime import UTC, datetime

import pytest
from django.db import connection, transaction
from django.test import TestCase
from django_tenants.utils import schema_context
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from search import outbox
from search.backends import Backend
from search.backends.postgres import PostgresBackend
from search.outbox import DELETE, UPSERT, Event
from search.query import Hit, SearchQuery, SearchResult
from tenants.models import Tenant
from tests.search.conftest import publish_news, search

WORD = "xyzzyqua"
PAGES = (900001, 900002, -900001)  # two pages and a citizen's question (negative key)


class Down(ConnectionError):
    pass


class MemoryIndex(Backend):
    """Elasticsearch's behaviour as the outbox sees it: applied after commit, not transactional.

    ``mode``: "up"; "down" (refuses before writing); "crash" (writes, then the worker dies
    before it can delete the events from the outbox).
    """

    name = "memory"
    applies_in_transaction = False

    def __init__(self):
        self.docs: dict[tuple[int, int], dict] = {}
        self.mode = "up"

    def apply(self, events) -> None:
        if self.mode == "down":
            raise Down("index down")
        for event in events:
            key = (event.site_id, event.page_id)
            if event.action == DELETE:
                self.docs.pop(key, None)
            else:
                self.docs[key] = event.document
        if self.mode == "crash":
            raise Down("worker died after writing")

    def state(self) -> dict[tuple[int, int], str]:
        return {key: doc["title"] for key, doc in self.docs.items()}

    def run(self, query: SearchQuery, hidden_sites: list[int]) -> SearchResult:
        found = [
            doc
            for doc in self.docs.values()
            if query.text in doc["title"] and doc["site_id"] not in hidden_sites
        ]
        hits = [
            Hit(d["site_id"], d["page_id"], d["url"], d["title"], "", datetime.now(UTC), d["kind"])
            for d in found
        ]
        return SearchResult(query=query, hits=hits, total=len(hits))


class FlakyPostgres(PostgresBackend):
    """The PostgreSQL backend with the same modes; a "crash" rolls its writes back with the
    savepoint, as a real failure in the publishing transaction would."""

    def __init__(self):
        self.mode = "up"

    def apply(self, events) -> None:
        if self.mode == "down":
            raise Down("index down")
        super().apply(events)
        if self.mode == "crash":
            raise Down("failed after writing")

    def state(self) -> dict[tuple[int, int], str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT site_id, page_id, title FROM public.search_entry WHERE page_id = ANY(%s)",
                [list(PAGES)],
            )
            return {(site, page): title for site, page, title in cursor.fetchall()}


def _use(monkeypatch, backend):
    monkeypatch.setattr("search.backends.get_backend", lambda: backend)


def _in_a_transaction(function):
    """What a request or the worker does: one transaction, its on-commit work run after."""
    with TestCase.captureOnCommitCallbacks(execute=True), transaction.atomic():
        function()


# ------------------------------------------------------------------ finding 1, as reported


def test_an_unpublish_after_an_outage_is_not_overtaken_by_the_publish_that_waited(
    network, monkeypatch
):
    """Publish while the index is down → unpublish after recovery → the worker runs."""
    tenant = network["iabang"]

    def down(self, events):
        raise Down("index down")

    monkeypatch.setattr(PostgresBackend, "apply", down)
    page = publish_news(tenant, "Tin Qazwsxe bị thu hồi sau sự cố")
    assert outbox.pending() == 1  # the upsert waits
    monkeypatch.undo()

    with schema_context(tenant.schema_name):
        page.unpublish()  # applied at once, and the waiting upsert goes with it
    assert outbox.pending() == 0
    assert outbox.drain() == 0
    assert search("qazwsxe").total == 0


def test_the_same_sequence_with_a_worker_fed_backend(network, monkeypatch):
    tenant = network["glar"]
    index = MemoryIndex()
    _use(monkeypatch, index)
    index.mode = "down"
    with TestCase.captureOnCommitCallbacks(execute=True):
        page = publish_news(tenant, "Tin Edcrfvt bị thu hồi")
    assert outbox.pending() == 1 and index.docs == {}
    index.mode = "up"
    with TestCase.captureOnCommitCallbacks(execute=True), schema_context(tenant.schema_name):
        page.unpublish()
    assert outbox.drain(backend=index) == 0
    assert index.docs == {}
    assert outbox.pending() == 0


def test_a_newer_event_waits_behind_an_older_one_of_the_same_page(network):
    """Two events of one key (written before the supersede rule, or by a manual insert): the
    drain delivers the older first, never the newer alone."""
    site = network["habau"].pk
    index = MemoryIndex()
    with connection.cursor() as cursor:
        for action, title in ((UPSERT, "old"), (DELETE, None)):
            document = None if title is None else f'{{"title": "{title}", "site_id": {site}}}'
            cursor.execute(
                "INSERT INTO public.search_outbox"
                " (site_id, page_id, action, document, created_at, attempts, last_error)"
                " VALUES (%s, 900009, %s, %s::jsonb, now(), 0, '') RETURNING id",
                [site, action, document],
            )
        newest = cursor.fetchone()[0]
    assert outbox.drain(backend=index, only_ids=[newest]) == 0  # the older one goes first
    assert outbox.drain(backend=index) == 2
    assert index.docs == {}


def test_events_of_one_page_in_one_transaction_keep_only_the_last(network, monkeypatch):
    site = network["habau"].pk
    index = MemoryIndex()
    _use(monkeypatch, index)
    index.mode = "down"
    upsert = Event(site, 900010, UPSERT, _doc(site, 900010, 1))
    with TestCase.captureOnCommitCallbacks(execute=True):
        outbox.record([upsert, Event(site, 900010, DELETE)])
    assert outbox.pending() == 1
    index.mode = "up"
    outbox.drain(backend=index)
    assert index.docs == {}


# ------------------------------------------------------------------ random sequences

# Few keys, so that random sequences often act on the same page across an outage.
KEY = st.sampled_from((("a", PAGES[0]), ("a", PAGES[2]), ("b", PAGES[0])))
OPERATION = st.one_of(
    st.tuples(st.sampled_from(("publish", "edit", "move", "unpublish", "delete", "restrict")), KEY),
    st.tuples(st.just("suspend"), st.sampled_from(("a", "b"))),
    st.tuples(st.sampled_from(("down", "up", "crash", "drain")), st.none()),
)


def _doc(site_id: int, page_id: int, version: int, parent: str = "tin-tuc") -> dict:
    when = datetime(2026, 1, 1, tzinfo=UTC).isoformat()
    return {
        "site_id": site_id,
        "page_id": page_id,
        "locale": "vi",
        "url": f"http://x.localhost/{parent}/{page_id}/",
        "title": f"Trang {WORD} {page_id} bản {version}",
        "summary": "",
        "body": "",
        "keywords": "",
        "kind": "question" if page_id < 0 else "news",
        "section": parent,
        "extra": {},
        "published_at": when,
        "updated_at": when,
    }


class Model:
    """What should be found: each page's newest state, and which sites are suspended."""

    def __init__(self, sites: dict[str, int]):
        self.sites = sites
        self.pages = {}  # (site id, page id) → dict(live, restricted, deleted, version, parent)
        self.suspended = set()

    def page(self, key):
        return self.pages.setdefault(
            key,
            {"live": False, "restricted": False, "deleted": False, "version": 0, "parent": "a"},
        )

    def event(self, key) -> Event:
        page = self.pages[key]
        if page["live"] and not page["restricted"] and not page["deleted"]:
            return Event(*key, UPSERT, _doc(*key, page["version"], page["parent"]))
        return Event(*key, DELETE)

    def expected(self) -> dict[tuple[int, int], str]:
        """The index's content once everything is delivered (suspension is a read filter)."""
        return {
            key: _doc(*key, page["version"])["title"]
            for key, page in self.pages.items()
            if page["live"] and not page["restricted"] and not page["deleted"]
        }

    def found(self) -> set[str]:
        hidden = {self.sites[name] for name in self.suspended}
        return {title for key, title in self.expected().items() if key[0] not in hidden}

    def change(self, action, key) -> bool:
        """Apply a page action; True when it produces an index event (as the signals do)."""
        page = self.page(key)
        if page["deleted"]:
            return False  # a deleted page has no more actions
        if action == "publish":
            page["live"], page["version"] = True, page["version"] + 1
        elif action == "edit":
            if not page["live"]:
                return False  # a draft edit: no signal
            page["version"] += 1
        elif action == "move":
            if not page["live"]:
                return False  # Wagtail re-indexes the subtree; a draft's event is a delete
            page["parent"] = "b" if page["parent"] == "a" else "a"
        elif action == "unpublish":
            page["live"] = False
        elif action == "delete":
            page["deleted"], page["live"] = True, False
        elif action == "restrict":
            page["restricted"] = not page["restricted"]
        return True


def _run_sequence(backend, operations, sites: dict[str, int]):
    model = Model(sites)
    seen: dict[tuple[int, int], int] = {}  # newest version the index has shown per key

    def check_monotone():
        for key, title in backend.state().items():
            version = int(title.rsplit(" ", 1)[1])
            assert version >= seen.get(key, 0), f"{key} went back to version {version}"
            seen[key] = version

    for action, target in operations:
        if action in ("down", "up", "crash"):
            backend.mode = action
        elif action == "drain":
            _in_a_transaction(lambda: outbox.drain(backend=backend))
            if backend.mode == "up":
                assert backend.state() == model.expected()
                assert outbox.pending() == 0
        elif action == "suspend":
            name = target
            model.suspended ^= {name}
            status = Tenant.Status.SUSPENDED if name in model.suspended else Tenant.Status.ACTIVE
            Tenant.objects.filter(pk=sites[name]).update(status=status)
        else:
            site, page = target
            key = (sites[site], page)
            if model.change(action, key):
                event = model.event(key)
                _in_a_transaction(lambda event=event: outbox.record([event]))
        check_monotone()

    backend.mode = "up"
    _in_a_transaction(lambda: outbox.drain(backend=backend))
    assert outbox.pending() == 0  # nothing lost
    assert backend.state() == model.expected()  # nothing resurrected, nothing stale
    connection.set_schema_to_public()
    result = backend.search(SearchQuery.build(WORD))
    # With nothing to find, PostgreSQL may offer a corrected query's hits: not ours.
    found = set() if result.suggestion_used else {_plain(hit.title) for hit in result.hits}
    assert found == model.found()


def _plain(html: str) -> str:
    from django.utils.html import strip_tags

    return strip_tags(html)


@pytest.mark.parametrize("kind", ["worker-fed", "postgres"])
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=st.lists(OPERATION, max_size=25))
@example(  # finding 1 as reported: publish while down, unpublish after recovery, worker runs
    operations=[("down", None), ("publish", ("a", PAGES[0])), ("up", None)]
    + [("unpublish", ("a", PAGES[0])), ("drain", None)]
)
@example(  # the worker dies after writing; the page is withdrawn before the retry
    operations=[("crash", None), ("publish", ("b", PAGES[0])), ("drain", None), ("up", None)]
    + [("delete", ("b", PAGES[0]))]
)
def test_any_sequence_of_changes_outages_and_crashes_ends_with_what_should_be_found(
    kind, operations, network, monkeypatch
):
    sites = {"a": network["iabang"].pk, "b": network["glar"].pk}
    backend = MemoryIndex() if kind == "worker-fed" else FlakyPostgres()
    with monkeypatch.context() as patch:
        _use(patch, backend)
        with transaction.atomic():  # each example starts from the same data
            try:
                _run_sequence(backend, operations, sites)
            finally:
                transaction.set_rollback(True)
