"""A release's ``migrate`` over a network, with django-tenants' standard executor and with
its multiprocessing one (``--executor=multiprocessing``, TENANT_MULTIPROCESSING_MAX_PROCESSES
processes): one small migration (an added column, ``at_scale.py``'s probe) behind in every
site.

Run:  nice -n 19 .venv/bin/python bench/migrate_parallel.py [--sites 200] [--keep]
      [--executors multiprocessing,standard]

Works on a scratch database (``bench_migrate``), dropped at the end unless --keep. Between
runs the probe is undone with SQL in every schema (dropping the column and its record), which
is what migrating back would do, without timing it.
"""

import argparse
import os
import subprocess
import sys
import time

import at_scale
from scratch import ROOT, recreate_database, use_scratch_database

SCRATCH = "bench_migrate"


def undo_probe() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname FROM pg_catalog.pg_class c"
            " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relname = 'reports_visitsettings' AND c.relkind = 'r'"
        )
        for (schema,) in cursor.fetchall():
            quoted = connection.ops.quote_name(schema)
            cursor.execute(
                f"ALTER TABLE {quoted}.reports_visitsettings DROP COLUMN IF EXISTS bench_probe"
            )
        cursor.execute(
            "SELECT n.nspname FROM pg_catalog.pg_class c"
            " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relname = 'django_migrations' AND c.relkind = 'r'"
        )
        for (schema,) in cursor.fetchall():
            cursor.execute(
                f"DELETE FROM {connection.ops.quote_name(schema)}.django_migrations"  # noqa: S608
                " WHERE app = %s AND name = %s",
                [at_scale.PROBE_APP, at_scale.PROBE.stem],
            )
    connection.close()


def timed_migrate(*extra: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v0", *extra],
        check=True,
        env={**os.environ, "PORTAL_SPARE_SCHEMAS": "0"},
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=200, help="communes in the network")
    parser.add_argument(
        "--executors", default="standard,multiprocessing", help="timed in this order"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()

    use_scratch_database(SCRATCH)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    from tenants.services import create_site

    recreate_database(SCRATCH)
    settings.SPARE_SCHEMAS = 0
    call_command("migrate", verbosity=0)
    parent = create_site(
        name="Tỉnh Gia Lai", slug="gialai", kind="province", domain="gialai.bench.localhost"
    ).tenant
    for number in range(1, args.sites):
        create_site(
            name=f"Xã Thử Nghiệm {number}", slug=f"xa{number:05d}", kind="commune", parent=parent
        )
    print(f"{args.sites} sites", flush=True)
    (leaf,) = MigrationLoader(connection).graph.leaf_nodes(at_scale.PROBE_APP)
    connection.close()
    at_scale.PROBE.write_text(at_scale._probe_migration(leaf[1]))
    try:
        for name in args.executors.split(","):
            seconds = timed_migrate(f"--executor={name}")
            print(
                f"migrate, one migration behind in {args.sites} sites, {name}: {seconds:.1f} s",
                flush=True,
            )
            undo_probe()
    finally:
        at_scale.PROBE.unlink()
        if not args.keep:
            recreate_database(SCRATCH, drop_only=True)


if __name__ == "__main__":
    main()
