"""Fills ``source_translation_key`` of the rows written before it was kept, from each sending
site's own schema (read with SQL, one query per site, so no tenant is switched into).

A row is filled only where its source page is still there and still the same page: a row
whose source was withdrawn (unpublished or deleted) is filled only if the page now at its id
bears the title the row recorded, since a deleted page's id may since have gone to another
page. Rows left empty keep going by the id (``exchange.sources``). Reversing empties the
column again.
"""

from django.db import migrations

PAGES = "SELECT id, translation_key, title FROM {schema}.wagtailcore_page WHERE id = ANY(%s)"


def _schema_exists(cursor, schema: str) -> bool:
    cursor.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = %s"
        " AND table_name = 'wagtailcore_page'",
        [schema],
    )
    return cursor.fetchone() is not None


def _fill(model, site_field: str, withdrawn_field: str, connection):
    rows = model.objects.filter(source_translation_key__isnull=True).select_related(site_field)
    by_schema: dict[str, list] = {}
    for row in rows:
        by_schema.setdefault(getattr(row, site_field).schema_name, []).append(row)
    with connection.cursor() as cursor:
        for schema, site_rows in by_schema.items():
            if not _schema_exists(cursor, schema):
                continue
            quoted = connection.ops.quote_name(schema)
            cursor.execute(PAGES.format(schema=quoted), [[r.source_page_id for r in site_rows]])
            pages = {pk: (key, title) for pk, key, title in cursor.fetchall()}
            for row in site_rows:
                if row.source_page_id not in pages:
                    continue
                key, title = pages[row.source_page_id]
                if getattr(row, withdrawn_field) and title != row.title:
                    continue
                row.source_translation_key = key
                row.save(update_fields=["source_translation_key"])


def fill_keys(apps, schema_editor):
    connection = schema_editor.connection
    if getattr(connection, "schema_name", "public") != "public":
        return
    _fill(
        apps.get_model("exchange_network", "Submission"), "source", "source_withdrawn", connection
    )
    _fill(apps.get_model("exchange_network", "Dispatch"), "portal", "withdrawn", connection)


def empty_keys(apps, schema_editor):
    for name in ("Submission", "Dispatch"):
        apps.get_model("exchange_network", name).objects.update(source_translation_key=None)


class Migration(migrations.Migration):
    dependencies = [("exchange_network", "0002_source_translation_key")]

    operations = [migrations.RunPython(fill_keys, empty_keys)]
