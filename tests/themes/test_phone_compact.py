"""What a phone shows first (issue 16, left over): the documents filter folds behind "Lọc văn
bản" on narrow screens (without script too) and stays open on wide ones or while in use; a
page banner and a campaign banner together leave most of the first screen to the page.
"""

import pytest

from tests.browser import site_pages
from tests.themes.axe import all_violations, axe_source
from tests.themes.test_design_system import site  # noqa: F401 - the fixture: a filled commune

pytestmark = pytest.mark.browser


def _top(page, selector) -> float:
    return page.locator(selector).first.bounding_box()["y"]


def test_on_a_phone_the_first_documents_show_above_a_folded_filter(site):  # noqa: F811
    with site_pages() as new_page:
        page = new_page(360, 740)
        page.goto(site + "/van-ban/")
        summary = page.get_by_text("Lọc văn bản", exact=True)
        assert summary.is_visible()
        assert not page.get_by_label("Số ký hiệu").is_visible()
        first_row = page.locator(".document-table tbody tr").first.bounding_box()
        page.screenshot(path="var/test-output/documents-filter-360.png")
        print(f"\n360 x 740: first result row at y = {first_row['y']:.0f} px")  # noqa: T201
        assert first_row["y"] + 40 <= 740, "the first result starts on the first screen"

        summary.click()
        assert page.get_by_label("Số ký hiệu").is_visible()
        page.get_by_label("Số ký hiệu").fill("UBND")
        page.get_by_role("button", name="Tra cứu").click()
        page.wait_for_load_state()
        assert "so=UBND" in page.url
        assert page.get_by_label("Số ký hiệu").is_visible(), "open while a filter is in use"
        assert page.get_by_label("Số ký hiệu").input_value() == "UBND"
        page.context.close()

        page = new_page(360, 740, script=False)
        page.goto(site + "/van-ban/")
        page.get_by_text("Lọc văn bản", exact=True).click()
        assert page.get_by_label("Loại văn bản").is_visible(), "it opens without script"
        page.context.close()


def test_on_a_wide_screen_the_documents_filter_is_shown_as_before(site):  # noqa: F811
    with site_pages() as new_page:
        page = new_page(1280, 900)
        page.goto(site + "/van-ban/")
        assert not page.get_by_text("Lọc văn bản", exact=True).is_visible()
        for label in ("Số ký hiệu", "Từ khóa trong trích yếu", "Loại văn bản", "Năm ban hành"):
            assert page.get_by_label(label).is_visible(), label
        assert page.get_by_role("button", name="Tra cứu").is_visible()
        assert _top(page, ".filter-form") < _top(page, ".document-table")


SITE_BANNER_TITLE = "Ngày hội Đại đoàn kết toàn dân tộc"


def _add_site_banner(url):
    """The commune's own banner (text, image, link) beside its district's campaign banner."""
    import io
    from datetime import timedelta

    from django.core.files.images import ImageFile
    from django.utils import timezone
    from django_tenants.utils import schema_context
    from wagtail.images.models import Image

    from content.demo import png_bytes
    from themes.branding.models import SiteBanner

    with schema_context(url.tenant.schema_name):
        image = Image(
            title="Ngày hội",
            file=ImageFile(io.BytesIO(png_bytes(640, 360, (20, 90, 160))), name="ngay-hoi.png"),
        )
        image.save()
        SiteBanner.objects.create(
            title=SITE_BANNER_TITLE,
            text="Mời bà con dự ngày hội tại nhà văn hóa thôn lúc 7 giờ sáng Chủ nhật.",
            image=image,
            link="https://iathu.dakdoa.gialai.gov.vn/ngay-hoi",
            starts_at=timezone.now() - timedelta(hours=1),
            ends_at=timezone.now() + timedelta(days=2),
        )


def test_on_a_phone_a_site_banner_and_a_campaign_banner_take_at_most_200_px(site):  # noqa: F811
    _add_site_banner(site)
    with site_pages() as new_page:
        page = new_page(390, 844)
        page.goto(site + "/")
        banners = page.locator(".campaign-banner")
        assert banners.count() == 2
        height = page.locator(".campaign-banners").bounding_box()["height"]
        page.screenshot(path="var/test-output/banners-390.png")
        print(f"\n390 x 844: both banners take {height:.0f} px")  # noqa: T201 - the figure
        assert height <= 200
        for index in range(2):
            banner = banners.nth(index)
            assert banner.locator(".campaign-banner__title").is_visible()
            assert banner.locator(".campaign-banner__text").is_visible()
            assert banner.get_by_role("link").is_visible()
        assert page.locator(".campaign-banners").evaluate("e => e.scrollWidth <= e.clientWidth"), (
            "no banner spills sideways"
        )
        violations = all_violations(page, axe_source())
        print(f"axe-core with both banners at 390 px: {len(violations)} violations")  # noqa: T201
        assert not violations, "\n".join(violations)
        page.context.close()

        page = new_page(1280, 900)
        page.goto(site + "/")
        wide = page.locator(".campaign-banners").bounding_box()["height"]
        print(f"1280 x 900: both banners take {wide:.0f} px")  # noqa: T201
        for index in range(2):
            assert page.locator(".campaign-banner__media img").nth(index).is_visible()
            assert page.locator(".campaign-banner .usa-button").nth(index).is_visible()
