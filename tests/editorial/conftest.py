"""A site with a whole board, and helpers that act as its members would, through the admin."""

import json

import pytest
from django_tenants.utils import schema_context

from portal.text import slugify_vietnamese
from tenants.services import create_site
from tests.conftest import site_client
from tests.factories import PASSWORD, board  # the same board as every other test

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


def make_board_site(demo_network, name, approval_steps):
    """A new commune site (inside the test's transaction) with one user per role
    (``tests.factories.board``); the contributors write for "Trường Tiểu học" in the news
    section."""
    tenant = create_site(
        name=name, kind="commune", parent=demo_network["dakdoa"], approval_steps=approval_steps
    ).tenant
    board(tenant)
    return tenant


@pytest.fixture
def two_step_site(db, demo_network):
    return make_board_site(demo_network, "Xã Ia Pết", 2)


@pytest.fixture
def one_step_site(db, demo_network):
    return make_board_site(demo_network, "Xã Ia Băng Mới", 1)


def member(site, username):
    client = site_client(site)
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, f"{username} should log in"
    return client


def page_id(site, **lookup):
    from wagtail.models import Page

    with schema_context(site.schema_name):
        return Page.objects.get(**lookup).pk


def fresh(site, title):
    from wagtail.models import Page

    with schema_context(site.schema_name):
        return Page.objects.get(title=title).specific


# The (empty) comments formset every Wagtail page form carries.
NO_COMMENTS = {
    "comments-TOTAL_FORMS": "0",
    "comments-INITIAL_FORMS": "0",
    "comments-MIN_NUM_FORMS": "0",
    "comments-MAX_NUM_FORMS": "1000",
}


def write(client, site, title, action="action-submit", kind="tin", **fields):
    """The NewsPage add form in the news section, as the editor sends it."""
    with schema_context(site.schema_name):
        from content.models import ContributingUnit

        unit = ContributingUnit.objects.get(name="Trường Tiểu học").pk
    data = {
        "title": title,
        "slug": slugify_vietnamese(title),
        "kind": kind,
        "date": "20/11/2026",
        "lead": "Tin.",
        "body": BODY,
        "author": "Nguyễn Văn An",
        "contributing_unit": unit,
        **NO_COMMENTS,
        action: action,
        **fields,
    }
    return client.post(f"/admin/pages/add/content/newspage/{page_id(site, slug='tin-tuc')}/", data)


def task_action(client, site, page, action, comment=""):
    with schema_context(site.schema_name):
        task_state = page.current_workflow_task_state
        assert task_state is not None, "the page should be in review"
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/", {"comment": comment}
    )


def through_both_steps(site, title):
    """An item submitted for review, approved by the deputy then the chief: live at each step
    only when it should be. Returns the live page."""
    page = fresh(site, title)
    assert not page.live
    with schema_context(site.schema_name):
        assert page.current_workflow_task.name == "Phó ban duyệt"

    assert task_action(member(site, "phoban"), site, page, "approve").status_code in (200, 302)
    page = fresh(site, title)
    assert not page.live
    with schema_context(site.schema_name):
        assert page.current_workflow_task.name == "Trưởng ban duyệt"

    assert task_action(member(site, "truongban"), site, page, "approve").status_code in (200, 302)
    page = fresh(site, title)
    assert page.live
    assert site_client(site).get(page.url).status_code == 200
    return page
