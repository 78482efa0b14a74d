"""The network's drafts under consultation (C17, F7): mirrored from the outbox events of their
pages, read by the parent portal's list of its members' open consultations.

Like the outbox, every statement names ``public.``: the events are recorded while the
connection is in the site's schema.
"""

from dataclasses import dataclass
from datetime import date

from django.db import connection

from search.outbox import UPSERT

KIND = "consultation"


def mirror(cursor, events) -> None:
    """Upsert the consultations among ``events``; drop the rows of every other event's key
    (a draft unpublished, deleted, made private, or no longer a draft)."""
    keep, drop = [], []
    for event in events:
        doc = event.document or {}
        extra = doc.get("extra") or {}
        if event.action == UPSERT and doc.get("kind") == KIND and extra.get("closes_on"):
            keep.append(doc)
        else:
            drop.append(event)
    if drop:
        cursor.execute(
            "DELETE FROM public.search_consultation c"
            " USING unnest(%s::int[], %s::int[]) AS k(site_id, page_id)"
            " WHERE c.site_id = k.site_id AND c.page_id = k.page_id",
            [[e.site_id for e in drop], [e.page_id for e in drop]],
        )
    for doc in keep:
        extra = doc["extra"]
        cursor.execute(
            "INSERT INTO public.search_consultation"
            " (site_id, page_id, url, title, issuing_body, opens_on, closes_on)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s)"
            " ON CONFLICT (site_id, page_id) DO UPDATE SET url = EXCLUDED.url,"
            " title = EXCLUDED.title, issuing_body = EXCLUDED.issuing_body,"
            " opens_on = EXCLUDED.opens_on, closes_on = EXCLUDED.closes_on",
            [
                doc["site_id"],
                doc["page_id"],
                doc["url"],
                doc["title"],
                extra.get("issuing_body", ""),
                extra.get("opens_on") or extra["closes_on"],
                extra["closes_on"],
            ],
        )


@dataclass(frozen=True)
class OpenConsultation:
    site_name: str
    title: str
    url: str
    issuing_body: str
    opens_on: date
    closes_on: date


def open_consultations(parent_id: int, today: date) -> list[OpenConsultation]:
    """The drafts open today on the member sites of the parent portal ``parent_id`` (and on the
    portal itself), closing soonest first; suspended and archived sites left out."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.name, c.title, c.url, c.issuing_body, c.opens_on, c.closes_on"
            " FROM public.search_consultation c JOIN public.tenants_tenant t ON t.id = c.site_id"
            " WHERE (t.parent_id = %s OR t.id = %s) AND t.status = 'active'"
            " AND c.opens_on <= %s AND c.closes_on >= %s"
            " ORDER BY c.closes_on, t.name, c.title",
            [parent_id, parent_id, today, today],
        )
        return [OpenConsultation(*row) for row in cursor.fetchall()]
