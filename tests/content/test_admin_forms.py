"""The editor's side: every page type's add and edit forms and the shared lists open."""

import pytest
from django_tenants.utils import schema_context

from tests.conftest import site_client

CHILDREN = {
    "SectionPage": ["sectionpage", "newspage", "documentindexpage"],
    "DocumentIndexPage": ["documentpage"],
    "ProcedureIndexPage": ["procedurepage"],
    "ScheduleIndexPage": ["scheduleweekpage"],
    "IntroductionPage": ["introductionpage", "contactpage"],
}


@pytest.fixture
def admin(demo_network):
    tenant = demo_network["namyang"]
    client = site_client(tenant)
    response = client.post("/admin/login/", {"username": "admin", "password": "demo-portal-2026"})
    assert response.status_code == 302
    return tenant, client


def test_every_page_types_add_form_opens(db, admin):
    from content import models

    tenant, client = admin
    for parent_model, children in CHILDREN.items():
        with schema_context(tenant.schema_name):
            parent_id = getattr(models, parent_model).objects.first().pk
        for child in children:
            url = f"/admin/pages/add/content/{child}/{parent_id}/"
            assert client.get(url).status_code == 200, url


def test_every_demo_pages_edit_form_opens(db, admin):
    from wagtail.models import Page

    tenant, client = admin
    with schema_context(tenant.schema_name):
        ids = list(Page.objects.filter(depth__gte=2).values_list("pk", flat=True))
    for page_id in ids:
        assert client.get(f"/admin/pages/{page_id}/edit/").status_code == 200, page_id


@pytest.mark.parametrize(
    "model", ["question", "contributingunit", "documenttype", "issuingbody", "sector"]
)
def test_the_shared_lists_and_questions_open_in_the_admin(db, admin, model):
    from content import models

    tenant, client = admin
    assert client.get(f"/admin/snippets/content/{model}/").status_code == 200
    with schema_context(tenant.schema_name):
        item = next(
            m for m in models.__dict__.values() if getattr(m, "__name__", "").lower() == model
        ).objects.first()
    assert client.get(f"/admin/snippets/content/{model}/edit/{item.pk}/").status_code == 200


def test_the_question_list_never_needs_the_askers_contact(db, admin):
    _tenant, client = admin
    html = client.get("/admin/snippets/content/question/").content.decode()
    assert "HD-" in html
    assert "123456" not in html  # contact data only on the question's own page


def test_the_board_cannot_add_a_question_only_answer_one(db, admin):
    _tenant, client = admin
    response = client.get("/admin/snippets/content/question/add/")
    assert response.status_code in (302, 403)
