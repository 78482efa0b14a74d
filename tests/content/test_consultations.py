"""Consultation on drafts (C17, F7) on a site created in the test: the board publishes a
draft, citizens comment while it is open (guarded like the question form), the board tags and
answers in the admin, the window closes, the result is published with the count."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from tests import factories
from tests.conftest import site_client

COMMENT = "Đề nghị quy định rõ giờ mở cửa nghĩa trang vào dịp lễ, Tết để người dân thuận tiện."
URL = "/lay-y-kien-du-thao/du-thao-quy-che/"


@pytest.fixture
def commune(db, demo_network):
    return factories.commune(demo_network["dakdoa"], "Xã Thử Lấy Ý Kiến")


@pytest.fixture
def members(commune):
    return factories.board(commune)


def publish_draft(tenant, *, opens=-2, closes=10, slug="du-thao-quy-che", title=None):
    """A draft under the site's consultation section, open from ``opens`` to ``closes`` days
    from today, published through Wagtail."""
    from wagtail.models import Site

    from content.models import DraftForComment, IssuingBody
    from content.skeleton import find_section

    today = timezone.localdate()
    with schema_context(tenant.schema_name):
        section = find_section(Site.objects.get(is_default_site=True).root_page, "consultations")
        draft = DraftForComment(
            title=title or "Dự thảo Quy chế quản lý nghĩa trang",
            slug=slug,
            issuing_body=IssuingBody.objects.first(),
            abstract="Lấy ý kiến về quy chế nghĩa trang.",
            opens_on=today + timedelta(days=opens),
            closes_on=today + timedelta(days=closes),
            body="<p>Điều 1. Phạm vi điều chỉnh của quy chế nghĩa trang.</p>",
            contact_address="Văn phòng UBND xã, 0269 3835 123",
            handling="<p>Ý kiến được tổng hợp, tiếp thu, giải trình.</p>",
        )
        section.add_child(instance=draft)
        draft.save_revision().publish()
        draft.refresh_from_db()
        return draft


def form(**overrides):
    from content.forms import DraftCommentForm

    data = {
        "name": "Lê Thị Hoa",
        "contact": "0905999888",
        "text": COMMENT,
        "website": "",
        "started": DraftCommentForm.start_token(time.time() - 60),
    }
    data.update(overrides)
    return data


def comment(client, url=URL, address="203.0.113.9", **overrides):
    return client.post(url, form(**overrides), REMOTE_ADDR=address)


def comments(tenant):
    from content.models import DraftComment

    with schema_context(tenant.schema_name):
        return list(DraftComment.objects.order_by("submitted_at"))


def close(tenant, draft, days_ago=1):
    from content.models import DraftForComment

    with schema_context(tenant.schema_name):
        today = timezone.localdate()
        DraftForComment.objects.filter(pk=draft.pk).update(
            opens_on=today - timedelta(days=20), closes_on=today - timedelta(days=days_ago)
        )


def test_the_whole_consultation_journey(commune, members):
    from content.models import DraftComment, DraftForComment

    draft = publish_draft(commune)
    citizen = site_client(commune)
    page = citizen.get(URL).content.decode()
    assert "Dự thảo Quy chế quản lý nghĩa trang" in page
    assert "Toàn văn dự thảo" in page and "Điều 1. Phạm vi điều chỉnh" in page
    assert "Văn phòng UBND xã, 0269 3835 123" in page
    assert 'name="text"' in page  # the form, while open

    response = comment(citizen)
    assert response.status_code == 302
    assert "da-gui=1" in response["Location"]
    assert "Góp ý đã được gửi" in citizen.get(response["Location"]).content.decode()
    anonymous = comment(citizen, name="", contact="", text="Góp ý không ghi tên: nên có bãi xe.")
    assert anonymous.status_code == 302
    [first, second] = comments(commune)
    assert (first.name, first.contact, first.text) == ("Lê Thị Hoa", "0905999888", COMMENT)
    assert second.name == "" and second.contact == ""

    # The board (deputy) reads, tags and answers in the admin.
    board = site_client(commune)
    assert board.post("/admin/login/", {"username": "phoban", "password": factories.PASSWORD})
    listing = board.get("/admin/snippets/content/draftcomment/").content.decode()
    assert "Đề nghị quy định rõ giờ mở cửa" in listing
    edit = f"/admin/snippets/content/draftcomment/edit/{first.pk}/"
    assert "0905999888" in board.get(edit).content.decode()  # contact: for the board only
    response = board.post(
        edit,
        {
            "status": DraftComment.Status.ACCEPTED,
            "tags": "giờ mở cửa, điều 5",
            "answer": "Tiếp thu: bổ sung Điều 5 về giờ mở cửa.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context(commune.schema_name):
        handled = DraftComment.objects.get(pk=first.pk)
        assert handled.status == DraftComment.Status.ACCEPTED
        assert sorted(handled.tags.names()) == ["giờ mở cửa", "điều 5"]
        assert handled.answered_at is not None
        assert handled.text == COMMENT and handled.contact == "0905999888"  # read-only fields
    assert board.get("/admin/snippets/content/draftcomment/add/").status_code in (302, 403)

    # The window closes: the form is gone, a late comment is refused, nothing lost.
    close(commune, draft)
    page = citizen.get(URL).content.decode()
    assert 'name="text"' not in page
    assert "Kết quả lấy ý kiến" in page and "Đã nhận 2 ý kiến góp ý" in page
    late = comment(citizen, text="Góp ý gửi muộn sau ngày kết thúc lấy ý kiến.")
    assert late.status_code == 400
    late_page = late.content.decode()
    assert "Đã hết thời gian lấy ý kiến dự thảo này" in late_page
    assert "Góp ý gửi muộn sau ngày kết thúc lấy ý kiến." in late_page  # what they typed
    assert len(comments(commune)) == 2

    # The chief publishes the result; the page shows the count and the summary.
    with schema_context(commune.schema_name):
        draft = DraftForComment.objects.get(pk=draft.pk)
        draft.result_summary = "<p>Đã tiếp thu 1 ý kiến về giờ mở cửa; 1 ý kiến giải trình.</p>"
        draft.save_revision().publish()
    page = citizen.get(URL).content.decode()
    assert "Đã tiếp thu 1 ý kiến về giờ mở cửa" in page
    assert '<dd class="comment-count">2</dd>' in page
    assert "Lê Thị Hoa" not in page and "0905999888" not in page  # never public


def test_a_draft_not_yet_open_refuses_comments_with_its_opening_day(commune):
    publish_draft(commune, opens=3, closes=20)
    response = comment(site_client(commune))
    assert response.status_code == 400
    opens = (timezone.localdate() + timedelta(days=3)).strftime("%d/%m/%Y")
    assert f"Thời gian góp ý bắt đầu từ {opens}" in response.content.decode()
    assert comments(commune) == []


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"text": "x" * 10_001}, "Góp ý dài quá 10.000 ký tự"),
        ({"text": "Hay lắm <script>alert(1)</script> nhé"}, "không được chứa mã HTML"),
        ({"text": 'Xem <a href="http://x">đây</a> nhé bạn'}, "không được chứa mã HTML"),
        ({"text": "ngắn"}, "Góp ý quá ngắn"),
        ({"text": ""}, "Hãy nhập nội dung góp ý"),
        ({"website": "http://spam.example"}, "Không gửi được góp ý"),
        ({"started": "gia-mao"}, "Không gửi được góp ý"),
    ],
)
def test_bad_comments_are_refused_and_what_was_typed_is_kept(commune, overrides, message):
    publish_draft(commune)
    response = comment(site_client(commune), **overrides)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'value="Lê Thị Hoa"' in page  # the name typed comes back in the form
    assert comments(commune) == []


def test_comments_are_rate_limited_per_address_and_a_repeat_is_refused(commune):
    from content.models import DraftComment

    publish_draft(commune)
    client = site_client(commune)
    assert comment(client).status_code == 302
    repeat = comment(client)
    assert repeat.status_code == 400 and "Góp ý này vừa được gửi" in repeat.content.decode()
    for n in range(DraftComment.RATE_LIMIT - 1):
        assert comment(client, text=f"Góp ý thứ {n} về quy chế nghĩa trang.").status_code == 302
    limited = comment(client, text="Một góp ý nữa về quy chế nghĩa trang.")
    assert limited.status_code == 400
    assert "Bạn đã gửi 5 góp ý trong một giờ qua" in limited.content.decode()
    assert comment(client, address="198.51.100.4", text="Người khác góp ý.").status_code == 302


def test_the_section_lists_open_coming_and_closed_drafts(commune):
    publish_draft(commune, slug="dang-mo", title="Dự thảo đang mở")
    publish_draft(commune, opens=5, closes=30, slug="sap-mo", title="Dự thảo sắp mở")
    publish_draft(commune, opens=-30, closes=-2, slug="da-dong", title="Dự thảo đã đóng")
    page = site_client(commune).get("/lay-y-kien-du-thao/").content.decode()
    open_at, coming_at, closed_at = (
        page.index("Dự thảo đang mở"),
        page.index("Dự thảo sắp mở"),
        page.index("Dự thảo đã đóng"),
    )
    assert open_at < coming_at < closed_at
    assert "Dự thảo đang lấy ý kiến trên các trang thành viên" not in page  # a commune


def test_closing_before_opening_is_refused_in_the_editor(commune):
    from django.core.exceptions import ValidationError

    from content.models import DraftForComment

    today = timezone.localdate()
    draft = DraftForComment(
        title="Sai ngày", opens_on=today, closes_on=today - timedelta(days=1), slug="sai"
    )
    with pytest.raises(ValidationError) as error:
        draft.clean()
    assert "Ngày kết thúc không thể trước ngày bắt đầu" in str(error.value)
