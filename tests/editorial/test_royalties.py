"""Royalties: a line at an item's first publication only, corrections with a reason, rates and
budget that refuse absurd figures, the ledger against the budget, the XLSX payment list."""

import io

from django.utils import timezone
from django_tenants.utils import schema_context
from openpyxl import load_workbook

from editorial.models import RoyaltyBudget, RoyaltyLine, RoyaltyRate
from tests.editorial.conftest import BODY, NO_COMMENTS, fresh, member, write


def _publish(site, title, kind="tin"):
    response = write(member(site, "truongban"), site, title, action="action-publish", kind=kind)
    assert response.status_code == 302
    page = fresh(site, title)
    assert page.live
    return page


def _lines(site):
    with schema_context(site.schema_name):
        return list(
            RoyaltyLine.objects.order_by("pk").values_list("page_title", "amount", "reason")
        )


def test_every_new_site_has_default_rates(two_step_site, demo_network):
    for site in (two_step_site, demo_network["habau"]):
        with schema_context(site.schema_name):
            rates = dict(RoyaltyRate.objects.values_list("kind", "amount"))
        assert rates == {
            "tin": 100_000,
            "bai": 300_000,
            "tin-anh": 150_000,
            "bai-anh": 400_000,
            "video": 500_000,
            "audio": 300_000,
        }


def test_a_line_is_written_at_first_publication_only(two_step_site):
    site = two_step_site
    page = _publish(site, "Bài về nông thôn mới", kind="bai")
    assert _lines(site) == [("Bài về nông thôn mới", 300_000, "")]
    # the chief corrects the live item and publishes again: no second line
    chief = member(site, "truongban")
    response = chief.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title": "Bài về nông thôn mới (sửa)",
            "slug": page.slug,
            "kind": "bai",
            "date": "20/11/2026",
            "body": BODY,
            **NO_COMMENTS,
            "action-publish": "1",
        },
    )
    assert response.status_code == 302
    assert fresh(site, "Bài về nông thôn mới (sửa)").live
    assert _lines(site) == [("Bài về nông thôn mới", 300_000, "")]


def test_the_chief_adjusts_an_item_with_a_reason_as_a_new_line(two_step_site):
    site = two_step_site
    _publish(site, "Video lễ hội", kind="video")
    with schema_context(site.schema_name):
        line = RoyaltyLine.objects.get()
    chief = member(site, "truongban")
    url = f"/admin/nhuan-but/{line.pk}/dieu-chinh/"
    no_reason = chief.post(url, {"amount": "650000", "reason": ""}).content.decode()
    assert "Cần ghi lý do điều chỉnh." in no_reason
    negative = chief.post(url, {"amount": "-1", "reason": "x"}).content.decode()
    assert "Số tiền không được âm." in negative
    same = chief.post(url, {"amount": "500000", "reason": "x"}).content.decode()
    assert "Số tiền mới bằng số tiền hiện tại." in same
    assert _lines(site) == [("Video lễ hội", 500_000, "")]

    assert chief.post(url, {"amount": "650000", "reason": "Quay dựng dài"}).status_code == 302
    assert _lines(site) == [
        ("Video lễ hội", 500_000, ""),
        ("Video lễ hội", 150_000, "Quay dựng dài"),
    ]
    with schema_context(site.schema_name):
        correction = RoyaltyLine.objects.get(reason="Quay dựng dài")
        assert correction.corrects_id == line.pk and correction.created_by.username == "truongban"
    # the deputy cannot
    assert member(site, "phoban").post(url, {"amount": "1", "reason": "x"}).status_code in (
        302,
        403,
    )
    assert len(_lines(site)) == 2


