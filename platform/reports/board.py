"""The board's periodic report of one site (issue 9, part 2): the figures the boards used to
count by hand, for any period, computed from the site's own tables.

Runs inside the site's schema (the admin request, or ``tenant_context``). Each figure is one
query (grouped where a table is needed), so the report's time does not grow with the number of
units or months, only mildly with the number of items. Items are counted at their first
publication (``first_published_at``), in the site's main language (a translation is the same
item, not a second one), and only while live.
"""

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from wagtail.models import Page, Site

from content.models import ContributingUnit, DocumentPage, NewsPage, Question
from editorial import stats
from editorial.models import BoardSettings, RoyaltyBudget, RoyaltyLine
from ratings.summary import RatingSummary, summarise
from reports import visits
from reports.periods import Period

NO_UNIT = "Không ghi đơn vị"


@dataclass
class UnitRow:
    """One line of the appendix: a unit's items in each month of the period and in total."""

    name: str
    counts: list[int]
    target: int | None = None

    @property
    def total(self) -> int:
        return sum(self.counts)

    def cells(self) -> list[tuple[int, bool]]:
        """Each month's count and whether it fell short of the unit's own quota."""
        return [(n, self.target is not None and n < self.target) for n in self.counts]


@dataclass
class QuotaMonth:
    month: date
    published: int
    target: int

    @property
    def met(self) -> bool:
        return self.published >= self.target


@dataclass
class BoardReport:
    site_title: str
    authority: str
    place: str
    period: Period
    months: list[date]
    items_by_kind: list[tuple[str, int]]
    documents_by_type: list[tuple[str, int]]
    questions_received: int
    questions_answered: int
    median_answer_days: float | int | None
    board_units: list[UnitRow]
    outside_units: list[UnitRow]
    unassigned: UnitRow | None
    monthly_target: int
    royalties_spent: int
    royalties_year_to_date: int
    royalty_budget: int | None
    budget_year: int
    delay_count: int
    delay_median_days: float | int | None
    delay_worst_days: int | None
    delay_worst_title: str
    visits_period: int
    visits_cumulative: int
    visits_by_month: list[int]
    top_pages: list[tuple[str, str, int]] = field(default_factory=list)
    # Publishing across levels (issue 18): items this site sent up, and those its parent
    # accepted; for a parent portal, items its members sent up and those it accepted.
    sent_up: int = 0
    accepted_up: int = 0
    # Satisfaction ratings of the site and its pages in the period (F8, issue 20).
    ratings: RatingSummary = field(default_factory=RatingSummary)

    @property
    def items_total(self) -> int:
        return sum(n for _, n in self.items_by_kind)

    @property
    def documents_total(self) -> int:
        return sum(n for _, n in self.documents_by_type)

    @property
    def outside_rows(self) -> list[UnitRow]:
        """The second group of the appendix, closed by items credited to no unit (if any)."""
        return self.outside_units + ([self.unassigned] if self.unassigned else [])

    @property
    def unit_rows(self) -> list[UnitRow]:
        return self.board_units + self.outside_rows

    @property
    def month_totals(self) -> list[int]:
        totals = [0] * len(self.months)
        for row in self.unit_rows:
            totals = [a + b for a, b in zip(totals, row.counts, strict=True)]
        return totals

    @property
    def grand_total(self) -> int:
        return sum(self.month_totals)

    @property
    def items_by_month(self) -> list[int]:
        return self.month_totals

    @property
    def quota(self) -> list[QuotaMonth]:
        return [
            QuotaMonth(m, n, self.monthly_target)
            for m, n in zip(self.months, self.month_totals, strict=True)
        ]

    @property
    def months_met(self) -> int:
        return sum(q.met for q in self.quota)

    @property
    def royalty_remaining(self) -> int | None:
        if self.royalty_budget is None:
            return None
        return self.royalty_budget - self.royalties_year_to_date


def median_days(values: list[float]) -> float | int | None:
    """The median to a tenth of a day, whole days shown without decimals."""
    if not values:
        return None
    middle = round(statistics.median(values), 1)
    return int(middle) if middle == int(middle) else middle


def local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The period as [first instant, instant after the last day) in the site's time zone."""
    zone = ZoneInfo(settings.TIME_ZONE)
    return (
        datetime.combine(start, time.min, zone),
        datetime.combine(end + timedelta(days=1), time.min, zone),
    )


def published_items(start: date, end: date):
    """The site's items first published in the period (both days included)."""
    return stats.published_items(start, end + timedelta(days=1))


