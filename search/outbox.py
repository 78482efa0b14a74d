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
  one: only the newest state waits. Rows a worker holds (it is delivering them, perhaps
  through Elasticsearch's retries) are skipped, not waited for (``SKIP LOCKED``): a publish
  never waits on the index. The new event then stays behind the held one (next rule) and is
  delivered after it, by the post-commit attempt or the worker; with PostgreSQL it is not
  applied in the publishing transaction either, for the same reason.
* ``drain`` picks an event only when no older (unparked) event of the same key is still in
  the outbox, so even two events of one key are delivered oldest first.

A poison event (issue 22, finding 1): an event the backend refuses every time, while it takes
others, must not hold up the network's indexing. When a batch fails for another reason than an
outage, ``drain`` delivers its events one at a time; an event refused alone counts an attempt,
and after ``SEARCH_OUTBOX_MAX_ATTEMPTS`` it is *parked* (``parked_at``, with its last error):
skipped by every drain, shown on the network console (``search.console``) where a network
administrator sends it back to the queue. An outage (connection refused, timeout) counts no
attempt: otherwise a long outage would park everything. A newer event of a parked page
replaces it (``record``) or, once delivered, removes it.

A crash between "applied to the index" and "deleted from the outbox" leaves the row: it is
delivered again (idempotent: it is the newest state) unless a newer event has replaced it.
"""

import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import InterfaceError, OperationalError, connection, transaction
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


def _supersede(cursor, events: list[Event]) -> set[tuple[int, int]]:
    """Delete the undelivered events of the keys of ``events``; return the keys of which a row
    is still there because another transaction holds it (a worker delivering it).

    ``SKIP LOCKED``: the publish goes on at once; the held row is delivered by its worker
    first, and the new event after it (``drain``'s order rule)."""
    keys = [[e.site_id for e in events], [e.page_id for e in events]]
    cursor.execute(
        "DELETE FROM public.search_outbox WHERE id IN ("
        " SELECT o.id FROM public.search_outbox o"
        " JOIN unnest(%s::int[], %s::int[]) AS k(site_id, page_id)"
        " ON o.site_id = k.site_id AND o.page_id = k.page_id"
        " ORDER BY o.id FOR UPDATE OF o SKIP LOCKED)",
        keys,
    )
    cursor.execute(
        "SELECT DISTINCT o.site_id, o.page_id FROM public.search_outbox o"
        " JOIN unnest(%s::int[], %s::int[]) AS k(site_id, page_id)"
        " ON o.site_id = k.site_id AND o.page_id = k.page_id",
        keys,
    )
    return set(cursor.fetchall())


def record(events: list[Event]) -> list[int]:
    """Write events to the outbox in the current transaction, in place of the same pages'
    undelivered ones, then apply or schedule them."""
    if not events:
        return []
    events = _newest_per_key(events)
    ids = []
    with connection.cursor() as cursor:
        held = _supersede(cursor, events)
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
    now = [e for e in stored if (e.site_id, e.page_id) not in held]
    later = [e.id for e in stored if (e.site_id, e.page_id) in held]
    if backend.applies_in_transaction:
        if now:
            _deliver(backend, now)
    else:
        later = ids
    if later:
        transaction.on_commit(lambda: _deliver_after_commit(later))
    return ids


def max_attempts() -> int:
    return getattr(settings, "SEARCH_OUTBOX_MAX_ATTEMPTS", 8)


def _is_outage(error: Exception) -> bool:
    """The index did not answer (rather than refusing these events): no event is to blame."""
    if isinstance(error, ConnectionError | TimeoutError | OperationalError | InterfaceError):
        return True
    from search.backends import SearchUnavailable

    if isinstance(error, SearchUnavailable):
        return True
    try:
        from elastic_transport import ConnectionError as TransportConnectionError
        from elastic_transport import ConnectionTimeout
    except ImportError:  # pragma: no cover - Elasticsearch client not installed
        return False
    return isinstance(error, TransportConnectionError | ConnectionTimeout)


def _apply(backend, events: list[Event]) -> None:
    """Apply ``events`` and remove them (and the parked events they replace) from the outbox,
    all or nothing (one savepoint)."""
    with transaction.atomic():
        backend.apply(events)
        _delete([event.id for event in events])
        _delete_replaced_parked(events)
        entries_applied.send(sender=type(backend), events=events)


def _deliver(backend, events: list[Event]) -> bool:
    """``_apply``, keeping the events for later if it fails (no attempt counted: several
    events failed together, the drain finds out which one is to blame)."""
    try:
        _apply(backend, events)
    except Exception as error:  # the backend is down or refused: keep the events for later
        logger.warning("Search index update deferred (%s); the outbox keeps it.", error)
        _note_failure([event.id for event in events], error, counted=False)
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


def _delete_replaced_parked(events: list[Event]) -> None:
    """A parked event of a page whose newer state has just been delivered is pointless."""
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM public.search_outbox o"
            " USING unnest(%s::int[], %s::int[], %s::int[]) AS k(site_id, page_id, id)"
            " WHERE o.parked_at IS NOT NULL AND o.site_id = k.site_id"
            " AND o.page_id = k.page_id AND o.id < k.id",
            [
                [e.site_id for e in events],
                [e.page_id for e in events],
                [e.id for e in events],
            ],
        )


def _describe(error: Exception) -> str:
    """The error as the console shows it: Elasticsearch's bulk error says only "1 document(s)
    failed to index", the reason is in its items."""
    text = str(error) or type(error).__name__
    items = getattr(error, "errors", None)
    if isinstance(items, list) and items:
        text += " " + json.dumps(items[:3], ensure_ascii=False, cls=DjangoJSONEncoder)
    return text[:2000]


def _note_failure(ids: list[int], error: Exception, *, counted: bool) -> None:
    """Keep the error; a counted failure (the event refused alone) brings it nearer parking."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE public.search_outbox SET last_error = %s,"
            " attempts = attempts + %s,"
            " parked_at = CASE WHEN attempts + %s >= %s THEN now() ELSE parked_at END"
            " WHERE id = ANY(%s)",
            [
                _describe(error),
                int(counted),
                int(counted),
                max_attempts(),
                ids,
            ],
        )


def pending() -> int:
    """Events waiting for delivery (parked ones are not: they wait for a person)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM public.search_outbox WHERE parked_at IS NULL")
        return cursor.fetchone()[0]


def parked(site_ids: list[int] | None = None) -> list[dict]:
    """The parked events (of ``site_ids``, or all), newest first, for the console."""
    condition = "" if site_ids is None else " AND site_id = ANY(%s)"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, site_id, page_id, action, document->>'title', document->>'url',"  # noqa: S608
            " attempts, last_error, created_at, parked_at FROM public.search_outbox"
            f" WHERE parked_at IS NOT NULL{condition} ORDER BY parked_at DESC, id DESC",
            [] if site_ids is None else [site_ids],
        )
        names = [column.name for column in cursor.description]
        names[4:6] = ["title", "url"]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def unpark(ids: list[int], site_ids: list[int] | None = None) -> int:
    """Send parked events back to the queue with a fresh count of attempts (after the cause
    was fixed); the caller enqueues a delivery. Returns how many went back."""
    condition = "" if site_ids is None else " AND site_id = ANY(%s)"
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE public.search_outbox SET parked_at = NULL, attempts = 0"  # noqa: S608
            f" WHERE parked_at IS NOT NULL AND id = ANY(%s){condition}",
            [ids, *([] if site_ids is None else [site_ids])],
        )
        return cursor.rowcount


