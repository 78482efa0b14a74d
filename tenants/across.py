"""One statement across many sites' schemas: a network page that lists hundreds of members
asks for one figure of each, and hundreds of queries (one per schema) would be its cost."""

from django.db import connection


def one_row_per_schema(schemas: list[str], columns: str, table: str) -> list[tuple]:
    """``(schema, *columns)`` of ``table`` in each schema, as one ``UNION ALL`` statement.

    ``columns`` must be aggregates (one row per schema); schema names are quoted, never
    interpolated raw, and the caller's ``columns`` and ``table`` are code, not input.
    """
    if not schemas:
        return []
    union = " UNION ALL ".join(
        f"SELECT %s, {columns} FROM {connection.ops.quote_name(schema)}.{table}"  # noqa: S608
        for schema in schemas
    )
    with connection.cursor() as cursor:
        cursor.execute(union, schemas)
        return cursor.fetchall()
