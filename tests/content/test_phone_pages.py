"""Every kind of page on a 360 px phone: nothing scrolls sideways (portal-requirements F11)."""

from datetime import UTC, datetime

import pytest
import time_machine

from content.forms import QuestionForm
from tests.browser import phone_page

pytestmark = pytest.mark.browser

PATHS = [
    "/",
    "/tin-tuc/",
    "/van-ban/",
    "/thu-tuc-hanh-chinh/",
    "/lich-cong-tac/",
    "/hoi-dap/",
    "/gioi-thieu/",
    "/to-chuc-bo-may/",
    "/lien-he/",
    "/so-do-trang/",
]


def test_no_page_scrolls_sideways_on_a_360_px_phone(db, site_server):
    too_wide = []
    with phone_page(width=360) as page:
        for path in PATHS:
            page.goto(f"http://iabang.localhost:{site_server}{path}")
            if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"):
                too_wide.append(path)
        page.goto(f"http://iabang.localhost:{site_server}/van-ban/")
        page.get_by_role("link", name="164/TB-UBND").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Thông báo lịch tiếp công dân định kỳ"
        if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"):
            too_wide.append(page.url)
    assert not too_wide, f"these pages scroll sideways at 360 px: {too_wide}"


def test_a_citizen_asks_a_question_on_a_phone_and_gets_a_tracking_code(db, site_server):
    # The server runs in this process: moving its clock past the spam guard's minimum stands
    # for the time a person takes, without a fixed wait that a busy machine could outlast.
    with (
        time_machine.travel(datetime.now(UTC), tick=True) as clock,
        phone_page(width=360) as page,
    ):
        page.goto(f"http://glar.localhost:{site_server}/hoi-dap/")
        page.get_by_label("Họ và tên").fill("Siu H'Mai")
        page.get_by_label("Nội dung câu hỏi").fill(
            "Xin hỏi lịch tiêm chủng mở rộng tháng này của trạm y tế?"
        )
        clock.shift(QuestionForm.MIN_SECONDS + 1)  # people take longer than the minimum
        page.get_by_role("button", name="Gửi câu hỏi").click()
        page.wait_for_load_state()
        assert "Câu hỏi của bạn đã được gửi" in page.locator("main").inner_text()
        code = page.locator(".tracking-code").inner_text()
        assert code.startswith("HD-")


def test_the_editor_proposes_a_slug_without_diacritics_as_the_title_is_typed(
    db, site_server, demo_network
):
    from django_tenants.utils import schema_context

    from content.models import SectionPage

    with schema_context(demo_network["iabang"].schema_name):
        news_id = SectionPage.objects.get(slug="tin-tuc").pk
    base = f"http://iabang.localhost:{site_server}"
    with phone_page(width=1200, height=900) as page:
        page.goto(f"{base}/admin/login/")
        page.fill("#id_username", "admin")
        page.fill("#id_password", "demo-portal-2026")
        page.locator("form button[type=submit]").first.click()
        page.wait_for_load_state()
        page.goto(f"{base}/admin/pages/add/content/sectionpage/{news_id}/")
        page.locator("#id_title").fill("Đi chợ phiên ở làng Đê Kôn, Kơ Nia")
        page.locator("#id_title").blur()
        page.wait_for_timeout(300)
        assert page.locator("#id_slug").input_value() == "di-cho-phien-o-lang-de-kon-ko-nia"
