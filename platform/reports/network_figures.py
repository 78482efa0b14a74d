"""The network report (issue 9, part 3): the board report's main figures for every member
site of a parent portal, side by side, with the network total.

All figures of all sites come from one SQL statement: a ``UNION ALL`` with one row per member
schema, each figure a scalar subquery on that schema's tables. Visits and compliance scores
are network-wide tables of the public schema, one grouped query each. So the report costs
three queries whatever the size of the network (170 sites: see bench/reports.py).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Count, Sum

from content.models import DocumentPage, NewsPage, Question
from editorial.models import BoardSettings, RoyaltyLine
from ratings.models import Rating
from reports.board import local_bounds
from reports.periods import Period

DEFAULT_TARGET = BoardSettings._meta.get_field("monthly_target").default


@dataclass
class SiteFigures:
    """One member site's line of the network report."""

    tenant: object
    items: int = 0
    documents: int = 0
    questions_received: int = 0
    questions_answered: int = 0
    royalties: int = 0
    visits: int = 0
    monthly_target: int = DEFAULT_TARGET
    months: int = 1
    score: int | None = None
    # Pages the parent pushed down in the period and this site's receipts (issue 18).
    pushed_down: int = 0
    published_down: int = 0
    declined_down: int = 0
    # Satisfaction ratings in the period (F8, issue 20): how many, and their mean on 1–5.
    ratings: int = 0
    rating_average: float | None = None

    @property
    def quota(self) -> int:
        return self.monthly_target * self.months

    @property
    def below_quota(self) -> bool:
        return self.items < self.quota

    @property
    def pending_down(self) -> int:
        return self.pushed_down - self.published_down - self.declined_down


SUMMED = ("items", "documents", "questions_received", "questions_answered", "royalties", "visits")
SORT_KEYS = {"name", "score", "quota", *SUMMED}


def _site_select(schema: str) -> str:
    q = connection.ops.quote_name(schema)
    page, locale = f"{q}.wagtailcore_page", f"{q}.wagtailcore_locale"
    published = (
        f"JOIN {page} p ON p.id = x.page_ptr_id JOIN {locale} l ON l.id = p.locale_id"
        " WHERE p.live AND p.first_published_at >= %(low)s AND p.first_published_at < %(high)s"
        " AND l.language_code = %(language)s"
    )
    question = f"{q}.{Question._meta.db_table}"
    return (
        f"SELECT {_literal(schema)},"  # noqa: S608 - schema names are quoted
        f" (SELECT count(*) FROM {q}.{NewsPage._meta.db_table} x {published}),"
        f" (SELECT count(*) FROM {q}.{DocumentPage._meta.db_table} x {published}),"
        f" (SELECT count(*) FROM {question} WHERE submitted_at >= %(low)s"
        " AND submitted_at < %(high)s),"
        f" (SELECT count(*) FROM {question} WHERE status = %(answered)s"
        " AND answered_at >= %(low)s AND answered_at < %(high)s),"
        f" (SELECT coalesce(sum(amount), 0) FROM {q}.{RoyaltyLine._meta.db_table}"
        " WHERE created_at >= %(low)s AND created_at < %(high)s),"
        f" (SELECT monthly_target FROM {q}.{BoardSettings._meta.db_table} LIMIT 1),"
        f" (SELECT count(*) FROM {q}.{Rating._meta.db_table} WHERE day BETWEEN %(first)s"
        " AND %(last)s),"
        f" (SELECT avg((interface + content + quality + support) / 4.0)"
        f" FROM {q}.{Rating._meta.db_table} WHERE day BETWEEN %(first)s AND %(last)s)"
    )


def _literal(schema: str) -> str:
    return "'" + schema.replace("'", "''") + "'"


def network_report(members, period: Period, ruleset: str | None = None) -> list[SiteFigures]:
    """Figures of every site in ``members`` (Tenant objects) over ``period``."""
    from reports.network.models import ComplianceSnapshot, DailyVisit

    members = list(members)
    if not members:
        return []
    low, high = local_bounds(period.start, period.end)
    params = {
        "low": low,
        "high": high,
        "language": settings.LANGUAGE_CODE,
        "answered": Question.Status.ANSWERED.value,
        "first": period.start,
        "last": period.end,
    }
    by_schema = {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(_site_select(m.schema_name) for m in members), params)
        for schema, *values in cursor.fetchall():
            by_schema[schema] = values
    visits = dict(
        DailyVisit.objects.filter(tenant__in=members, day__gte=period.start, day__lte=period.end)
        .values_list("tenant")
        .annotate(v=Sum("views"))
        .order_by()
    )
    scores = {}
    if ruleset:
        scores = dict(
            ComplianceSnapshot.objects.filter(tenant__in=members, ruleset=ruleset).values_list(
                "tenant", "score"
            )
        )
    pushed = _pushed_down(members, low, high)
    months = len(period.months())
    rows = []
    for member in members:
        items, documents, received, answered, royalties, target, rated, average = by_schema[
            member.schema_name
        ]
        rows.append(
            SiteFigures(
                tenant=member,
                items=items,
                documents=documents,
                questions_received=received,
                questions_answered=answered,
                royalties=int(royalties),
                visits=visits.get(member.pk, 0),
                monthly_target=DEFAULT_TARGET if target is None else target,
                months=months,
                score=scores.get(member.pk),
                ratings=rated,
                rating_average=None if average is None else round(float(average), 2),
                **pushed.get(member.pk, {}),
            )
        )
    return rows


def _pushed_down(members, low, high) -> dict[int, dict[str, int]]:
    """Per site: receipts of pages pushed down in the period, published, declined."""
    from exchange.network.models import Receipt

    receipts = Receipt.objects.filter(
        site__in=members, dispatch__sent_at__gte=low, dispatch__sent_at__lt=high
    )
    found: dict[int, dict[str, int]] = {}
    for site_id, state, n in receipts.values_list("site", "state").annotate(n=Count("pk")):
        figures = found.setdefault(site_id, {"pushed_down": 0})
        figures["pushed_down"] += n
        if state == Receipt.State.PUBLISHED:
            figures["published_down"] = n
        elif state == Receipt.State.DECLINED:
            figures["declined_down"] = n
    return found


def network_total(rows: list[SiteFigures]) -> dict[str, int]:
    """The network's line: the sum of the sites' lines."""
    return {name: sum(getattr(row, name) for row in rows) for name in SUMMED} | {
        "quota": sum(row.quota for row in rows)
    }


def sort_rows(rows: list[SiteFigures], key: str, descending: bool) -> list[SiteFigures]:
    if key not in SORT_KEYS:
        key = "name"
    if key == "name":
        return sorted(rows, key=lambda r: r.tenant.name, reverse=descending)
    known = [r for r in rows if getattr(r, key) is not None]
    unknown = [r for r in rows if getattr(r, key) is None]  # no score yet: always last
    return sorted(known, key=lambda r: getattr(r, key), reverse=descending) + unknown
