"""Spare schemas: a new site takes a clone made ahead of time, equal to the template, never one
of an older template, and two creations at once never take the same one."""

import threading

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django_tenants.utils import schema_context, schema_exists

from tenants import spares
from tenants.building import site_builder
from tenants.models import SpareSchema, Tenant
from tenants.services import create_site
from tenants.slugs import schema_name_for
from tests.conftest import site_client
from tests.tenants.test_cloning import _data, _structure

TEMPLATE = settings.TENANT_BASE_SCHEMA


def _commune(parent, slug="iapet"):
    return create_site(name=f"Xã {slug}", slug=slug, kind=Tenant.Kind.COMMUNE, parent=parent)


def _spare_names():
    return list(SpareSchema.objects.values_list("schema_name", flat=True))


def test_a_spare_holds_the_templates_structure_and_rows(db):
    assert spares.fill(1) == 1
    [spare] = _spare_names()
    assert spare.startswith(spares.PREFIX)
    template, copy = _structure(TEMPLATE), _structure(spare)
    for part in template:
        assert copy[part] == template[part], part
    tables = ["wagtailcore_page", "wagtailcore_site", "auth_group", "wagtailcore_workflow"]
    assert _data(spare, tables) == _data(TEMPLATE, tables)


def test_a_new_site_takes_a_spare_and_works(district):
    spares.fill(1)
    [spare] = _spare_names()
    new = _commune(district)
    assert _spare_names() == []
    assert not schema_exists(spare)
    assert schema_exists(new.tenant.schema_name)
    response = site_client(new.tenant).get("/")
    assert response.status_code == 200
    assert "Trang thông tin điện tử xã iapet" in response.content.decode()
    with schema_context(new.tenant.schema_name), connection.cursor() as cursor:
        # the renamed schema's sequences still feed its own tables
        cursor.execute("INSERT INTO auth_group (name) VALUES ('Tổ công nghệ số') RETURNING id")
        assert cursor.fetchone()[0] > 0


def test_a_failed_creation_gives_its_spare_back(district, monkeypatch):
    spares.fill(1)
    [spare] = _spare_names()

    def fail(*args, **kwargs):
        raise RuntimeError("hỏng giữa chừng")

    monkeypatch.setattr(site_builder(), "provision", fail)
    with pytest.raises(RuntimeError):
        _commune(district)
    assert _spare_names() == [spare]
    assert schema_exists(spare)
    assert not Tenant.objects.filter(slug="iapet").exists()
    assert not schema_exists(schema_name_for("iapet"))


def test_a_spare_of_an_older_template_is_never_used_and_is_dropped_on_refill(district):
    from django.contrib.auth.models import Group

    spares.fill(1)
    [stale] = _spare_names()
    with schema_context(TEMPLATE):  # the template changes, as a migration would change it
        Group.objects.create(name="Tổ công nghệ số")
    new = _commune(district)
    assert _spare_names() == [stale]  # not taken: the site was cloned from the template
    with schema_context(new.tenant.schema_name):
        assert Group.objects.filter(name="Tổ công nghệ số").exists()
    assert spares.fill(1) == 1
    assert stale not in _spare_names()
    assert not schema_exists(stale)


def test_migrate_fills_the_pool(db):
    with override_settings(SPARE_SCHEMAS=2):
        call_command("migrate", verbosity=0)
    assert len(_spare_names()) == 2
    assert all(schema_exists(name) for name in _spare_names())


def _drop_committed(slugs):
    """On its own connection: the test's own is inside a transaction rolled back later."""
    try:
        with connection.cursor() as cursor:
            for tenant in Tenant.objects.filter(slug__in=slugs):
                cursor.execute(f'DROP SCHEMA IF EXISTS "{tenant.schema_name}" CASCADE')
                tenant.domains.all().delete()
                tenant.delete()
            for name in _spare_names():
                cursor.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
            SpareSchema.objects.all().delete()
    finally:
        connection.close()


def _in_thread(function, *args):
    errors = []

    def run():
        try:
            function(*args)
        except Exception as error:  # reported by the caller
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def test_two_creations_at_once_take_two_different_spares(demo_network, django_db_blocker):
    """Each thread commits on its own connection and reads its site over HTTP there: the
    test's own connection, inside a transaction, must not touch the new schemas (the clean-up
    would wait for its locks)."""
    parent = demo_network["dakdoa"]
    slugs = ["duphong1", "duphong2"]
    homes = {}

    def create_and_open(slug):
        homes[slug] = site_client(_commune(parent, slug).tenant).get("/").status_code

    with django_db_blocker.unblock():
        try:
            thread, errors = _in_thread(spares.fill, 2)  # committed, as a real pool is
            thread.join()
            assert errors == []
            made = _spare_names()
            assert len(made) == 2
            runs = [_in_thread(create_and_open, slug) for slug in slugs]
            for thread, errors in runs:
                thread.join()
                assert errors == []
            assert _spare_names() == []
            assert not any(schema_exists(name) for name in made)
            assert homes == {"duphong1": 200, "duphong2": 200}
        finally:
            thread, _errors = _in_thread(_drop_committed, slugs)
            thread.join()
