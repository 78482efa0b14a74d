"""What every bench shares: the import path, a scratch database (the demo network in it),
percentiles.

A bench works on its own database of the embedded server (or of the server in DATABASE_URL),
so it never touches the development data; it is dropped at the end unless kept.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]


def use_scratch_database(name: str) -> None:
    """Point Django at database ``name``; call before ``django.setup()``."""
    url = os.environ.get("DATABASE_URL")
    if url:
        os.environ["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name
    else:
        os.environ["DATABASE_NAME"] = name
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def recreate_database(name: str, drop_only: bool = False) -> None:
    from django.db import connection

    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def build_demo_network(name: str) -> float:
    """The scratch database ``name`` made afresh with the demo network (``migrate``, then
    ``seed_demo``), after ``django.setup()``; the seconds it took."""
    import io
    import time

    from django.core.management import call_command

    recreate_database(name)
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", port=80, stdout=io.StringIO())
    return time.monotonic() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]
