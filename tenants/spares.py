"""Spare schemas: clones of the template made ahead of time, so a new site costs a rename.

Replaying the template's DDL (``tenants.cloning``) is most of a site's creation: some 650
statements, 0.3–0.5 s on this machine, and PostgreSQL cannot make catalogue entries much
faster. That work does not depend on the site, so it is done before anyone waits for it:
``fill`` keeps ``settings.SPARE_SCHEMAS`` clones named ``_spare_…``, and ``create_site`` takes
one (``take``) with ``ALTER SCHEMA … RENAME``, which only rewrites one catalogue row: the
tables, sequences, defaults and foreign keys inside refer to each other by OID, not by name.

* ``migrate`` fills the pool after migrating the template, dropping the spares of the older
  template first; a spare whose fingerprint is not the template's is never taken.
* Each creation queues a refill of the pool (``replenish``, the ``refill_spares`` task, which
  the worker also runs every ten minutes); a bulk import that
  outruns it clones inline, as a creation with an empty pool does, so the two clone at once.
* A spare is taken inside the creation's transaction (``FOR UPDATE SKIP LOCKED``): two
  creations never get the same one, and a failed creation gives it back.
* One filler at a time (an advisory lock), each clone in its own short transaction; its
  connection is closed at the end, as a session that clones gets slower with every clone.
"""

import uuid

from django.conf import settings
from django.db import connection, transaction
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.cloning import clone_template, template_fingerprint
from tenants.models import SpareSchema

PREFIX = "_spare_"
FILLER_LOCK = 0x5FA2E  # pg advisory lock key: one filler at a time across processes


def take(schema_name: str) -> bool:
    """Rename a current spare to ``schema_name``; False if none is ready.

    Must run inside the caller's transaction, in the public schema.
    """
    spare = (
        SpareSchema.objects.select_for_update(skip_locked=True)
        .filter(fingerprint=template_fingerprint())
        .first()
    )
    if spare is None:
        return False
    spare.delete()
    with connection.cursor() as cursor:
        quote = connection.ops.quote_name
        cursor.execute(f"ALTER SCHEMA {quote(spare.schema_name)} RENAME TO {quote(schema_name)}")
    return True


def fill(target: int | None = None) -> int:
    """Drop stale spares, then clone until ``target`` current ones wait; the number made.

    Returns 0 at once if another filler is at work.
    """
    target = settings.SPARE_SCHEMAS if target is None else target
    with schema_context(get_public_schema_name()), connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [FILLER_LOCK])
        if not cursor.fetchone()[0]:
            return 0
        try:
            fingerprint = template_fingerprint()
            for stale in SpareSchema.objects.exclude(fingerprint=fingerprint):
                _drop(stale)
            made = 0
            while SpareSchema.objects.filter(fingerprint=fingerprint).count() < target:
                name = f"{PREFIX}{uuid.uuid4().hex[:16]}"
                with transaction.atomic():
                    clone_template(name)
                    SpareSchema.objects.create(schema_name=name, fingerprint=fingerprint)
                made += 1
            return made
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [FILLER_LOCK])


def replenish():
    """Queue a refill of the pool for the worker; the caller does not wait. None if there is
    no pool to keep."""
    if settings.SPARE_SCHEMAS <= 0:
        return None
    from tenants.tasks import refill_spares

    return refill_spares.enqueue()


def drop_all() -> None:
    """Drop every spare that no creation is taking (a bench measuring without a pool)."""
    for spare in SpareSchema.objects.all():
        _drop(spare)


def _drop(spare: SpareSchema) -> None:
    with transaction.atomic():
        locked = SpareSchema.objects.select_for_update(skip_locked=True).filter(pk=spare.pk)
        if locked.exists():  # not being taken by a creation right now
            with connection.cursor() as cursor:
                cursor.execute(
                    f"DROP SCHEMA IF EXISTS {connection.ops.quote_name(spare.schema_name)} CASCADE"
                )
            spare.delete()
