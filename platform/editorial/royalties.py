"""The royalty ledger (sổ nhuận bút): what is written, when, and what is read from it.

A line is written when a news item is FIRST published (Wagtail's ``page_published`` signal),
at the rate for its kind; republishing an edited item writes nothing. The chief changes what an
item earns by a correction line carrying the difference and a reason: nothing is updated or
deleted (``editorial.models`` explains why).
"""

import io
from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from content.models import NewsPage
from editorial.models import MAX_RATE, RoyaltyBudget, RoyaltyLine, RoyaltyRate


def record_first_publication(page, user=None) -> RoyaltyLine | None:
    """The item's royalty line, if this publication is its first one.

    Only the item in the site's main language earns one: its English translation is the same
    item to the board (reports count it once too, ``editorial.stats.published_items``)."""
    if not isinstance(page, NewsPage):
        return None
    if page.locale.language_code != settings.LANGUAGE_CODE:
        return None
    first_time = page.first_published_at is not None and (
        page.first_published_at == page.last_published_at
    )
    if not first_time or RoyaltyLine.objects.filter(page=page, corrects=None).exists():
        return None
    rate = RoyaltyRate.objects.filter(kind=page.kind).first()
    return RoyaltyLine.objects.create(
        page=page,
        page_title=page.title[:255],
        kind=page.kind,
        amount=rate.amount if rate else 0,
        authors=page.author[:255],
        unit=page.contributing_unit,
        created_by=user,
    )


def item_total(original: RoyaltyLine) -> int:
    """What the item earns now: its first line plus every correction of it."""
    corrections = original.corrections.aggregate(total=Sum("amount"))["total"] or 0
    return original.amount + corrections


def adjust(original: RoyaltyLine, new_amount: int, reason: str, user) -> RoyaltyLine:
    """The chief sets what an item earns: a correction line with the difference."""
    errors = {}
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = _("Cần ghi lý do điều chỉnh.")
    if new_amount is None or new_amount < 0:
        errors["amount"] = _("Số tiền không được âm.")
    elif new_amount > MAX_RATE:
        errors["amount"] = _("Số tiền quá lớn (tối đa %(max)s đồng cho một tin bài).") % {
            "max": f"{MAX_RATE:,}".replace(",", ".")
        }
    if original.corrects_id is not None:
        errors["amount"] = _("Chỉ điều chỉnh dòng gốc của tin bài.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = item_total(RoyaltyLine.objects.select_for_update().get(pk=original.pk))
        if new_amount == current:
            raise ValidationError({"amount": _("Số tiền mới bằng số tiền hiện tại.")})
        return RoyaltyLine.objects.create(
            page=original.page,
            page_title=original.page_title,
            kind=original.kind,
            amount=new_amount - current,
            authors=original.authors,
            unit=original.unit,
            reason=reason,
            corrects=original,
            created_by=user,
        )


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def lines_in(start: date, end: date):
    """Ledger lines written in [start, end)."""
    return RoyaltyLine.objects.filter(
        created_at__gte=_aware(start), created_at__lt=_aware(end)
    ).select_related("unit", "corrects")


def total_in(start: date, end: date) -> int:
    return lines_in(start, end).aggregate(total=Sum("amount"))["total"] or 0


@dataclass
class YearOutlook:
    year: int
    budget: int | None
    spent: int  # up to today (or the whole year, for a past year)
    forecast: int  # spent so far, extrapolated to the year's end

    @property
    def over_budget(self) -> bool:
        return self.budget is not None and self.forecast > self.budget


def year_outlook(year: int, today: date) -> YearOutlook:
    """Spending of ``year`` against its budget, with a linear forecast to 31 December: Tuy
    Phong's budget ran out in the third quarter, and the chief should see that coming."""
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    spent = total_in(start, end)
    days_in_year = (end - start).days
    if today >= end or today < start:
        forecast = spent
    else:
        elapsed = (today - start).days + 1
        forecast = round(spent * days_in_year / elapsed)
    budget = RoyaltyBudget.objects.filter(year=year).values_list("amount", flat=True).first()
    return YearOutlook(year, budget, spent, forecast)


@dataclass
class PaymentRow:
    title: str
    kind: str
    authors: str
    unit: str
    amount: int
    notes: str


def payment_rows(start: date, end: date) -> list[PaymentRow]:
    """One row per item with ledger lines in [start, end): the net amount to pay for it then."""
    rows: dict[int, PaymentRow] = {}
    for line in lines_in(start, end).order_by("created_at", "pk"):
        original = line.corrects or line
        row = rows.get(original.pk)
        if row is None:
            row = rows[original.pk] = PaymentRow(
                original.page_title,
                original.get_kind_display(),
                original.authors,
                original.unit.name if original.unit else "",
                0,
                "",
            )
        row.amount += line.amount
        if line.reason:
            row.notes = "; ".join(filter(None, [row.notes, line.reason]))
    return list(rows.values())


def payment_list_xlsx(start: date, end: date, site_name: str) -> bytes:
    """The payment list (danh sách chi trả nhuận bút) of a period, as an Excel workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Nhuận bút")
    last_day = date.fromordinal(end.toordinal() - 1)
    sheet.append([_("DANH SÁCH CHI TRẢ NHUẬN BÚT")])
    sheet.append([f"{site_name} — {start:%d/%m/%Y} – {last_day:%d/%m/%Y}"])
    sheet.append([])
    header = [
        _("STT"),
        _("Tin bài"),
        _("Thể loại"),
        _("Tác giả"),
        _("Đơn vị"),
        _("Số tiền (đồng)"),
        _("Ghi chú"),
    ]
    sheet.append(header)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=14)
    rows = payment_rows(start, end)
    for number, row in enumerate(rows, start=1):
        sheet.append([number, row.title, row.kind, row.authors, row.unit, row.amount, row.notes])
    sheet.append(["", _("Tổng cộng"), "", "", "", sum(row.amount for row in rows), ""])
    sheet.cell(row=sheet.max_row, column=2).font = Font(bold=True)
    for column, width in zip("ABCDEFG", (6, 60, 12, 24, 30, 16, 40), strict=True):
        sheet.column_dimensions[column].width = width
    for cells in sheet.iter_rows(min_row=5, min_col=6, max_col=6):
        cells[0].number_format = "#,##0"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
