"""A site's schema made by replaying the template's DDL equals the template, object by object."""

import re

import pytest
from django.conf import settings
from django.db import connection

from tenants.cloning import clone_template

TEMPLATE = settings.TENANT_BASE_SCHEMA
CLONE = "clone_under_test"


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return sorted(cursor.fetchall())


def _structure(schema):
    """Everything that defines a schema, with its own name blanked out so two compare."""

    def blank(rows):
        return sorted(
            tuple(str(value).replace(f"{schema}.", "SCHEMA.") for value in row) for row in rows
        )

    return {
        "columns": blank(
            _rows(
                "SELECT table_name, column_name, data_type, is_nullable, column_default,"
                " is_identity, identity_generation, character_maximum_length"
                " FROM information_schema.columns WHERE table_schema = %s",
                [schema],
            )
        ),
        "constraints": blank(
            _rows(
                "SELECT c.conrelid::regclass::text, c.conname, c.contype, c.condeferrable,"
                " c.condeferred, pg_get_constraintdef(c.oid)"
                " FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
                " WHERE n.nspname = %s",
                [schema],
            )
        ),
        "indexes": [
            (name, _without_casts(definition))
            for name, definition in blank(
                _rows("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = %s", [schema])
            )
        ],
        "sequences": _rows(
            "SELECT sequencename, data_type, increment_by, last_value"
            " FROM pg_sequences WHERE schemaname = %s",
            [schema],
        ),
    }


def _without_casts(definition):
    """PostgreSQL prints a reloaded partial-index predicate with its casts moved:
    ``ANY ((ARRAY['a'::varchar])::text[])`` comes back as ``ANY (ARRAY[('a'::varchar)::text])``.
    Same index; compare the definitions without casts and parentheses."""
    return re.sub(r"[()]", "", re.sub(r"::[a-z ]+(\[\])?", "", definition))


def _data(schema, tables):
    quoted = connection.ops.quote_name(schema)
    return {
        table: _rows(
            f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
            f" FROM {quoted}.{table} t",
            [],
        )
        for table in tables
    }


@pytest.fixture
def clone(db):
    clone_template(CLONE)
    return CLONE


def test_the_clone_has_the_templates_tables_columns_constraints_indexes_and_sequences(clone):
    template, copy = _structure(TEMPLATE), _structure(clone)
    assert len(template["columns"]) > 400  # the comparison is not vacuous
    assert len(template["constraints"]) > 300
    for part in template:
        assert copy[part] == template[part], part


def test_the_clone_holds_exactly_the_templates_rows(clone):
    tables = [
        row[0]
        for row in _rows(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", [TEMPLATE]
        )
    ]
    assert _data(clone, tables) == _data(TEMPLATE, tables)


def test_every_foreign_key_of_the_clone_points_into_the_clone(clone):
    targets = _rows(
        "SELECT DISTINCT tn.nspname FROM pg_constraint c"
        " JOIN pg_namespace n ON n.oid = c.connamespace"
        " JOIN pg_class t ON t.oid = c.confrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace"
        " WHERE c.contype = 'f' AND n.nspname = %s",
        [clone],
    )
    assert targets == [(clone,)]


def test_new_rows_in_the_clone_continue_the_templates_ids_without_touching_it(clone):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT max(id) FROM {TEMPLATE}.auth_permission")
        highest = cursor.fetchone()[0]
        cursor.execute(
            f"INSERT INTO {clone}.auth_permission (name, content_type_id, codename)"
            f" SELECT 'Thử', content_type_id, 'thu' FROM {clone}.auth_permission LIMIT 1"
            " RETURNING id"
        )
        assert cursor.fetchone()[0] == highest + 1
        cursor.execute(f"SELECT count(*) FROM {TEMPLATE}.auth_permission WHERE codename = 'thu'")
        assert cursor.fetchone()[0] == 0
