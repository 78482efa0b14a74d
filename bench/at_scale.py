"""Figures that only show on a large network (``provision.py --scale N`` prints them).

- a ``migrate`` that applies one small migration (an added column) to every site schema: what
  a release that changes a model costs the operator, at that size;
- the database and the system catalogues: every site adds hundreds of rows to ``pg_class``,
  ``pg_attribute``… which all sites share;
- ``pg_dump`` of one site (``tenants.backup``): does it slow down as the catalogue grows;
- the memory of one process (a web worker's stand-in) and of its PostgreSQL backend after it
  has served the home page of every site: PostgreSQL caches the catalogue entries of every
  table a backend has touched, and Django's caches grow with every site seen.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import site_cost
from scratch import ROOT

PROBE_APP = "reports"  # a tenant app: its migrations run in every site schema
PROBE = ROOT / "platform" / PROBE_APP / "migrations" / "9999_bench_probe.py"


def _probe_migration(leaf: str) -> str:
    return f'''from django.db import migrations


class Migration(migrations.Migration):
    """Written and removed by bench/at_scale.py: one column added to every site."""

    dependencies = [("{PROBE_APP}", "{leaf}")]
    operations = [
        migrations.RunSQL(
            "ALTER TABLE reports_visitsettings ADD COLUMN bench_probe integer",
            "ALTER TABLE reports_visitsettings DROP COLUMN bench_probe",
        )
    ]
'''


def one_migration_seconds() -> float:
    """As an operator runs it after a release: ``manage.py migrate`` in a new process."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    (leaf,) = MigrationLoader(connection).graph.leaf_nodes(PROBE_APP)
    PROBE.write_text(_probe_migration(leaf[1]))
    try:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v0"],
            check=True,
            env={**os.environ, "PORTAL_SPARE_SCHEMAS": "0"},
        )
        return time.perf_counter() - started
    finally:
        PROBE.unlink()


def unique_memory(pid: int) -> int:
    """Memory only this process holds (USS): shared buffers and libraries left out."""
    return psutil.Process(pid).memory_full_info().uss


def visit_every_site() -> tuple[int, int, int, float, int, int]:
    """Serve each site's home page once in this process; memory before and after."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from tenants.models import Domain

    settings.DEBUG = False  # no query log growing with every request
    primary = Domain.objects.filter(is_primary=True).order_by("tenant_id")
    hosts = list(primary.values_list("domain", flat=True))
    client = Client()
    client.get("/", HTTP_HOST=hosts[0])  # templates and code loaded before the first reading
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    me = psutil.Process().pid
    before = unique_memory(me), unique_memory(backend)
    failures = 0
    started = time.perf_counter()
    for host in hosts:
        failures += client.get("/", HTTP_HOST=host).status_code != 200
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend_after = cursor.fetchone()[0]  # the same connection, unless it was reopened
    return (
        len(hosts),
        failures,
        before[0],
        seconds,
        unique_memory(me) - before[0],
        unique_memory(backend_after) - (before[1] if backend_after == backend else 0),
    )


def report(parent, say) -> None:
    from django.db import connection

    from tenants import backup
    from tenants.models import Tenant

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_namespace")
        schemas = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM pg_class")
        relations = cursor.fetchone()[0]
    say(f"database: {site_cost.database_size() / 1e9:.2f} GB, {schemas} schemas")
    say(f"system catalogues: {site_cost.catalogue_size() / 1e6:.0f} MB, {relations} relations")
    say(f"migrate with one new migration (a column in every site): {one_migration_seconds():.0f} s")

    site = Tenant.objects.exclude(pk=parent.pk).order_by("-pk").first()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        backup._dump_schema(site.schema_name, Path(folder) / "schema.dump")
        dumped = time.perf_counter() - started
        size = (Path(folder) / "schema.dump").stat().st_size
        started = time.perf_counter()
        archive = backup.backup_site(site, directory=Path(folder))
        archived = time.perf_counter() - started
        say(
            f"pg_dump of one site: {dumped:.1f} s ({size / 1e3:.0f} kB);"
            f" its whole backup archive {archived:.1f} s ({archive.stat().st_size / 1e3:.0f} kB)"
        )

    sites, failures, start, seconds, grown, backend_grown = visit_every_site()
    say(
        f"one process served the home page of {sites} sites in {seconds:.0f} s"
        f" ({failures} not 200): its own memory {start / 1e6:.0f} → {(start + grown) / 1e6:.0f} MB"
        f" (+{grown / 1e6:.0f} MB), its PostgreSQL backend +{backend_grown / 1e6:.0f} MB"
    )
