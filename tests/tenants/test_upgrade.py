"""``migrate`` over the whole network: skips schemas that are up to date, migrates the ones
behind, carries on past a failing site and reports it. It migrates each schema in its own
atomic block, so inside a test's transaction everything it does is rolled back with it."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tenants.services import create_site


def _sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else None


# A leaf migration that changes no table (a field's encoder): forgetting its record puts a
# site behind, and applying it again is harmless.
FORGET_ONE = (
    "DELETE FROM {}.django_migrations"
    " WHERE app = 'wagtailforms' AND name = '0005_alter_formsubmission_form_data'"
)


def _applied_count(schema):
    return _sql(f"SELECT count(*) FROM {schema}.django_migrations")


def _applied_at(schema):
    return _sql(f'SELECT max(applied) FROM "{schema}".django_migrations')[0][0]


@pytest.fixture
def network(db, demo_network):
    return demo_network


def test_an_up_to_date_network_is_checked_without_migrating_any_schema(network):
    before = {slug: _applied_at(t.schema_name) for slug, t in network.items()}
    out = io.StringIO()
    call_command("migrate", stdout=out)
    assert f"{len(network) + 2}/{len(network) + 2} schemas up to date" in out.getvalue()
    assert "migrated" not in out.getvalue()
    assert {slug: _applied_at(t.schema_name) for slug, t in network.items()} == before


def test_a_site_behind_is_migrated_and_the_others_are_left_alone(network):
    glar, habau = network["glar"], network["habau"]
    untouched = _applied_at(habau.schema_name)
    complete = _applied_count(glar.schema_name)
    _sql(FORGET_ONE.format(glar.schema_name))
    out = io.StringIO()
    call_command("migrate", stdout=out)
    assert "migrating 1." in out.getvalue()
    assert "[1/1] glar: migrated" in out.getvalue()
    assert _applied_count(glar.schema_name) == complete
    assert _applied_at(habau.schema_name) == untouched


def test_a_failing_site_is_reported_and_the_others_still_migrate(network):
    glar = network["glar"]
    create_site(name="Xã Hỏng", slug="xahong", kind="commune", parent=network["dakdoa"])
    # Forget a migration whose table exists: re-applying it fails on CREATE TABLE.
    _sql(
        "DELETE FROM xahong.django_migrations WHERE app = 'wagtailcore' AND name = '0098_apitoken'"
    )
    complete = _applied_count(glar.schema_name)
    _sql(FORGET_ONE.format(glar.schema_name))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 schema\\(s\\) failed to migrate: xahong"):
        call_command("migrate", stdout=out, stderr=err)
    assert "xahong: FAILED" in err.getvalue()
    assert "glar: migrated" in out.getvalue()
    connection.set_schema_to_public()
    assert _applied_count(glar.schema_name) == complete


def test_a_migration_of_a_public_only_app_does_not_send_the_sites_through_migrate(network):
    """search's tables live in the public schema only: a site lacking the record of one of
    its migrations has nothing to apply, and is up to date."""
    glar = network["glar"]
    _sql(f"DELETE FROM {glar.schema_name}.django_migrations WHERE app = 'search'")
    out = io.StringIO()
    call_command("migrate", stdout=out)
    assert f"{len(network) + 2}/{len(network) + 2} schemas up to date" in out.getvalue()
    assert "glar: migrated" not in out.getvalue()
