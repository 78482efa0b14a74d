"""The board's whole job is in its roles (declared in ``editorial.roles``, applied by the site
blueprint): the chief and the deputy answer and publish citizens' questions and keep the shared
lists; editors and contributors do not. Through the admin, as the members would."""

import json

import pytest
from django_tenants.utils import schema_context

from tests.editorial.conftest import member

ANSWER = (
    '{"blocks":[{"key":"a","text":"Hồ sơ gồm tờ khai và giấy chứng sinh.",'
    '"type":"unstyled","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}'
)
LISTS = ("documenttype", "issuingbody", "sector", "contributingunit")


def _question(site):
    from content.models import Question

    with schema_context(site.schema_name):
        return Question.objects.create(name="Nguyễn Thị Hoa", question="Khai sinh cần gì?")


@pytest.mark.parametrize("username", ["truongban", "phoban"])
def test_chief_and_deputy_answer_and_publish_a_question(two_step_site, username):
    from content.models import Question

    client = member(two_step_site, username)
    question = _question(two_step_site)
    listing = client.get("/admin/snippets/content/question/")
    assert listing.status_code == 200
    assert question.code in listing.content.decode()
    response = client.post(
        f"/admin/snippets/content/question/edit/{question.pk}/",
        {
            "sector": "",
            "status": "da-tra-loi",
            "answer": ANSWER,
            "answered_by": "Công chức tư pháp – hộ tịch",
            "is_public": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context(two_step_site.schema_name):
        assert Question.objects.get(pk=question.pk).is_published
    # the admin never offers to type a question in for a citizen
    assert client.get("/admin/snippets/content/question/add/").status_code in (302, 403)


@pytest.mark.parametrize("username", ["truongban", "phoban"])
def test_chief_and_deputy_keep_the_shared_lists_and_see_their_menus(two_step_site, username):
    from content.models import DocumentType

    client = member(two_step_site, username)
    dashboard = client.get("/admin/").content.decode()
    # the sidebar (rendered from JSON) links to both menus
    assert "/admin/snippets/content/question/" in dashboard
    assert "/admin/snippets/content/documenttype/" in dashboard
    for model in LISTS:
        assert client.get(f"/admin/snippets/content/{model}/").status_code == 200, model
        assert client.get(f"/admin/snippets/content/{model}/add/").status_code == 200, model
    response = client.post(
        "/admin/snippets/content/documenttype/add/",
        {"name": "Thông tri", "code": "TTr2", "sort_order": 200},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context(two_step_site.schema_name):
        assert DocumentType.objects.filter(name="Thông tri").exists()


@pytest.mark.parametrize("username", ["bientap", "ctv1"])
def test_editors_and_contributors_neither_answer_nor_keep_the_lists(two_step_site, username):
    client = member(two_step_site, username)
    question = _question(two_step_site)
    assert client.get("/admin/snippets/content/question/").status_code == 302
    assert client.get(f"/admin/snippets/content/question/edit/{question.pk}/").status_code == 302
    assert client.get("/admin/snippets/content/documenttype/add/").status_code == 302
    assert "/admin/snippets/content/question/" not in client.get("/admin/").content.decode()


def test_the_boards_screens_speak_vietnamese_and_name_their_own_site(two_step_site):
    chief = member(two_step_site, "truongban")
    dashboard = chief.get("/admin/").content.decode()
    assert f"được tạo trong {two_step_site.site_title}" in dashboard  # not the network's name
    # apart from Wagtail's own "Báo cáo" menu (the sidebar comes as JSON, non-ASCII escaped)
    assert json.dumps("Báo cáo định kỳ")[1:-1] in dashboard
    assert "new in Wagtail" not in dashboard and "Editor Guide" not in dashboard  # help menu
    explorer = chief.get("/admin/pages/").content.decode()
    assert "Trang gốc" in explorer and ">Root<" not in explorer
    questions = chief.get("/admin/snippets/content/question/").content.decode()
    assert "True" not in questions and "False" not in questions
