"""Counting the board's output: items first published per unit and period, and the delay
from an event to its publication. The dashboard, the quota reminder and the reports (issue 9)
all read these, so each figure has one definition.

An item counts in the period of its FIRST publication (``first_published_at``, in the site's
time zone), for the unit it is credited to; a withdrawn item no longer counts.
"""

import statistics
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from content.models import ContributingUnit, NewsPage
from editorial.models import BoardSettings


def month_bounds(day: date) -> tuple[date, date]:
    """First day of ``day``'s month, first day of the next month."""
    start = day.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1)
    return start, end


def quarter_bounds(day: date) -> tuple[date, date]:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
    return start, end


def period_bounds(kind: str, year: int, number: int = 1) -> tuple[date, date]:
    """``kind`` is "month" (number 1–12), "quarter" (1–4) or "year"; end is exclusive."""
    if kind == "month":
        return month_bounds(date(year, number, 1))
    if kind == "quarter":
        return quarter_bounds(date(year, 3 * number - 2, 1))
    return date(year, 1, 1), date(year + 1, 1, 1)


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def published_items(start: date, end: date):
    """Live news items first published in [start, end), in the site's main language: an
    item and its English translation are one item to a board."""
    return (
        NewsPage.objects.live()
        .filter(
            first_published_at__gte=_aware(start),
            first_published_at__lt=_aware(end),
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .order_by()  # Wagtail orders pages by path, which would split every GROUP BY
    )


def items_per_unit(start: date, end: date) -> dict[int | None, int]:
    """{unit id (None: no unit): items first published in [start, end)}."""
    rows = published_items(start, end).values("contributing_unit").annotate(n=Count("pk"))
    return {row["contributing_unit"]: row["n"] for row in rows}


def items_per_unit_per_month(year: int) -> dict[tuple[int | None, int], int]:
    """{(unit id, month 1–12): items first published that month of ``year``}."""
    start, end = period_bounds("year", year)
    rows = (
        published_items(start, end)
        .annotate(month=TruncMonth("first_published_at"))
        .values("contributing_unit", "month")
        .annotate(n=Count("pk"))
    )
    return {(row["contributing_unit"], row["month"].month): row["n"] for row in rows}


@dataclass
class UnitProgress:
    unit: ContributingUnit | None  # None: the whole site
    month_count: int
    month_target: int | None
    quarter_count: int
    quarter_target: int | None

    @property
    def behind_this_quarter(self) -> bool:
        return self.quarter_target is not None and self.quarter_count < self.quarter_target


def quota_progress(today: date, site=None) -> list[UnitProgress]:
    """This month's and this quarter's items for the site and for each unit, against targets
    (a unit's monthly target, times three for the quarter)."""
    month = items_per_unit(*month_bounds(today))
    quarter = items_per_unit(*quarter_bounds(today))
    site_target = BoardSettings.for_site(site).monthly_target if site else None
    rows = [
        UnitProgress(
            None,
            sum(month.values()),
            site_target,
            sum(quarter.values()),
            None if site_target is None else 3 * site_target,
        )
    ]
    for unit in ContributingUnit.objects.all():
        target = unit.monthly_target
        rows.append(
            UnitProgress(
                unit,
                month.get(unit.pk, 0),
                target,
                quarter.get(unit.pk, 0),
                None if target is None else 3 * target,
            )
        )
    return rows


def units_behind(start: date, end: date) -> list[tuple[ContributingUnit, int, int]]:
    """Units with a monthly target that published fewer items than target × months in
    [start, end) (a whole number of months): [(unit, items, target)]."""
    months = (end.year - start.year) * 12 + end.month - start.month
    counts = items_per_unit(start, end)
    behind = []
    for unit in ContributingUnit.objects.filter(monthly_target__isnull=False):
        target = unit.monthly_target * months
        if counts.get(unit.pk, 0) < target:
            behind.append((unit, counts.get(unit.pk, 0), target))
    return behind


def publication_delays(start: date, end: date) -> list[int]:
    """Days from event to first publication of the items first published in [start, end)
    that carry an event date."""
    rows = (
        published_items(start, end)
        .filter(event_date__isnull=False)
        .values_list("event_date", "first_published_at")
    )
    return [
        max((timezone.localtime(published).date() - event).days, 0) for event, published in rows
    ]


def median_delay_days(start: date, end: date) -> float | None:
    delays = publication_delays(start, end)
    return statistics.median(delays) if delays else None
