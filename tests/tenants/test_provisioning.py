"""Provisioning a site: its board groups, review workflow, chief account and one-time link."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import schema_context, schema_exists

from editorial.roles import BOARD_ROLES, CHIEF, DEPUTY, NETWORK_ADMINS
from tenants.models import Tenant
from tenants.services import create_site
from tests.conftest import site_client


def _commune(district, **overrides):
    spec = {
        "name": "Xã Ia Pết",
        "slug": "iapet",
        "kind": Tenant.Kind.COMMUNE,
        "parent": district,
        "chief_email": "truongban.iapet@gialai.gov.vn",
        "created_by": "admin@dakdoa",
        **overrides,
    }
    return create_site(**spec)


def _page_permissions(group_name):
    from wagtail.models import GroupPagePermission

    return {
        (p.page.slug, p.permission.codename)
        for p in GroupPagePermission.objects.filter(group__name=group_name)
    }


def test_a_commune_site_answers_under_its_parents_domain_and_records_who_made_it(district):
    new = _commune(district)
    assert new.tenant.get_primary_domain().domain == "iapet.dakdoa.localhost"
    assert new.site_url == "http://iapet.dakdoa.localhost/"
    stored = Tenant.objects.get(slug="iapet")
    assert stored.created_by == "admin@dakdoa"
    assert stored.created_at is not None


def test_every_board_role_exists_with_its_permissions(district):
    from django.contrib.auth.models import Group

    new = _commune(district)
    with schema_context(new.tenant.schema_name):
        names = set(Group.objects.values_list("name", flat=True))
        assert {role.group_name for role in BOARD_ROLES} <= names
        assert not names & {"Moderators", "Editors"}  # Wagtail's English defaults are gone
        assert _page_permissions(CHIEF.group_name) >= {
            ("root", "publish_page"),
            ("root", "add_page"),
        }
        deputy = _page_permissions(DEPUTY.group_name)
        assert ("van-ban", "publish_page") in deputy  # the deputy publishes documents only
        assert ("root", "publish_page") not in deputy
        assert _page_permissions("Cộng tác viên") == set()  # sections are granted per site
        assert NETWORK_ADMINS not in names  # a commune does not run the network


@pytest.mark.parametrize(
    ("steps", "tasks"), [(1, ["Trưởng ban duyệt"]), (2, ["Phó ban duyệt", "Trưởng ban duyệt"])]
)
def test_the_sites_review_workflow_has_the_chosen_number_of_steps(district, steps, tasks):
    new = _commune(district, approval_steps=steps)
    with schema_context(new.tenant.schema_name):
        from wagtail.models import Page, Site

        home = Site.objects.get().root_page
        news = Page.objects.get(slug="tin-tuc")
        workflow = news.get_workflow()
        assert workflow is not None and workflow.active
        assert [task.name for task in workflow.tasks] == tasks
        assert home.get_workflow() == workflow


def test_the_chief_sets_a_password_through_a_one_time_link_and_logs_in(district):
    new = _commune(district)
    email = "truongban.iapet@gialai.gov.vn"
    with schema_context(new.tenant.schema_name):
        chief = get_user_model().objects.get(username=email)
        assert not chief.has_usable_password()
        assert chief.groups.filter(name=CHIEF.group_name).exists()

    path = new.set_password_url.removeprefix("http://iapet.dakdoa.localhost")
    client = site_client(new.tenant)
    form = client.get(path, follow=True)
    assert form.status_code == 200
    set_url = form.redirect_chain[-1][0] if form.redirect_chain else path
    done = client.post(
        set_url, {"new_password1": "Xa-IaPet-2026!", "new_password2": "Xa-IaPet-2026!"}
    )
    assert done.status_code == 302

    fresh = site_client(new.tenant)
    assert (
        fresh.post("/admin/login/", {"username": email, "password": "Xa-IaPet-2026!"}).status_code
        == 302
    )
    again = site_client(new.tenant).get(path, follow=True)
    assert "new_password1" not in again.content.decode()  # the link worked once only


def test_a_bad_chief_email_or_step_count_is_refused_and_nothing_is_created(district):
    with pytest.raises(Exception) as raised:
        _commune(district, chief_email="truongban@", approval_steps=3)
    errors = raised.value.message_dict
    assert "Địa chỉ thư điện tử “truongban@” không hợp lệ." in errors["chief_email"]
    assert errors["approval_steps"] == ["Quy trình duyệt chỉ có một hoặc hai bước."]
    assert not Tenant.objects.filter(slug="iapet").exists()
    assert not schema_exists("iapet")


def test_a_parent_portals_chief_is_a_network_administrator(db):
    new = create_site(
        name="Tỉnh Gia Lai",
        slug="gialai",
        kind=Tenant.Kind.PROVINCE,
        domain="gialai.localhost",
        chief_email="quantri@gialai.gov.vn",
    )
    with schema_context(new.tenant.schema_name):
        chief = get_user_model().objects.get(username="quantri@gialai.gov.vn")
        assert chief.groups.filter(name=NETWORK_ADMINS).exists()


def _drop_committed_sites(slugs):
    """Runs on its own connection: the test's own is inside a transaction rolled back later."""
    try:
        for tenant in Tenant.objects.filter(slug__in=slugs):
            with connection.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA IF EXISTS "{tenant.schema_name}" CASCADE')
            tenant.domains.all().delete()
            tenant.delete()
    finally:
        connection.close()


def test_two_sites_created_at_the_same_time_do_not_interfere(demo_network, django_db_blocker):
    """Two creations in two threads, each committing on its own connection; each thread then
    reads its site over HTTP, so the test's own transaction never touches the new schemas
    (it would hold locks the clean-up waits for)."""
    parent = demo_network["dakdoa"]
    slugs = ["songsong1", "songsong2"]
    errors, homes = [], {}

    def create(slug):
        try:
            new = create_site(name=f"Xã {slug}", slug=slug, kind="commune", parent=parent)
            response = site_client(new.tenant).get("/")
            homes[slug] = (response.status_code, response.content.decode())
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    with django_db_blocker.unblock():
        try:
            threads = [threading.Thread(target=create, args=(slug,)) for slug in slugs]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert errors == []
            for slug in slugs:
                status, html = homes[slug]
                assert status == 200
                assert f"Trang thông tin điện tử xã {slug}" in html
        finally:
            cleanup = threading.Thread(target=_drop_committed_sites, args=(slugs,))
            cleanup.start()
            cleanup.join()
