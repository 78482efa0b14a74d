"""The board's review, driven through the admin as its members would (issue 3's groups and
workflow, created by provisioning): editor submits, deputy approves, chief publishes."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_tenants.utils import schema_context

from editorial.roles import CHIEF, DEPUTY, EDITOR
from portal.text import slugify_vietnamese
from tenants.services import create_site
from tests.conftest import site_client

PASSWORD = "Ban-bien-tap-2026"
BODY = json.dumps(
    {
        "blocks": [
            {
                "key": "k1",
                "text": "Nội dung.",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
)


@pytest.fixture
def site(db, demo_network):
    tenant = create_site(
        name="Xã Ia Pết", kind="commune", parent=demo_network["dakdoa"], approval_steps=2
    ).tenant
    with schema_context(tenant.schema_name):
        for username, role in (("bientap", EDITOR), ("phoban", DEPUTY), ("truongban", CHIEF)):
            user = get_user_model().objects.create_user(username, password=PASSWORD)
            user.groups.add(Group.objects.get(name=role.group_name))
    return tenant


def _member(site, username):
    client = site_client(site)
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, f"{username} should log in"
    return client


def _news(site):
    from wagtail.models import Page

    with schema_context(site.schema_name):
        return Page.objects.get(slug="tin-tuc").pk


def _page(site, title):
    from wagtail.models import Page

    with schema_context(site.schema_name):
        return Page.objects.get(title=title).specific


def _write(client, site, title, action):
    return client.post(
        f"/admin/pages/add/content/newspage/{_news(site)}/",
        {
            "title": title,
            "slug": slugify_vietnamese(title),
            "date": "20/11/2026",
            "lead": "Tin.",
            "body": BODY,
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            action: action,
        },
    )


def _approve(client, site, page):
    with schema_context(site.schema_name):
        task_state = page.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )


def test_an_item_goes_live_after_the_deputy_then_the_chief_approve(site):
    title = "Họp dân bàn kế hoạch làm đường"
    editor = _member(site, "bientap")
    assert _write(editor, site, title, "action-submit").status_code == 302
    page = _page(site, title)
    assert not page.live
    with schema_context(site.schema_name):
        assert page.current_workflow_task.name == "Phó ban duyệt"

    assert _approve(_member(site, "phoban"), site, page).status_code in (200, 302)
    page = _page(site, title)
    assert not page.live
    with schema_context(site.schema_name):
        assert page.current_workflow_task.name == "Trưởng ban duyệt"

    assert _approve(_member(site, "truongban"), site, page).status_code in (200, 302)
    page = _page(site, title)
    assert page.live
    assert site_client(site).get(page.url).status_code == 200


def test_an_editor_cannot_publish_directly(site):
    title = "Tin chưa được duyệt"
    editor = _member(site, "bientap")
    _write(editor, site, title, "action-publish")
    page = _page(site, title)
    assert not page.live  # saved as a draft at most, never published
    assert site_client(site).get("/tin-tuc/").content.decode().count(title) == 0


def test_the_deputy_cannot_approve_the_chiefs_step(site):
    title = "Tin chờ trưởng ban"
    _write(_member(site, "bientap"), site, title, "action-submit")
    deputy = _member(site, "phoban")
    _approve(deputy, site, _page(site, title))
    _approve(deputy, site, _page(site, title))  # a second try, at the chief's step
    assert not _page(site, title).live
