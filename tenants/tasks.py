"""Background tasks of the network: spare schemas, the chief's e-mail, nightly backups.

Run by ``manage.py db_worker`` (``tasks.worker``); periodic ones are in ``tasks.periodic``.
"""

import logging

from django.conf import settings
from django.db import connection
from django_tasks import task
from django_tenants.utils import get_public_schema_name, schema_context

from tasks.mail import already_sent
from tenants.models import Tenant

logger = logging.getLogger(__name__)

BACKUPS_KEPT = 7  # nightly archives of a site kept; older ones are deleted (retention)


@task()
def refill_spares() -> int:
    """Clone the template until the spare pool is full (``tenants.spares.fill``)."""
    from tenants import spares

    try:
        return spares.fill()
    finally:
        if not connection.in_atomic_block:  # (a worker inside a test's transaction)
            connection.close()  # a session that cloned gets slower with every clone


@task()
def send_chief_email(tenant_id: int, recipient: str, reason: str, sent_by: str, key: str) -> bool:
    """E-mail a site's chief their one-time link, made here: the link is never stored, not
    even in the queue. ``key`` makes a task that runs twice send once."""
    from tenants import mail

    if already_sent(key):
        return False
    tenant = Tenant.objects.get(pk=tenant_id)
    return mail.send_with_fresh_link(tenant, recipient, reason=reason, sent_by=sent_by, key=key)


@task()
def backup_site(slug: str) -> str:
    from tenants import backup

    tenant = Tenant.objects.get(slug=slug)
    path = backup.backup_site(tenant)
    backup.prune_archives(slug, getattr(settings, "PORTAL_BACKUPS_KEPT", BACKUPS_KEPT))
    return path.name


@task()
def backup_every_site() -> int:
    """Nightly: one backup task per site, so each is retried (and fails) on its own."""
    with schema_context(get_public_schema_name()):
        slugs = list(
            Tenant.objects.exclude(schema_name=get_public_schema_name())
            .exclude(status=Tenant.Status.ARCHIVED)
            .values_list("slug", flat=True)
        )
    for slug in slugs:
        backup_site.enqueue(slug)
    return len(slugs)


@task(takes_context=True)
def import_sites(
    context, content: str, parent_id: int, approval_steps: int, created_by: str, port
) -> list[dict]:
    """A CSV import of many sites, out of the web request; the console shows its progress.

    Run again (retried, or after its worker stopped), it skips the sites already created."""
    from tasks import progress
    from tenants import importing

    parent = Tenant.objects.get(pk=parent_id)
    rows = importing.run(
        importing.read_rows(content),
        parent,
        on_row=lambda done, total: progress.report(context, done, total),
        approval_steps=approval_steps,
        created_by=created_by,
        port=port,
    )
    progress.report(context, len(rows), len(rows))
    return [
        {
            "line": row.line,
            "label": str(row.label),
            "domain": row.domain,
            "status": row.status,
            "messages": [str(m) for m in row.messages],
        }
        for row in rows
    ]
