"""The design system under every public page (issue 16, parts 1 and 5), in a real Chromium on
a site created in the test and filled as the demo fills a commune.

Phone layout (390 × 844): a compact header, a menu behind a button (open without script), the
documents table as stacked rows whose numbers and dates never break, the question form with
visible labels and a hidden anti-spam field, a campaign banner drawn as text. Then axe-core,
every rule, on every page type at 360 and 1280 px, in normal and high-contrast modes.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone
from django_tenants.utils import schema_context

from content.forms import QuestionForm
from tests.browser import site_pages
from tests.factories import commune, news
from tests.themes.axe import all_violations, axe_source

pytestmark = pytest.mark.browser

PHONE = {"w": 390, "h": 844}
BANNER_TITLE = "Kỷ niệm 80 năm Quốc khánh 2/9"


class SiteURL(str):
    """The site's address (``site + "/van-ban/"``), carrying its tenant."""

    tenant = None


@pytest.fixture
def site(network):
    """A commune made now, filled as the demo fills one, with a campaign banner of its
    district that has text, an image and a link."""
    from django.core.files.base import ContentFile
    from wagtail.models import Site

    from content.demo import png_bytes, populate_site
    from themes.models import CampaignBanner

    tenant = commune(network["dakdoa"], "Xã Ia Thử")
    with schema_context(tenant.schema_name):
        populate_site(tenant, Site.objects.get(is_default_site=True).root_page.specific)
        news(tenant, "Ia Thử họp dân bàn chuyển đổi số", lead="Người dân góp ý kế hoạch.")
    banner = CampaignBanner(
        portal=network["dakdoa"],
        title=BANNER_TITLE,
        text="Treo cờ Tổ quốc từ ngày 30/8 đến hết ngày 2/9.",
        link="https://dakdoa.gialai.gov.vn/quoc-khanh",
        link_text="Xem kế hoạch",
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(days=2),
    )
    banner.image.save(
        "co-to-quoc.png", ContentFile(png_bytes(1200, 400, (200, 16, 46))), save=False
    )
    banner.save()
    url = SiteURL(f"http://{tenant.get_primary_domain().domain}")
    url.tenant = tenant
    return url


def _screens(name, page):
    folder = settings.BASE_DIR / "var" / "test-output"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"design-{name}.png"), full_page=True)


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _lines(page, selector) -> int:
    """How many lines the element's text takes (an inline box that wraps has one rect per
    line)."""
    return page.locator(selector).evaluate("e => e.getClientRects().length")


def test_the_phone_layout_keeps_the_first_screen_for_the_page(site):
    with site_pages() as new_page:
        page = new_page(PHONE["w"], PHONE["h"])
        page.goto(site + "/")
        _screens("home-390", page)
        assert _fits(page)

        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 0.35 * PHONE["h"], header
        emblem = page.locator(".site-title .emblem").bounding_box()
        name = page.locator(".site-title .site-name").bounding_box()
        assert (
            emblem["y"] < name["y"] + name["height"] and name["y"] < emblem["y"] + emblem["height"]
        )
        assert name["x"] > emblem["x"], "emblem and site name on one row"

        menu = page.get_by_role("button", name="Danh mục")
        assert menu.get_attribute("aria-expanded") == "false"
        schedule_link = page.get_by_role("navigation", name="Chuyên mục chính").get_by_role(
            "link", name="Lịch công tác"
        )
        assert not schedule_link.is_visible()
        menu.click()
        assert menu.get_attribute("aria-expanded") == "true"
        assert schedule_link.is_visible()
        assert page.get_by_role("button", name="Chữ lớn").is_visible()
        _screens("menu-open-390", page)

        banner = page.locator(".campaign-banner")
        assert banner.locator(".campaign-banner__title").inner_text() == BANNER_TITLE
        assert "Treo cờ Tổ quốc" in banner.inner_text()
        assert banner.get_by_role("link", name="Xem kế hoạch").is_visible()
        assert banner.locator("img").get_attribute("alt") == ""

        page.goto(site + "/van-ban/")
        _screens("documents-390", page)
        assert _fits(page)
        row = page.locator(".document-table tbody tr").first
        cells = row.locator("td")
        first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
        assert second["y"] >= first["y"] + first["height"] - 1, "cells stacked, not side by side"
        assert first["width"] > 0.8 * PHONE["w"] - 40
        assert "Ngày ban hành" in cells.nth(1).evaluate(
            "e => getComputedStyle(e, '::before').content"
        )
        for selector in (".document-table tbody tr td a", ".document-table tbody tr td time"):
            for index in range(page.locator(selector).count()):
                assert (
                    page.locator(selector).nth(index).evaluate("e => e.getClientRects().length")
                    == 1
                ), f"{selector} #{index} breaks over lines"
        assert not page.get_by_label("Số ký hiệu").is_visible(), "the filter folded on phones"
        page.get_by_text("Lọc văn bản", exact=True).click()
        assert page.get_by_label("Số ký hiệu").is_visible()
        assert page.get_by_label("Loại văn bản").is_visible()

        page.goto(site + "/hoi-dap/")
        _screens("questions-390", page)
        assert page.get_by_label("Họ và tên").is_visible()
        assert page.get_by_label("Nội dung câu hỏi").is_visible()
        assert page.get_by_role("textbox", name="Để trống ô này").count() == 0
        honeypot = page.locator(".question-form form input[name=website]")
        assert honeypot.count() == 1, "the anti-spam field stays in the form"
        box = honeypot.bounding_box()
        assert box is None or box["x"] + box["width"] <= 0 or box["width"] <= 1
        label = page.locator(".question-form .hp-field label").bounding_box()
        assert label is None or label["x"] + label["width"] <= 0, "its label is off screen too"


