"""Hỏi – Đáp from the citizen's side and the board's: ask, get a code, follow it, read the
published answer; with the spam guard, the rate limit and contact data kept private."""

import re
import time

import pytest
from django_tenants.utils import schema_context

from tests.conftest import site_client

QUESTION = "Xin hỏi thủ tục đăng ký thường trú cho con mới sinh cần giấy tờ gì?"


def _form(**overrides):
    from content.forms import QuestionForm

    data = {
        "name": "Nguyễn Văn An",
        "contact": "0905123456",
        "question": QUESTION,
        "website": "",
        "started": QuestionForm.start_token(time.time() - 60),
    }
    data.update(overrides)
    return data


def _ask(client, **overrides):
    return client.post("/hoi-dap/", _form(**overrides), REMOTE_ADDR="203.0.113.7")


def _questions(tenant):
    from content.models import Question

    with schema_context(tenant.schema_name):
        return list(Question.objects.order_by("submitted_at"))


def test_a_question_gets_a_tracking_code_and_is_answered_then_published(db, demo_network):
    from content.models import Question

    tenant = demo_network["iabang"]
    client = site_client(tenant)
    response = _ask(client)
    assert response.status_code == 302
    code = re.search(r"ma=(HD-[A-Z0-9]{4}-[A-Z0-9]{4})", response["Location"]).group(1)

    page = client.get(response["Location"]).content.decode()
    assert "Câu hỏi của bạn đã được gửi" in page
    assert f"<strong>{code}</strong>" in page
    assert "Đã tiếp nhận" in page
    assert QUESTION not in client.get("/hoi-dap/").content.decode()  # not answered yet

    with schema_context(tenant.schema_name):
        question = Question.objects.get(code=code)
        question.status = Question.Status.ANSWERED
        question.answer = "<p>Hồ sơ gồm tờ khai và giấy khai sinh của cháu.</p>"
        question.answered_by = "Công chức tư pháp – hộ tịch"
        question.is_public = True
        question.full_clean()
        question.save()

    status = client.get("/hoi-dap/tra-cuu/", {"ma": code.lower()}).content.decode()
    assert "Đã trả lời" in status and "Hồ sơ gồm tờ khai" in status
    listing = client.get("/hoi-dap/").content.decode()
    assert QUESTION in listing and "Hồ sơ gồm tờ khai" in listing
    assert "0905123456" not in listing and "0905123456" not in status


def test_the_board_answers_in_the_admin(db, demo_network):
    from content.models import Question

    tenant = demo_network["habau"]
    client = site_client(tenant)
    assert client.post("/admin/login/", {"username": "admin", "password": "demo-portal-2026"})
    with schema_context(tenant.schema_name):
        question = Question.objects.filter(status=Question.Status.RECEIVED).first()
    response = client.post(
        f"/admin/snippets/content/question/edit/{question.pk}/",
        {
            "sector": "",
            "status": "da-tra-loi",
            "answer": '{"blocks":[{"key":"a","text":"Đã có trong kế hoạch năm 2027.",'
            '"type":"unstyled","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],'
            '"entityMap":{}}',
            "answered_by": "Ủy ban nhân dân",
            "is_public": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    with schema_context(tenant.schema_name):
        question.refresh_from_db()
        assert question.is_published and question.answered_at is not None
        assert question.name == "Đinh Văn Rin"  # the asker's words are not editable
    assert "Đã có trong kế hoạch năm 2027." in site_client(tenant).get("/hoi-dap/").content.decode()


def test_publishing_an_unanswered_question_is_refused(db, demo_network):
    from django.core.exceptions import ValidationError

    from content.models import Question

    with schema_context(demo_network["glar"].schema_name):
        question = Question.objects.filter(status=Question.Status.RECEIVED).first()
        question.is_public = True
        with pytest.raises(ValidationError) as error:
            question.full_clean()
        assert "Chỉ công khai được câu hỏi đã trả lời." in error.value.messages
        question.status = Question.Status.ANSWERED
        with pytest.raises(ValidationError) as error:
            question.full_clean()
        assert "answer" in error.value.message_dict


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"question": ""}, "Hãy nhập nội dung câu hỏi."),
        ({"question": "   "}, "Hãy nhập nội dung câu hỏi."),
        ({"question": "Hỏi?"}, "Câu hỏi quá ngắn."),
        ({"name": ""}, "Hãy nhập họ và tên."),
        ({"website": "http://spam.example"}, "Không gửi được câu hỏi."),
        ({"started": ""}, "Không gửi được câu hỏi."),
        ({"started": "forged"}, "Không gửi được câu hỏi."),
    ],
)
def test_an_empty_or_robot_question_is_refused_with_a_message_and_nothing_saved(
    db, demo_network, overrides, message
):
    from content.forms import QuestionForm

    tenant = demo_network["namyang"]
    before = len(_questions(tenant))
    if overrides.get("started") == "":
        overrides["started"] = QuestionForm.start_token()  # sent within a second
    response = _ask(site_client(tenant), **overrides)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert len(_questions(tenant)) == before


def test_repeated_questions_from_one_address_are_limited(db, demo_network):
    from content.models import Question

    tenant = demo_network["dakdoa"]
    client = site_client(tenant)
    for number in range(Question.RATE_LIMIT):
        assert _ask(client, question=f"{QUESTION} (lần {number})").status_code == 302
    before = len(_questions(tenant))
    refused = _ask(client, question=f"{QUESTION} (lần cuối)")
    assert refused.status_code == 400
    assert "Bạn đã gửi 3 câu hỏi trong một giờ qua." in refused.content.decode()
    assert len(_questions(tenant)) == before
    other = client.post(
        "/hoi-dap/", _form(question="Câu hỏi khác từ địa chỉ khác."), REMOTE_ADDR="198.51.100.9"
    )
    assert other.status_code == 302


def test_the_same_question_sent_twice_is_saved_once(db, demo_network):
    tenant = demo_network["glar"]
    client = site_client(tenant)
    before = len(_questions(tenant))
    assert _ask(client).status_code == 302
    again = _ask(client)
    assert again.status_code == 400
    assert "Câu hỏi này vừa được gửi." in again.content.decode()
    assert len(_questions(tenant)) == before + 1


def test_an_unknown_tracking_code_says_so(db, demo_network):
    html = site_client(demo_network["glar"]).get("/hoi-dap/tra-cuu/", {"ma": "HD-0000-0000"})
    assert "Không tìm thấy câu hỏi có mã “HD-0000-0000”" in html.content.decode()


def test_the_question_form_fields_are_labelled(db, demo_network):
    html = site_client(demo_network["glar"]).get("/hoi-dap/").content.decode()
    for field in ("name", "contact", "sector", "question"):
        assert f'<label class="usa-label" for="id_{field}">' in html