def test_rates_and_budget_refuse_negative_or_absurd_values(two_step_site):
    site = two_step_site
    chief = member(site, "truongban")
    with schema_context(site.schema_name):
        rate = RoyaltyRate.objects.get(kind="tin")
    edit = f"/admin/nhuan-but/muc/edit/{rate.pk}/"
    assert chief.get(edit).status_code == 200
    negative = chief.post(edit, {"kind": "tin", "amount": "-100000"}).content.decode()
    assert "Mức nhuận bút không được âm." in negative
    absurd = chief.post(edit, {"kind": "tin", "amount": "1000000000"}).content.decode()
    assert "Mức nhuận bút quá lớn: tối đa 50.000.000 đồng." in absurd
    with schema_context(site.schema_name):
        assert RoyaltyRate.objects.get(kind="tin").amount == 100_000
    assert chief.post(edit, {"kind": "tin", "amount": "120000"}).status_code == 302
    with schema_context(site.schema_name):
        assert RoyaltyRate.objects.get(kind="tin").amount == 120_000

    add = "/admin/nhuan-but/kinh-phi/new/"
    assert (
        "Kinh phí không được âm."
        in chief.post(add, {"year": "2026", "amount": "-5"}).content.decode()
    )
    assert (
        "Kinh phí quá lớn" in chief.post(add, {"year": "2026", "amount": "10" * 8}).content.decode()
    )
    assert (
        "Năm phải trong khoảng 2000–2100."
        in chief.post(add, {"year": "20266", "amount": "5"}).content.decode()
    )
    with schema_context(site.schema_name):
        assert not RoyaltyBudget.objects.exists()
    assert chief.post(add, {"year": "2026", "amount": "30000000"}).status_code == 302
    with schema_context(site.schema_name):
        assert RoyaltyBudget.objects.get(year=2026).amount == 30_000_000
    # an editor reaches neither screen
    assert member(site, "bientap").post(edit, {"kind": "tin", "amount": "1"}).status_code in (
        302,
        403,
    )
    with schema_context(site.schema_name):
        assert RoyaltyRate.objects.get(kind="tin").amount == 120_000


def test_ledger_totals_match_the_lines_and_warn_before_the_budget_runs_out(two_step_site):
    site = two_step_site
    _publish(site, "Tin một")
    _publish(site, "Bài hai", kind="bai")
    _publish(site, "Tin ảnh ba", kind="tin-anh")
    today = timezone.localdate()
    with schema_context(site.schema_name):
        total = sum(RoyaltyLine.objects.values_list("amount", flat=True))
        RoyaltyBudget.objects.create(year=today.year, amount=total)  # spent already by today
    assert total == 550_000
    chief = member(site, "truongban")
    for kind, number in (
        ("month", today.month),
        ("quarter", (today.month - 1) // 3 + 1),
        ("year", 1),
    ):
        page = chief.get(f"/admin/nhuan-but/?ky={kind}&nam={today.year}&so={number}")
        html = page.content.decode()
        assert f'data-total="{total}"' in html, kind
        assert "Tin ảnh ba" in html
    # the spending so far, extrapolated to 31 December, passes a budget equal to it
    # (unless today is 31 December, when the forecast is what was spent)
    warned = "data-over-budget" in chief.get("/admin/nhuan-but/").content.decode()
    assert warned == (today.timetuple().tm_yday < (365 if today.year % 4 else 366))
    with schema_context(site.schema_name):
        RoyaltyBudget.objects.filter(year=today.year).update(amount=total * 1000)
    assert "data-over-budget" not in chief.get("/admin/nhuan-but/").content.decode()
    # another year's ledger is empty
    empty = chief.get(f"/admin/nhuan-but/?ky=year&nam={today.year - 1}").content.decode()
    assert 'data-total="0"' in empty


def test_the_payment_list_opens_in_openpyxl_with_the_right_rows(two_step_site):
    site = two_step_site
    _publish(site, "Tin một")
    _publish(site, "Bài hai", kind="bai")
    with schema_context(site.schema_name):
        line = RoyaltyLine.objects.get(page_title="Bài hai")
    chief = member(site, "truongban")
    chief.post(f"/admin/nhuan-but/{line.pk}/dieu-chinh/", {"amount": "350000", "reason": "Bài dài"})
    today = timezone.localdate()
    response = chief.get(f"/admin/nhuan-but/xuat/?ky=month&nam={today.year}&so={today.month}")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert rows == [
        (1, "Tin một", "Tin", "Nguyễn Văn An", "Trường Tiểu học", 100_000, None),
        (2, "Bài hai", "Bài", "Nguyễn Văn An", "Trường Tiểu học", 350_000, "Bài dài"),
        (None, "Tổng cộng", None, None, None, 450_000, None),
    ]
    assert sheet["A1"].value == "DANH SÁCH CHI TRẢ NHUẬN BÚT"


def test_an_english_translation_earns_no_second_line_and_counts_once_in_reports(two_step_site):
    from datetime import timedelta

    from wagtail.models import Locale

    from editorial.stats import published_items

    site = two_step_site
    page = _publish(site, "Tin về mùa màng")
    with schema_context(site.schema_name):
        english = page.copy_for_translation(
            Locale.objects.get(language_code="en"), copy_parents=True
        )
        english.title = "Harvest news"
        english.save_revision().publish()
        english.refresh_from_db()
        assert english.live
        today = timezone.localdate()
        items = published_items(today - timedelta(days=1), today + timedelta(days=1))
        assert list(items.values_list("title", flat=True)) == ["Tin về mùa màng"]
    assert _lines(site) == [("Tin về mùa màng", 100_000, "")]
