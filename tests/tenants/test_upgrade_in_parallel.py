"""``migrate --executor=multiprocessing``: the sites behind go to django-tenants' process pool
in one call; a failing site is found afterwards, reported with its own error, and the others
are migrated.

The pool's workers are other processes: they see only committed data, and the executor
closes the caller's connection, so these tests run the command in a thread of their own (its
own connection, outside the test's transaction) on the demo network, and put back every
record they remove: the demo network is shared by the whole session."""

import io
import re
import threading

from django.core.management import CommandError, call_command
from django.db import connection

FORGOTTEN = ("wagtailforms", "0005_alter_formsubmission_form_data")  # re-applying is harmless
FAILING = ("wagtailcore", "0098_apitoken")  # its table exists: re-applying fails


def _sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else None


def _forget(schema, migration):
    _sql(f'DELETE FROM "{schema}".django_migrations WHERE app = %s AND name = %s', migration)


def _has(schema, migration):
    return _sql(
        f'SELECT count(*) FROM "{schema}".django_migrations WHERE app = %s AND name = %s',
        migration,
    )[0][0]


def _remember(schema, migration):
    if not _has(schema, migration):
        _sql(
            f'INSERT INTO "{schema}".django_migrations (app, name, applied) VALUES (%s, %s, now())',
            migration,
        )


def _in_own_connection(scenario):
    """Run ``scenario`` in a thread: Django gives it its own connection, outside the test's
    transaction, whose changes the pool's workers see."""
    outcome = {}

    def run():
        try:
            outcome["value"] = scenario()
        except BaseException as error:  # re-raised in the test
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _migrate_in_parallel(forget: list[tuple[str, tuple[str, str]]], check):
    """Forget the records, run ``migrate --executor=multiprocessing``, call ``check`` with
    (stdout, stderr, error or None) and put back every record forgotten."""

    def scenario():
        out, err, error = io.StringIO(), io.StringIO(), None
        try:
            for schema, migration in forget:
                _forget(schema, migration)
            try:
                call_command("migrate", executor="multiprocessing", stdout=out, stderr=err)
            except CommandError as raised:
                error = str(raised)
            connection.set_schema_to_public()
            return check(out.getvalue(), err.getvalue(), error)
        finally:
            connection.set_schema_to_public()
            for schema, migration in forget:
                _remember(schema, migration)

    return _in_own_connection(scenario)


def test_sites_behind_are_migrated_in_one_call_and_a_failing_site_is_named(demo_network, capfd):
    behind = [demo_network[slug].schema_name for slug in ("glar", "habau")]
    failing = demo_network["namyang"].schema_name

    def check(out, err, error):
        assert "migrating 3." in out
        assert "Migrating 3 sites with the multiprocessing executor." in out
        assert "2/3 sites migrated in parallel." in out
        assert error is not None and f"1 schema(s) failed to migrate: {failing}." in error
        assert f"{failing}: FAILED" in err
        return [_has(schema, FORGOTTEN) for schema in behind], _has(failing, FAILING)

    migrated, failed_recorded = _migrate_in_parallel(
        [*((schema, FORGOTTEN) for schema in behind), (failing, FAILING)], check
    )
    assert migrated == [1, 1]
    assert failed_recorded == 0
    # The pool's workers print each schema as "n/count" of the one call that handed them all.
    workers = capfd.readouterr().out
    for schema in [*behind, failing]:
        assert re.search(rf"\[\d/3 \(\d+%\) multiprocessing:{schema}\]", workers), schema


def test_a_failure_drops_its_chunk_in_the_pool_and_the_sites_dropped_are_migrated_after(
    demo_network,
):
    """The pool hands the sites over in chunks of two; the first failure ends its chunk, so
    the site after it is migrated one by one afterwards, and only the failing one is named."""
    failing = demo_network["glar"].schema_name
    behind = [demo_network[slug].schema_name for slug in ("habau", "iabang")]

    def check(out, err, error):
        assert error is not None and f"1 schema(s) failed to migrate: {failing}." in error
        assert f"{failing}: FAILED" in err
        return [_has(schema, FORGOTTEN) for schema in behind]

    assert _migrate_in_parallel(
        [(failing, FAILING), *((schema, FORGOTTEN) for schema in behind)], check
    ) == [1, 1]


def test_an_up_to_date_network_is_left_alone(demo_network):
    def check(out, err, error):
        assert error is None
        assert f"{len(demo_network) + 2}/{len(demo_network) + 2} schemas up to date" in out
        assert "multiprocessing executor" not in out
        return True

    assert _migrate_in_parallel([], check)
