"""The themed pages in a real Chromium (issue 6, item 6): accessible by axe-core at 360 px
and 1280 px, light enough for a slow phone, text size and contrast that persist, and the
network console's banner and theme switch reaching two sites.

These drive the live server, whose threads see committed data only: what the console does
here is committed, and undone at the end (the console again, then SQL as a safety net).
"""

import mimetypes
import re
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from tests.browser import phone_page
from tests.themes.axe import axe_source, serious_violations

pytestmark = pytest.mark.browser

PASSWORD = "demo-portal-2026"
WIDTHS = (360, 1280)


@pytest.fixture(scope="module")
def output_dir():
    """Screenshots for a person to look at: var/test-output/."""
    from django.conf import settings

    folder = settings.BASE_DIR / "var" / "test-output"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _pages(page, base):
    """The pages the issue names: home, a news item, the document index, search, questions."""
    page.goto(f"{base}/tin-tuc/")
    news = page.locator(".news-card h3 a").first.get_attribute("href")
    return {
        "home": "/",
        "news": news,
        "documents": "/van-ban/",
        "search": "/tim-kiem/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91",
        "questions": "/hoi-dap/",
    }


@pytest.fixture(scope="module")
def media_server(demo_network):
    """A live server like ``site_server`` that also serves media/ as nginx does in
    production, so the page weight counts the images a citizen downloads."""
    from django.conf import settings
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

    app = StaticFilesHandler(WSGIHandler())
    media_root = Path(settings.MEDIA_ROOT).resolve()

    def with_media(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith(settings.MEDIA_URL):
            return app(environ, start_response)
        file = (media_root / path[len(settings.MEDIA_URL) :]).resolve()
        if media_root not in file.parents or not file.is_file():
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        start_response("200 OK", [("Content-Type", kind)])
        return [file.read_bytes()]

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(with_media)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_citizen_pages_have_no_serious_accessibility_violations(
    db, site_server, output_dir, width
):
    source = axe_source()
    base = f"http://iabang.localhost:{site_server}"
    with phone_page(width=width, height=900) as page:
        problems = {}
        for name, path in _pages(page, base).items():
            response = page.goto(base + path)
            assert response.status == 200, path
            page.screenshot(path=str(output_dir / f"{name}-{width}.png"), full_page=True)
            fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            assert fits, f"{name} scrolls sideways at {width} px"
            found = serious_violations(page, source)
            if found:
                problems[name] = found
        assert not problems, "\n".join(f"{k}: {v}" for k, vs in problems.items() for v in vs)


def test_the_home_page_weighs_under_300_kb_on_first_load(db, media_server):
    base = f"http://iabang.localhost:{media_server}"
    with phone_page(width=360, height=740) as page:
        sizes = {}
        images = []

        def count(response):
            try:
                sizes[response.url] = len(response.body())
            except Exception:  # noqa: BLE001 - redirects have no body
                sizes.setdefault(response.url, 0)
            if "/media/" in response.url and response.status == 200:
                images.append(response.url)

        page.on("response", count)
        page.goto(base + "/", wait_until="load")
        page.wait_for_load_state("networkidle")
        first_load = sum(sizes.values())
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(500)
        page.wait_for_load_state("networkidle")
        scrolled = sum(sizes.values())
    print(  # noqa: T201 - the figure the issue asks for, in the test log
        f"\nhome page, 360 px: first load {first_load / 1024:.1f} KB in {len(sizes)} responses;"
        f" after scrolling to the end {scrolled / 1024:.1f} KB with {len(images)} images"
    )
    assert images, "the home page's news photos must load (renditions, through media/)"
    assert all("/images/" in url for url in images), "only renditions, never originals"
    assert first_load < 300 * 1024
    assert scrolled < 300 * 1024


def test_text_size_and_high_contrast_persist_across_pages(db, site_server):
    base = f"http://iabang.localhost:{site_server}"
    with phone_page() as page:
        page.goto(base + "/")
        normal = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        # On a phone the display tools sit behind the menu button with the menu (issue 16).
        page.get_by_role("button", name="Danh mục").click()
        page.get_by_role("button", name="Chữ lớn").click()
        page.get_by_role("button", name="Tương phản cao").click()
        assert page.get_by_role("button", name="Tương phản cao").get_attribute("aria-pressed") == (
            "true"
        )
        page.goto(base + "/tin-tuc/")
        larger = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert larger == pytest.approx(normal * 1.25)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(0, 0, 0)"
        page.get_by_role("button", name="Danh mục").click()
        assert page.get_by_role("button", name="Chữ lớn").get_attribute("aria-pressed") == "true"
        page.get_by_role("button", name="Chữ thường").click()
        page.get_by_role("button", name="Tương phản cao").click()
        page.reload()
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == normal
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(0, 0, 0)"


def _committed(sql: str, params=()):
    """Run SQL outside the test's transaction (the live server's data is committed)."""
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute(sql, params)
    finally:
        other.close()


def _header_colour(page, url):
    page.goto(url)
    return page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")


def test_a_console_banner_and_theme_switch_reach_two_sites(db, site_server, output_dir):
    portal = f"http://dakdoa.localhost:{site_server}"
    sites = [f"http://{slug}.localhost:{site_server}/" for slug in ("iabang", "habau")]
    title = "Kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9"
    local = timezone.localtime()
    try:
        with phone_page(width=1280, height=900) as page:
            page.goto(portal + "/admin/login/")
            page.fill("#id_username", "admin")
            page.fill("#id_password", PASSWORD)
            page.locator("form button[type=submit]").first.click()
            page.wait_for_url(re.compile(r"/admin/$"))

            before = [_header_colour(page, url) for url in sites]

            page.goto(portal + "/admin/mang-luoi/bang-ron/tao-moi/")
            page.fill("#id_title", title)
            page.fill("#id_text", "Treo cờ Tổ quốc từ ngày 30/8 đến hết ngày 2/9")
            page.fill("#id_starts_at", (local - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M"))
            page.fill("#id_ends_at", (local + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"))
            page.check("input[name=target][value=all]")
            page.get_by_role("button", name="Lưu và phát hành").click()
            page.wait_for_url(re.compile(r"/bang-ron/\d+/$"))
            receipt = page.locator("[data-receipt=iabang]")
            assert receipt.get_attribute("data-showing") == "yes"
            assert page.locator("[data-receipt=habau]").get_attribute("data-showing") == "yes"
            console_url = page.url

            for url, name in zip(sites, ("iabang", "habau"), strict=True):
                page.goto(url)
                banner = page.locator(".campaign-banner")
                assert title in banner.inner_text()
                page.screenshot(path=str(output_dir / f"banner-{name}.png"))

            page.goto(console_url)
            page.get_by_role("button", name="Gỡ khỏi mọi trang ngay").click()
            for url in sites:
                page.goto(url)
                assert page.locator(".campaign-banner").count() == 0

            page.goto(portal + "/admin/mang-luoi/giao-dien/")
            page.select_option("#id_theme", "modern:1")
            page.get_by_role("button", name="Áp dụng cho cả mạng lưới").click()
            after = [_header_colour(page, url) for url in sites]
            for url, name in zip(sites, ("iabang", "habau"), strict=True):
                page.goto(url)
                page.screenshot(path=str(output_dir / f"theme-modern-{name}.png"))
            assert before == ["rgb(165, 14, 14)"] * 2  # classic red
            assert after == ["rgb(255, 255, 255)"] * 2  # modern white

            page.goto(portal + "/admin/mang-luoi/giao-dien/")
            page.select_option("#id_theme", "classic:2")
            page.get_by_role("button", name="Áp dụng cho cả mạng lưới").click()
            assert [_header_colour(page, url) for url in sites] == before
    finally:
        _committed("DELETE FROM public.themes_campaignbanner_sites")
        _committed("DELETE FROM public.themes_campaignbanner")
        _committed("DELETE FROM public.themes_networktheme")
