"""Index writes go through the outbox (issue 7): a row in the same transaction as the change.

The signal handlers run in the site's schema, while the outbox and the index live in the
public schema: every statement here names ``public.`` explicitly, so nothing has to switch the
connection's schema (and no failure can leave it in the wrong one).

With PostgreSQL the event is applied at once, inside a savepoint of the same transaction, so a
publish is searchable the moment it commits; if applying fails, the savepoint is rolled back,
the page change still commits, and the event waits in the outbox for the next drain. With
Elasticsearch the event is only recorded; after the commit we try to deliver it at once, and
a ``deliver_outbox`` task (``search.tasks``, run by ``manage.py db_worker``, also every
minute) delivers whatever that attempt could not.

Per-page order (issue 17). An event carries the page's whole state (the document, or its
absence), so a newer event of a page makes the older ones pointless, and delivering an older
one after it would bring a withdrawn page back. So:

* ``record`` first deletes the page's (or question's) undelivered events, then adds the new
  one: only the newest state waits. The delete waits for a worker that holds one of those rows
  (``FOR UPDATE``) to finish delivering it, so the older state reaches the index first.
* ``drain`` picks an event only when no older event of the same key is still in the outbox,
  so even two events of one key (from before this rule) are delivered oldest first.

A crash between "applied to the index" and "deleted from the outbox" leaves the row: it is
delivered again (idempotent: it is the newest state) unless a newer event has replaced it.
"""

import json
import logging
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)

UPSERT = "upsert"
DELETE = "delete"

# Sent with ``events`` once the index holds them (in the delivery's transaction: at publish time
# with PostgreSQL, when the worker delivers with Elasticsearch), so what shows the index's
# entries elsewhere can be refreshed then: a parent portal's "Tin từ các xã/phường"
# (``serving.invalidation`` bumps the parent's generation). Listeners must not fail.
entries_applied = Signal()


@dataclass(frozen=True)
class Event:
    """One change to apply: ``document`` is the whole entry for an upsert, None for a delete."""

    site_id: int
    page_id: int
    action: str
    document: dict | None = None
    id: int | None = None


def _newest_per_key(events: list[Event]) -> list[Event]:
    """One event per (site, page): the last one given, in the order of the keys' last events."""
    newest = {}
    for event in events:
        newest.pop((event.site_id, event.page_id), None)
        newest[(event.site_id, event.page_id)] = event
    return list(newest.values())


def _supersede(cursor, events: list[Event]) -> None:
    """Delete the undelivered events of the keys of ``events``, locking them in id order (two
    transactions superseding the same keys then wait for each other instead of deadlocking)."""
    cursor.execute(
        "DELETE FROM public.search_outbox WHERE id IN ("
        " SELECT o.id FROM public.search_outbox o"
        " JOIN unnest(%s::int[], %s::int[]) AS k(site_id, page_id)"
        " ON o.site_id = k.site_id AND o.page_id = k.page_id"
        " ORDER BY o.id FOR UPDATE OF o)",
        [[e.site_id for e in events], [e.page_id for e in events]],
    )


def record(events: list[Event]) -> list[int]:
    """Write events to the outbox in the current transaction, in place of the same pages'
    undelivered ones, then apply or schedule them."""
    if not events:
        return []
    events = _newest_per_key(events)
    ids = []
    with connection.cursor() as cursor:
        _supersede(cursor, events)
        for event in events:
            cursor.execute(
                "INSERT INTO public.search_outbox"
                " (site_id, page_id, action, document, created_at, attempts, last_error)"
                " VALUES (%s, %s, %s, %s::jsonb, now(), 0, '') RETURNING id",
                [
                    event.site_id,
                    event.page_id,
                    event.action,
                    None
                    if event.document is None
                    else json.dumps(event.document, cls=DjangoJSONEncoder),
                ],
            )
            ids.append(cursor.fetchone()[0])
        from search.consultations import mirror

        mirror(cursor, events)
    from search.backends import get_backend

    backend = get_backend()
    stored = [
        Event(e.site_id, e.page_id, e.action, e.document, id=i)
        for e, i in zip(events, ids, strict=True)
    ]
    if backend.applies_in_transaction:
        _deliver(backend, stored)
    else:
        transaction.on_commit(lambda: _deliver_after_commit(ids))
    return ids


def _deliver(backend, events: list[Event]) -> bool:
    """Apply ``events`` and remove them from the outbox, all or nothing (one savepoint)."""
    try:
        with transaction.atomic():
            backend.apply(events)
            _delete([event.id for event in events])
            entries_applied.send(sender=type(backend), events=events)
    except Exception as error:  # the backend is down or refused: keep the events for later
        logger.warning("Search index update deferred (%s); the outbox keeps it.", error)
        _note_failure([event.id for event in events], error)
        return False
    return True


def _deliver_after_commit(ids: list[int]) -> None:
    """Try at once; what is left goes to a ``deliver_outbox`` task, retried with backoff."""
    try:
        drain(only_ids=ids)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM public.search_outbox WHERE id = ANY(%s)", [ids])
            left = cursor.fetchone()[0]
    except Exception as error:
        logger.warning("Search outbox will be drained by the worker (%s).", error)
        left = len(ids)
    if left:
        from search.tasks import deliver_outbox

        deliver_outbox.enqueue()


def _delete(ids: list[int]) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM public.search_outbox WHERE id = ANY(%s)", [ids])


def _note_failure(ids: list[int], error: Exception) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE public.search_outbox SET attempts = attempts + 1, last_error = %s"
            " WHERE id = ANY(%s)",
            [str(error)[:2000], ids],
        )


def pending() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM public.search_outbox")
        return cursor.fetchone()[0]


def drain(*, batch_size: int = 500, backend=None, only_ids: list[int] | None = None) -> int:
    """Deliver waiting events in order, a batch at a time; return how many were delivered.

    Rows are locked with SKIP LOCKED, so several workers (or a worker and a post-commit
    attempt) never deliver the same event twice; an event whose key has an older event still
    waiting (or being delivered by another worker) is left for a later batch. A failing batch
    stays, with its error noted, and the drain stops there.
    """
    from search.backends import get_backend

    backend = backend or get_backend()
    delivered = 0
    while True:
        with transaction.atomic():
            with connection.cursor() as cursor:
                condition = "o.id = ANY(%s) AND" if only_ids is not None else ""
                cursor.execute(
                    "SELECT id, site_id, page_id, action, document FROM public.search_outbox o"  # noqa: S608
                    f" WHERE {condition} NOT EXISTS (SELECT 1 FROM public.search_outbox older"
                    "  WHERE older.site_id = o.site_id AND older.page_id = o.page_id"
                    "  AND older.id < o.id)"
                    " ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED",
                    [*([only_ids] if only_ids is not None else []), batch_size],
                )
                rows = cursor.fetchall()
            if not rows:
                return delivered
            events = [
                Event(site_id, page_id, action, _loads(document), id=event_id)
                for event_id, site_id, page_id, action, document in rows
            ]
            if not _deliver(backend, events):
                return delivered
            delivered += len(events)
        if only_ids is not None:
            return delivered


def _loads(document):
    if document is None or isinstance(document, dict):
        return document
    return json.loads(document)