def build_board_report(tenant, period: Period, site: Site | None = None) -> BoardReport:
    """Every figure of the report for ``tenant`` (the current schema) over ``period``."""
    site = site or Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    zone = ZoneInfo(settings.TIME_ZONE)
    months = period.months()
    index = {m: i for i, m in enumerate(months)}
    low, high = local_bounds(period.start, period.end)
    items = published_items(period.start, period.end)

    kinds = dict(items.values_list("kind").annotate(n=Count("pk")).order_by())
    items_by_kind = [(str(label), kinds.get(value, 0)) for value, label in NewsPage.Kind.choices]

    documents = (
        DocumentPage.objects.filter(
            live=True,
            first_published_at__gte=low,
            first_published_at__lt=high,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .values_list("document_type__name")
        .annotate(n=Count("pk"))
        .order_by("document_type__sort_order", "document_type__name")
    )
    documents_by_type = [(name or "Chưa phân loại", n) for name, n in documents]

    received = Question.objects.filter(submitted_at__gte=low, submitted_at__lt=high).count()
    answered = list(
        Question.objects.filter(
            status=Question.Status.ANSWERED, answered_at__gte=low, answered_at__lt=high
        ).values_list("submitted_at", "answered_at")
    )
    answer_days = [(a - s).total_seconds() / 86400 for s, a in answered]

    per_unit: dict[int | None, list[int]] = {}
    grouped = (
        items.annotate(month=TruncMonth("first_published_at", tzinfo=zone))
        .values_list("contributing_unit", "month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for unit_id, month_start, n in grouped:
        row = per_unit.setdefault(unit_id, [0] * len(months))
        row[index[month_start.astimezone(zone).date().replace(day=1)]] += n
    groups = {ContributingUnit.Group.BOARD: [], ContributingUnit.Group.OUTSIDE: []}
    for unit in ContributingUnit.objects.order_by("sort_order", "name"):
        counts = per_unit.get(unit.pk, [0] * len(months))
        groups.setdefault(unit.group, []).append(UnitRow(unit.name, counts, unit.monthly_target))
    unassigned = UnitRow(NO_UNIT, per_unit[None]) if None in per_unit else None

    royalty_lines = RoyaltyLine.objects.all()
    spent = royalty_lines.filter(created_at__gte=low, created_at__lt=high).aggregate(
        s=Sum("amount")
    )["s"]
    year_start, _ = local_bounds(date(period.end.year, 1, 1), period.end)
    year_to_date = royalty_lines.filter(created_at__gte=year_start, created_at__lt=high).aggregate(
        s=Sum("amount")
    )["s"]
    budget = RoyaltyBudget.objects.filter(year=period.end.year).first()

    delays = [
        ((published.astimezone(zone).date() - event).days, title)
        for event, published, title in items.filter(event_date__isnull=False).values_list(
            "event_date", "first_published_at", "title"
        )
    ]
    worst = max(delays, default=(None, ""))

    visits_by_month = [0] * len(months)
    if tenant is not None:
        from reports.network.models import DailyVisit, PageVisit

        daily = DailyVisit.objects.filter(tenant=tenant, day__gte=period.start, day__lte=period.end)
        for day, views in daily.values_list("day", "views"):
            visits_by_month[index[day.replace(day=1)]] += views
        top = list(
            PageVisit.objects.filter(tenant=tenant, day__gte=period.start, day__lte=period.end)
            .values_list("page_id")
            .annotate(v=Sum("views"))
            .order_by("-v")[:10]
        )
        pages = Page.objects.in_bulk([pk for pk, _ in top])
        top_pages = [(pages[pk].title, pages[pk].url, v) for pk, v in top if pk in pages]
        cumulative = visits.cumulative_visits(tenant, site, period.end)
    else:
        top_pages, cumulative = [], visits.starting_total(site)

    return BoardReport(
        site_title=tenant.site_title if tenant else site.site_name,
        authority=tenant.authority if tenant else "",
        place=tenant.name if tenant else "",
        period=period,
        months=months,
        items_by_kind=items_by_kind,
        documents_by_type=documents_by_type,
        questions_received=received,
        questions_answered=len(answered),
        median_answer_days=median_days(answer_days),
        board_units=groups[ContributingUnit.Group.BOARD],
        outside_units=groups[ContributingUnit.Group.OUTSIDE],
        unassigned=unassigned,
        monthly_target=BoardSettings.for_site(site).monthly_target,
        royalties_spent=spent or 0,
        royalties_year_to_date=year_to_date or 0,
        royalty_budget=budget.amount if budget else None,
        budget_year=period.end.year,
        delay_count=len(delays),
        delay_median_days=median_days([d for d, _ in delays]),
        delay_worst_days=worst[0],
        delay_worst_title=worst[1],
        visits_period=sum(visits_by_month),
        visits_cumulative=cumulative,
        visits_by_month=visits_by_month,
        top_pages=top_pages,
        **_sent_up(tenant, low, high),
        ratings=summarise(period.start, period.end),
    )


def _sent_up(tenant, low, high) -> dict[str, int]:
    """Items sent up in the period, and of those the ones accepted (public-schema rows)."""
    if tenant is None:
        return {}
    from django.db.models import Q

    from exchange.network.models import Submission

    side = Q(portal=tenant) if tenant.is_parent_portal else Q(source=tenant)
    sent = Submission.objects.filter(side, sent_at__gte=low, sent_at__lt=high)
    return {
        "sent_up": sent.count(),
        "accepted_up": sent.filter(state=Submission.State.ACCEPTED).count(),
    }