def drain(*, batch_size: int = 500, backend=None, only_ids: list[int] | None = None) -> int:
    """Deliver waiting events in order, a batch at a time; return how many were delivered.

    Rows are locked with SKIP LOCKED, so several workers (or a worker and a post-commit
    attempt) never deliver the same event twice; an event whose key has an older event still
    waiting (or being delivered by another worker) is left for a later batch. A batch that
    fails in an outage stays, with its error noted, and the drain stops there; one refused for
    another reason is delivered an event at a time, and what is refused alone is counted,
    parked after ``SEARCH_OUTBOX_MAX_ATTEMPTS``, and left out of the rest of this drain.
    """
    from search.backends import get_backend

    backend = backend or get_backend()
    delivered = 0
    refused: list[int] = []  # refused alone in this drain: not picked again by it
    while True:
        with transaction.atomic():
            rows = _pick(batch_size, only_ids, refused)
            if not rows:
                return delivered
            events = [
                Event(site_id, page_id, action, _loads(document), id=event_id)
                for event_id, site_id, page_id, action, document in rows
            ]
            done, outage = _deliver_isolating(backend, events, refused)
            delivered += done
            if outage:
                return delivered


def _pick(batch_size: int, only_ids: list[int] | None, refused: list[int]) -> list[tuple]:
    condition = "o.id = ANY(%s) AND" if only_ids is not None else ""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, site_id, page_id, action, document FROM public.search_outbox o"  # noqa: S608
            f" WHERE {condition} o.parked_at IS NULL AND o.id <> ALL(%s)"
            " AND NOT EXISTS (SELECT 1 FROM public.search_outbox older"
            "  WHERE older.site_id = o.site_id AND older.page_id = o.page_id"
            "  AND older.id < o.id AND older.parked_at IS NULL)"
            " ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED",
            [*([only_ids] if only_ids is not None else []), refused, batch_size],
        )
        return cursor.fetchall()


def _deliver_isolating(backend, events: list[Event], refused: list[int]) -> tuple[int, bool]:
    """Deliver ``events``; if the batch is refused, one at a time. Returns (delivered, outage)."""
    try:
        _apply(backend, events)
        return len(events), False
    except Exception as error:  # the batch was refused: find out by whom
        if _is_outage(error) or len(events) == 1:
            counted = not _is_outage(error)
            logger.warning("Search index update deferred (%s); the outbox keeps it.", error)
            _note_failure([event.id for event in events], error, counted=counted)
            refused.extend(event.id for event in events if counted)
            return 0, not counted
    delivered = 0
    for event in events:
        done, outage = _deliver_isolating(backend, [event], refused)
        delivered += done
        if outage:
            return delivered, True
    return delivered, False


def _loads(document):
    if document is None or isinstance(document, dict):
        return document
    return json.loads(document)
