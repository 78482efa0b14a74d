"""Background tasks of the search: outbox delivery and reindexing.

Delivery is queued after each commit whose immediate delivery failed (``search.outbox``) and
runs every minute from ``tasks.periodic``; it replaces ``drain_search_outbox --loop``.
"""

import io

from django.core.management import call_command
from django_tasks import task


class OutboxNotEmpty(Exception):
    """Events are still waiting (the backend is down): fail, so the worker retries later."""


@task()
def deliver_outbox(batch_size: int = 500) -> int:
    from search.outbox import drain, pending

    delivered = drain(batch_size=batch_size)
    left = pending()
    if left and not delivered:
        raise OutboxNotEmpty(f"{left} event(s) could not be delivered to the search index.")
    return delivered


@task()
def rebuild_index(slugs: list[str] | None = None) -> str:
    """Rebuild the index of some sites (all if none): ``rebuild_search_index``, resumable, so a
    retried or interrupted run goes on where it stopped."""
    out = io.StringIO()
    call_command("rebuild_search_index", site=list(slugs or []), stdout=out)
    return out.getvalue()[-2000:]


@task()
def reindex_subtree(page_id: int) -> bool:
    """A moved, renamed or newly restricted page and everything under it, as they are now (in
    the page's site: the task carries its schema)."""
    from wagtail.models import Page

    from search.indexing import index_subtree

    page = Page.objects.filter(pk=page_id).first()
    if page is None:  # deleted meanwhile: its removal was indexed then
        return False
    index_subtree(page)
    return True
