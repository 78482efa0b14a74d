"""A publish never waits on a worker (issue 22, finding 2): while a worker holds a page's older
outbox event (delivering it through Elasticsearch's retries), a new publish of that page
returns at once; its event is delivered after the older one, never before it."""

import threading
import time

from django.db import connection, transaction
from django.test import TestCase

from search import outbox
from search.backends.postgres import PostgresBackend
from search.outbox import UPSERT, Event
from tests.search.test_outbox_order import MemoryIndex, _doc

PAGE = 920001


class SlowIndex(MemoryIndex):
    """A cluster that answers only when told to: the worker holds its rows meanwhile."""

    def __init__(self):
        super().__init__()
        self.holding = threading.Event()
        self.answer = threading.Event()

    def apply(self, events) -> None:
        self.holding.set()
        assert self.answer.wait(30), "the test never let the worker finish"
        super().apply(events)


def _in_thread(function):
    errors = []

    def run():
        try:
            function()
        except Exception as error:  # reported by the test
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def _committed_event(site_id: int, version: int) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO public.search_outbox"
            " (site_id, page_id, action, document, created_at, attempts, last_error)"
            " VALUES (%s, %s, 'upsert', %s::jsonb, now(), 0, '')",
            [site_id, PAGE, outbox.json.dumps(_doc(site_id, PAGE, version))],
        )


def _clean_up():
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM public.search_outbox WHERE page_id = %s", [PAGE])


def test_a_publish_does_not_wait_for_a_worker_holding_the_pages_older_event(
    demo_network, django_db_blocker, monkeypatch
):
    site = demo_network["iabang"].pk
    index = SlowIndex()
    with django_db_blocker.unblock():
        thread, errors = _in_thread(lambda: _committed_event(site, 1))
        thread.join()
        assert errors == []
        worker, worker_errors = _in_thread(lambda: outbox.drain(backend=index))
        try:
            assert index.holding.wait(10), "the worker should be delivering the older event"
            with connection.cursor() as cursor:  # fail, not hang, if the publish waits
                cursor.execute("SET lock_timeout = '3s'")
            started = time.monotonic()
            with TestCase.captureOnCommitCallbacks(execute=False) as after_commit:
                monkeypatch.setattr("search.backends.get_backend", PostgresBackend)
                [new_id] = outbox.record([Event(site, PAGE, UPSERT, _doc(site, PAGE, 2))])
            assert time.monotonic() - started < 1.0
            # Not applied in the publishing transaction: the older state is still on its way.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM public.search_entry WHERE site_id = %s AND page_id = %s",
                    [site, PAGE],
                )
                assert cursor.fetchone()[0] == 0
        finally:
            index.answer.set()
            worker.join()
        assert worker_errors == []
        assert index.state() == {(site, PAGE): f"Trang xyzzyqua {PAGE} bản 1"}
        for callback in after_commit:  # the post-commit attempt delivers the newer state
            callback()
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
            cursor.execute(
                "SELECT title FROM public.search_entry WHERE site_id = %s AND page_id = %s",
                [site, PAGE],
            )
            assert cursor.fetchall() == [(f"Trang xyzzyqua {PAGE} bản 2",)]
            cursor.execute("SELECT id FROM public.search_outbox WHERE page_id = %s", [PAGE])
            assert cursor.fetchall() == []
        assert new_id
        thread, errors = _in_thread(_clean_up)
        thread.join()
