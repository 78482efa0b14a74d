"""Time to create sites by cloning, and to run a no-op migrate across all of them.

Run:  .venv/bin/python bench/provision.py [--sites 50] [--keep]

Works on a scratch database (``bench_provision``) of the embedded server, or of the server in
DATABASE_URL, dropped at the end unless --keep. Prints the seconds per site (median, p95, min,
max), the no-op ``migrate`` across every schema, the database growth per site and peak memory.
"""

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
SCRATCH = "bench_provision"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def use_scratch_database() -> None:
    url = os.environ.get("DATABASE_URL")
    if url:
        os.environ["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + SCRATCH
    else:
        os.environ["DATABASE_NAME"] = SCRATCH
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def recreate_database(drop_only: bool = False) -> None:
    from django.db import connection

    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{SCRATCH}" WITH (FORCE)')
        if not drop_only:
            cursor.execute(f'CREATE DATABASE "{SCRATCH}"')


def database_size() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()

    use_scratch_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tenants.services import create_site

    connection.close()
    recreate_database()
    connection.close()

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    first_migrate = time.perf_counter() - started

    parent = create_site(
        name="Tỉnh Gia Lai", slug="gialai", kind="province", domain="gialai.bench.localhost"
    ).tenant
    size_before = database_size()
    durations = []
    for number in range(1, args.sites + 1):
        started = time.perf_counter()
        create_site(
            name=f"Xã Thử Nghiệm {number}",
            slug=f"xa{number:04d}",
            kind="commune",
            domain=f"xa{number:04d}.gialai.bench.localhost",
            parent=parent,
        )
        durations.append(time.perf_counter() - started)
    growth = (database_size() - size_before) / args.sites

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    noop_migrate = time.perf_counter() - started

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"sites created:               {args.sites} (+1 parent portal)")
    print(f"first migrate (public+template): {first_migrate:.1f} s")
    print(
        "seconds per site:            "
        f"median {statistics.median(durations):.2f}  p95 {percentile(durations, 0.95):.2f}"
        f"  min {min(durations):.2f}  max {max(durations):.2f}"
    )
    first, last = durations[: len(durations) // 5 or 1], durations[-(len(durations) // 5 or 1) :]
    print(
        f"  first fifth mean {statistics.mean(first):.2f} s, last fifth mean"
        f" {statistics.mean(last):.2f} s"
    )
    print(
        f"no-op migrate, all schemas:  {noop_migrate:.1f} s"
        f" ({args.sites + 2} schemas: {noop_migrate / (args.sites + 2):.2f} s each)"
    )
    print(f"database growth per site:    {growth / 1e6:.1f} MB")
    print(f"peak memory of this process: {peak_mb:.0f} MB")

    if not args.keep:
        connection.close()
        recreate_database(drop_only=True)


if __name__ == "__main__":
    main()
