"""What a citizen sees, in a real Chromium on a phone-sized screen."""

import pytest

from tests.browser import phone_page

pytestmark = pytest.mark.browser


def test_a_citizen_reads_a_commune_news_item_on_a_phone(db, site_server, settings):
    with phone_page() as page:
        stylesheets = []
        page.on(
            "response",
            lambda r: stylesheets.append(r.status) if r.url.endswith(".css") else None,
        )
        page.goto(f"http://iabang.localhost:{site_server}/")
        assert page.title() == "Trang thông tin điện tử xã Ia Băng"
        assert stylesheets and set(stylesheets) == {200}, "the theme's stylesheet must load"
        assert page.locator(".site-title").inner_text().lower() == (
            "trang thông tin điện tử xã ia băng"
        )
        fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert fits, "the home page must not scroll sideways on a phone"

        page.get_by_role("link", name="Ia Băng triển khai kế hoạch chuyển đổi số năm 2026").click()
        page.wait_for_load_state()
        assert (
            page.locator("h1").inner_text() == "Ia Băng triển khai kế hoạch chuyển đổi số năm 2026"
        )
        assert "tổ công nghệ số cộng đồng" in page.locator(".body").inner_text()
        page.screenshot(path=str(settings.BASE_DIR / "var" / "screenshot-news-phone.png"))


def test_a_citizen_on_another_commune_sees_only_that_communes_news(db, site_server):
    with phone_page() as page:
        page.goto(f"http://glar.localhost:{site_server}/")
        text = page.locator("main").inner_text()
        assert "Glar triển khai kế hoạch chuyển đổi số năm 2026" in text
        assert "Ia Băng" not in text