def test_the_phone_menu_is_open_without_script(site):
    with site_pages() as new_page:
        page = new_page(PHONE["w"], PHONE["h"], script=False)
        page.goto(site + "/")
        menu = page.get_by_role("navigation", name="Chuyên mục chính")
        assert menu.get_by_role("link", name="Lịch công tác").is_visible()
        assert not page.get_by_role("button", name="Danh mục").is_visible()


def test_a_citizen_asks_on_a_phone_sees_errors_by_their_fields_then_a_tracking_code(site):
    with (
        time_machine.travel(datetime.now(UTC), tick=True) as clock,
        site_pages() as new_page,
    ):
        page = new_page(PHONE["w"], PHONE["h"])
        page.goto(site + "/hoi-dap/")
        clock.shift(QuestionForm.MIN_SECONDS + 1)
        page.get_by_role("button", name="Gửi câu hỏi").click()
        page.wait_for_load_state()
        field = page.get_by_label("Nội dung câu hỏi")
        assert field.get_attribute("aria-invalid") == "true"
        described = field.get_attribute("aria-describedby").split()
        errors = page.locator(f"#{described[-1]}")
        assert errors.is_visible() and errors.inner_text()
        _screens("question-errors-390", page)

        page.get_by_label("Họ và tên").fill("Siu H'Mai")
        field.fill("Xin hỏi lịch tiêm chủng mở rộng tháng này của trạm y tế xã?")
        clock.shift(QuestionForm.MIN_SECONDS + 1)
        page.get_by_role("button", name="Gửi câu hỏi").click()
        page.wait_for_load_state()
        assert "Câu hỏi của bạn đã được gửi" in page.locator("main").inner_text()
        assert page.locator(".tracking-code").inner_text().startswith("HD-")


PAGE_TYPES = {
    "home": "/",
    "section": "/tin-tuc/",
    "news": None,  # the newest item of the news section
    "documents": "/van-ban/",
    "document": None,  # the first document of the list
    "procedure": None,  # the first procedure of the list
    "schedule": "/lich-cong-tac/",
    "questions": "/hoi-dap/",
    "contact": "/lien-he/",
    "search": "/tim-kiem/?q=chuyen+doi+so",
    "sitemap": "/so-do-trang/",
    "not-found": "/khong-co-trang-nay/",
}


def _wear_theme(site, key):
    """The site's own branding chooses ``key`` (as its chief would in the admin)."""
    from wagtail.models import Site

    from themes.branding.models import SiteBranding

    with schema_context(site.tenant.schema_name):
        branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
        branding.theme = key
        branding.save()


def _page_paths(page, site) -> dict[str, str]:
    paths = dict(PAGE_TYPES)
    for name, listing, link in (
        ("news", "/tin-tuc/", ".news-card h3 a"),
        ("document", "/van-ban/", ".document-table tbody a"),
        ("procedure", "/thu-tuc-hanh-chinh/", ".procedure-list a"),
    ):
        page.goto(site + listing)
        paths[name] = page.locator(link).first.get_attribute("href")
    return paths


def test_every_page_type_has_no_accessibility_violation_in_either_mode_and_width(site):
    """axe-core with every rule (experimental ones included), 12 page types x 2 widths x
    normal and high contrast in the default theme, then four page types in the modern theme;
    prints the figures."""
    source = axe_source()
    figures, problems = {}, []
    with site_pages() as new_page:
        paths = _page_paths(new_page(1280, 900), site)
        for width in (360, 1280):
            for high_contrast in (False, True):
                mode = "contrast" if high_contrast else "normal"
                page = new_page(width, 900, high_contrast=high_contrast)
                for name, path in paths.items():
                    response = page.goto(site + path)
                    assert response.status == (404 if name == "not-found" else 200), path
                    if name in ("home", "documents", "search") or width == 360 and mode == "normal":
                        _screens(f"{name}-{width}-{mode}", page)
                    assert _fits(page), f"{name} scrolls sideways at {width} px"
                    found = all_violations(page, source)
                    figures[(name, width, mode)] = len(found)
                    problems += [f"{name} {width} {mode}: {line}" for line in found]
                page.context.close()
        # The modern theme is a token set too: its colours pass the same rules.
        new_page.in_test(_wear_theme, site, "modern:1")
        for width in (360, 1280):
            page = new_page(width, 900)
            for name in ("home", "documents", "questions", "search"):
                page.goto(site + paths[name])
                _screens(f"{name}-{width}-modern", page)
                assert page.locator("body.theme-modern-1").count() == 1
                found = all_violations(page, source)
                figures[(name, width, "modern")] = len(found)
                problems += [f"{name} {width} modern: {line}" for line in found]
            page.context.close()
    print("\naxe-core violations (page type, width, mode):")  # noqa: T201 - the issue's figures
    for (name, width, mode), count in figures.items():
        print(f"  {name:10} {width:5} {mode:8} {count}")  # noqa: T201
    (settings.BASE_DIR / "var" / "test-output" / "axe-violations.txt").write_text(
        "\n".join(problems), encoding="utf-8"
    )
    assert len(figures) == len(PAGE_TYPES) * 4 + 8
    assert not problems, "\n".join(problems)
