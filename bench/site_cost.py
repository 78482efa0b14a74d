"""What one empty site costs the database, relation by relation (issue 21, part 4).

Run:  .venv/bin/python bench/site_cost.py [--keep]

Makes a scratch network (a province and two communes, ``bench_site_cost``), then prints for
the second commune's schema: its relations by kind (tables, indexes, sequences, TOAST) with
their bytes, the catalogue rows the schema adds, which tables hold rows on day one, and the
growth of the whole database per site. ``provision.py`` prints the same summary at scale.

Why each kind costs what it costs: PostgreSQL gives every index at least one 8 kB page (its
metapage) even on an empty table, and every sequence one page; a table costs nothing until its
first row, then 8 kB. So an empty site's size is mostly the count of its indexes and
sequences, whatever they hold.
"""

import argparse
import sys

from scratch import recreate_database, use_scratch_database

SCRATCH = "bench_site_cost"
KINDS = {"r": "tables", "i": "indexes", "S": "sequences", "t": "TOAST tables"}


def relations(schema: str) -> dict[str, tuple[int, int]]:
    """Count and bytes of the schema's relations by kind, its TOAST tables included."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")
        cursor.execute(
            """
            WITH own AS (SELECT oid, relkind, reltoastrelid FROM pg_class
                         WHERE relnamespace = %s::regnamespace),
                 toast AS (SELECT reltoastrelid AS oid FROM own WHERE reltoastrelid <> 0)
            SELECT relkind, count(*), coalesce(sum(pg_relation_size(oid)), 0) FROM own
             GROUP BY relkind
            UNION ALL
            SELECT 't', count(*), coalesce(sum(pg_total_relation_size(oid)), 0) FROM toast
            """,
            [schema],
        )
        return {kind: (count, int(size)) for kind, count, size in cursor.fetchall()}


def catalogue_rows(schema: str) -> dict[str, int]:
    """Rows the schema adds to the system catalogues, which every site shares."""
    from django.db import connection

    queries = {
        "pg_class": "SELECT count(*) FROM pg_class WHERE relnamespace = %s::regnamespace",
        "pg_attribute": """SELECT count(*) FROM pg_attribute a JOIN pg_class c
                            ON c.oid = a.attrelid WHERE c.relnamespace = %s::regnamespace""",
        "pg_constraint": """SELECT count(*) FROM pg_constraint
                             WHERE connamespace = %s::regnamespace""",
        "pg_index": """SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                        WHERE c.relnamespace = %s::regnamespace""",
    }
    with connection.cursor() as cursor:
        counts = {}
        for name, sql in queries.items():
            cursor.execute(sql, [schema])
            counts[name] = cursor.fetchone()[0]
        return counts


def tables_with_rows(schema: str) -> tuple[int, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT count(*) FILTER (WHERE pg_relation_size(oid) > 0), count(*) FROM pg_class
                WHERE relnamespace = %s::regnamespace AND relkind = 'r'""",
            [schema],
        )
        return cursor.fetchone()


def catalogue_size() -> int:
    """Bytes of the system catalogues (tables, their indexes and TOAST)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT coalesce(sum(pg_total_relation_size(oid)), 0) FROM pg_class
                WHERE relnamespace = 'pg_catalog'::regnamespace AND relkind = 'r'"""
        )
        return int(cursor.fetchone()[0])


def database_size() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def report(schema: str, say=print) -> None:
    """Print what ``schema`` costs, kind by kind."""
    kinds = relations(schema)
    total = sum(size for _, size in kinds.values())
    say(f"one empty site ({schema}): {total / 1e6:.2f} MB in its own relations")
    for kind, label in KINDS.items():
        count, size = kinds.get(kind, (0, 0))
        say(f"  {label:<13} {count:>4}  {size / 1e6:6.2f} MB")
    filled, tables = tables_with_rows(schema)
    say(f"  tables holding rows on day one: {filled} of {tables}")
    rows = catalogue_rows(schema)
    say("  catalogue rows: " + ", ".join(f"{name} {count}" for name, count in rows.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()

    use_scratch_database(SCRATCH)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from tenants.services import create_site

    settings.SPARE_SCHEMAS = 0  # every site cloned there and then: no spare in the sizes
    recreate_database(SCRATCH)
    call_command("migrate", verbosity=0)
    parent = create_site(
        name="Tỉnh Gia Lai", slug="gialai", kind="province", domain="gialai.bench.localhost"
    ).tenant
    communes = []
    before = database_size()
    for number in (1, 2):
        communes.append(
            create_site(
                name=f"Xã Thử Nghiệm {number}",
                slug=f"xa{number:05d}",
                kind="commune",
                parent=parent,
                chief_email=f"truongban{number}@gialai.gov.vn",
            ).tenant
        )
    growth = (database_size() - before) / len(communes)
    report(communes[-1].schema_name)
    print(f"database growth per site (catalogue included): {growth / 1e6:.2f} MB")
    print(f"system catalogues: {catalogue_size() / 1e6:.1f} MB")
    if not args.keep:
        recreate_database(SCRATCH, drop_only=True)


if __name__ == "__main__":
    sys.exit(main())
