"""The periods a board reports on: a month, a quarter, a half year, a year, or any dates."""

from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
MAX_DAYS = 366 * 5  # a report over more than five years is a typing slip


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str  # as a report's title says it: "6 tháng đầu năm 2021"

    def months(self) -> list[date]:
        """The first day of every month the period touches, in order."""
        months, current = [], self.start.replace(day=1)
        while current <= self.end:
            months.append(current)
            current = (current + timedelta(days=32)).replace(day=1)
        return months


def _month_end(year: int, month: int) -> date:
    return (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def month(year: int, number: int) -> Period:
    return Period(date(year, number, 1), _month_end(year, number), f"tháng {number} năm {year}")


def quarter(year: int, number: int) -> Period:
    first = 3 * (number - 1) + 1
    return Period(
        date(year, first, 1), _month_end(year, first + 2), f"quý {ROMAN[number]} năm {year}"
    )


def half(year: int, number: int) -> Period:
    if number == 1:
        return Period(date(year, 1, 1), date(year, 6, 30), f"6 tháng đầu năm {year}")
    return Period(date(year, 7, 1), date(year, 12, 31), f"6 tháng cuối năm {year}")


def whole_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}")


def between(start: date, end: date) -> Period:
    return Period(start, end, f"từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}")


KINDS = [
    ("thang", gettext_lazy("Tháng")),
    ("quy", gettext_lazy("Quý")),
    ("6-thang", gettext_lazy("6 tháng")),
    ("nam", gettext_lazy("Năm")),
    ("tuy-chon", gettext_lazy("Từ ngày đến ngày")),
]
NUMBER_LIMITS = {"thang": 12, "quy": 4, "6-thang": 2}


class PeriodForm(forms.Form):
    """The period picker of the report screens; its query string also names the downloads."""

    ky = forms.ChoiceField(label=gettext_lazy("Kỳ báo cáo"), choices=KINDS, initial="thang")
    nam = forms.IntegerField(label=gettext_lazy("Năm"), min_value=2000, max_value=2100)
    so = forms.IntegerField(
        label=gettext_lazy("Tháng / quý / nửa năm"),
        min_value=1,
        max_value=12,
        required=False,
        help_text=gettext_lazy("Tháng 1–12, quý 1–4, nửa năm 1–2."),
    )
    tu = forms.DateField(label=gettext_lazy("Từ ngày"), required=False)
    den = forms.DateField(label=gettext_lazy("Đến ngày"), required=False)

    @classmethod
    def from_query(cls, query):
        """Bound to the query string, or to the current month when the query names nothing."""
        if "ky" not in query:
            today = timezone.localdate()
            query = {"ky": "thang", "nam": today.year, "so": today.month}
        return cls(query)

    def clean(self):
        data = super().clean()
        kind = data.get("ky")
        if kind == "tuy-chon":
            start, end = data.get("tu"), data.get("den")
            if not start or not end:
                raise ValidationError(_("Hãy nhập cả ngày bắt đầu và ngày kết thúc."))
            if end < start:
                raise ValidationError(_("Ngày kết thúc phải sau ngày bắt đầu."))
            if (end - start).days > MAX_DAYS:
                raise ValidationError(_("Kỳ báo cáo dài quá 5 năm."))
            data["period"] = between(start, end)
        elif kind and data.get("nam"):
            year, number = data["nam"], data.get("so")
            if kind in NUMBER_LIMITS and not (number and number <= NUMBER_LIMITS[kind]):
                raise ValidationError(
                    _("Hãy chọn số từ 1 đến %(n)s cho kỳ này.") % {"n": NUMBER_LIMITS[kind]}
                )
            build = {"thang": month, "quy": quarter, "6-thang": half}.get(kind)
            data["period"] = build(year, number) if build else whole_year(year)
        return data
