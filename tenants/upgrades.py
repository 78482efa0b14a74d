"""Which schemas lack a migration of the code: one query for the whole network.

A site's schema is compared with the migrations of the apps that have tables in it (the
TENANT_APPS). A migration of an app that lives only in the public schema (``search``,
``tenants``…) changes nothing in a site: counting it would send every site through Django's
migration executor, about a second each at a thousand sites (its introspection reads the
whole catalogue), to record a migration that does nothing there. Django records it in a site
the next time the site has a migration of its own to apply.
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader


@cache
def _on_disk() -> frozenset[tuple[str, str]]:
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def public_migrations() -> frozenset[tuple[str, str]]:
    """Every migration of the code: the public schema has every app's table or record."""
    return _on_disk()


def site_migrations() -> frozenset[tuple[str, str]]:
    """The migrations a site's schema (and the clone template) must have applied."""
    labels = {
        config.label for config in apps.get_app_configs() if config.name in settings.TENANT_APPS
    }
    return frozenset(migration for migration in _on_disk() if migration[0] in labels)


def schemas_behind(schemas: list[str], expected: frozenset[tuple[str, str]]) -> list[str]:
    """The schemas, in order, that lack a migration of ``expected``."""
    in_code = sorted(f"{app}.{name}" for app, name in expected)
    with connection.cursor() as cursor:
        # pg_catalog, not information_schema: the latter checks privileges row by row over
        # every table of every schema (100,000 at a thousand sites) and takes seconds.
        cursor.execute(
            "SELECT n.nspname FROM pg_catalog.pg_class c"
            " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relname = 'django_migrations' AND c.relkind = 'r'"
            " AND n.nspname = ANY(%s)",
            [schemas],
        )
        recorded = {row[0] for row in cursor.fetchall()}
        complete = set()
        if recorded:
            union = " UNION ALL ".join(
                f"SELECT %s AS s, app || '.' || name AS n"  # noqa: S608 - quoted schema names
                f" FROM {connection.ops.quote_name(s)}.django_migrations"
                for s in sorted(recorded)
            )
            cursor.execute(
                f"SELECT s FROM ({union}) m WHERE n = ANY(%s) GROUP BY s"  # noqa: S608
                " HAVING count(DISTINCT n) = %s",
                [*sorted(recorded), in_code, len(in_code)],
            )
            complete = {row[0] for row in cursor.fetchall()}
    return [schema for schema in schemas if schema not in complete]
