"""Provisioning figures: time to create complete sites, with a spare schema ready and without,
at small and large network sizes; time to import 170 communes from CSV; a no-op ``migrate``
over every schema; what one empty site costs (``site_cost.py``).

Run:  .venv/bin/python bench/provision.py [--sites 50] [--scale 3321] [--keep]

Works on a scratch database (``bench_provision``) of the embedded server, or of the server in
DATABASE_URL, dropped at the end unless --keep. ``--scale N`` goes on creating sites until the
network has N, then times 2 × AT_SCALE more: the growth of the cost with the catalogue's size;
and prints what only shows at that size (``at_scale.py``): a one-migration ``migrate``, the
database and catalogue sizes, ``pg_dump`` of one site, and the memory of a process (and of its
PostgreSQL backend) that has served a page of every site.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

import at_scale
import site_cost
from scratch import ROOT, percentile, recreate_database, use_scratch_database

SCRATCH = "bench_provision"
AT_SCALE = 20  # sites timed each way at the scale asked for


def timed(function, *args, **kwargs) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - started


def summary(durations: list[float]) -> str:
    return (
        f"median {statistics.median(durations):.3f}  p95 {percentile(durations, 0.95):.3f}"
        f"  min {min(durations):.3f}  max {max(durations):.3f}"
    )


def say(line: str) -> None:
    """Each figure as soon as it is measured: a long run stopped midway keeps what it has."""
    print(line, flush=True)


def wait_for_fillers() -> None:
    """Fill the pool as the worker's queued refill would (``tenants.spares.replenish``
    queues a task; no worker runs beside this script)."""
    from tenants import spares

    spares.fill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=50, help="complete sites to time")
    parser.add_argument("--scale", type=int, default=0, help="grow the network to this size")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()

    use_scratch_database(SCRATCH)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from tenants import importing, spares
    from tenants.services import create_site

    pool_size = settings.SPARE_SCHEMAS
    recreate_database(SCRATCH)
    settings.SPARE_SCHEMAS = 0  # the first migrate is timed without filling the pool
    first_migrate = timed(call_command, "migrate", verbosity=0)

    parent = create_site(
        name="Tỉnh Gia Lai", slug="gialai", kind="province", domain="gialai.bench.localhost"
    ).tenant
    counter = iter(range(1, 10**6))

    def new_commune():
        number = next(counter)
        create_site(
            name=f"Xã Thử Nghiệm {number}",
            slug=f"xa{number:05d}",
            kind="commune",
            parent=parent,
            chief_email=f"truongban{number}@gialai.gov.vn",
        )

    def with_spare(count: int) -> tuple[list[float], list[float]]:
        """What an admin meets: sites are created minutes apart, so a spare is ready. The
        spare is made first (timed apart), with no refill running beside the creation."""
        making, creating = [], []
        for _ in range(count):
            making.append(timed(spares.fill, 1))
            creating.append(timed(new_commune))
        return making, creating

    def without_spare(count: int) -> list[float]:
        return [timed(new_commune) for _ in range(count)]

    say(f"first migrate (public + template):   {first_migrate:.1f} s")
    size_before = site_cost.database_size()
    making, ready = with_spare(args.sites)
    say(f"complete site, a spare ready ({args.sites}):  {summary(ready)} s")
    say(f"  the first 10 sites:                median {statistics.median(ready[:10]):.3f} s")
    say(f"making a spare (ahead of time):      {summary(making)} s")
    cold = without_spare(args.sites)
    say(f"complete site, no spare ({args.sites}):      {summary(cold)} s")
    say(f"  the first 10 sites:                median {statistics.median(cold[:10]):.3f} s")
    growth = (site_cost.database_size() - size_before) / (2 * args.sites)
    total = 2 * args.sites

    # A bulk import runs back to back with the pool of the settings, refilled in the
    # background: it outruns the refill, and clones inline when the pool is empty.
    settings.SPARE_SCHEMAS = pool_size
    spares.fill()
    csv_lines = ["ten_don_vi,cap,email_truong_ban"] + [
        f"Xã Nhập Khẩu {n},xã,tb{n}@gialai.gov.vn" for n in range(1, 171)
    ]
    started = time.perf_counter()
    rows = importing.run(importing.read_rows("\n".join(csv_lines)), parent)
    import_seconds = time.perf_counter() - started
    wait_for_fillers()
    imported = sum(row.status == "created" for row in rows)
    total += imported
    say(
        f"import of 170 communes from CSV:     {import_seconds:.1f} s ({imported} created;"
        f" pool of {pool_size}, refilled in the background)"
    )

    if args.scale > total:
        started = time.perf_counter()
        while total < args.scale - 2 * AT_SCALE:
            new_commune()
            total += 1
        wait_for_fillers()
        say(f"grew the network to {total} sites in {(time.perf_counter() - started) / 60:.1f} min")
        settings.SPARE_SCHEMAS = 0
        spares.drop_all()
        for label, figures, first in (
            ("a spare ready", with_spare(AT_SCALE)[1], ready),
            ("no spare", without_spare(AT_SCALE), cold),
        ):
            total += AT_SCALE
            ratio = statistics.median(figures) / statistics.median(first[:10])
            say(
                f"complete site at {total} sites, {label}: {summary(figures)} s"
                f"  ({ratio:.2f}× the first 10)"
            )

    settings.SPARE_SCHEMAS = 0  # the no-op migrate is timed without filling the pool
    noop_migrate = timed(call_command, "migrate", verbosity=0)
    # What an operator waits for on a deploy: a fresh process, Django start-up included.
    noop_process = timed(
        subprocess.run,
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v0"],
        check=True,
        env={**os.environ, "PORTAL_SPARE_SCHEMAS": "0"},
    )
    say(f"no-op migrate over {total + 2} schemas:    {noop_migrate:.1f} s in-process,")
    say(f"  {noop_process:.1f} s as `manage.py migrate` (process start-up included)")
    say(f"database growth per site:            {growth / 1e6:.1f} MB")
    site_cost.report("xa00001", say)
    if args.scale:
        at_scale.report(parent, say)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    say(f"peak memory of this process:         {peak_mb:.0f} MB")

    if not args.keep:
        recreate_database(SCRATCH, drop_only=True)


if __name__ == "__main__":
    main()
