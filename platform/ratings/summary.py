"""What the board report shows of the ratings (F8): the site's averages per criterion over a
period, and the pages rated, most ratings first. Runs in the site's schema."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Avg, Count, F
from wagtail.models import Page

from ratings.models import CRITERIA, Rating

OVERALL = (F("interface") + F("content") + F("quality") + F("support")) / 4.0


@dataclass
class RatedPage:
    title: str
    url: str
    count: int
    overall: float


@dataclass
class RatingSummary:
    count: int = 0
    site_count: int = 0  # of the site as a whole (from its home page)
    overall: float | None = None
    criteria: list[tuple[str, float | None]] = field(default_factory=list)
    pages: list[RatedPage] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


def summarise(start: date, end: date, *, pages: int = 20, comments: int = 20) -> RatingSummary:
    ratings = Rating.objects.filter(day__gte=start, day__lte=end)
    figures = ratings.aggregate(
        count=Count("pk"),
        overall=Avg(OVERALL),
        **{name: Avg(name) for name, _label in CRITERIA},
    )
    per_page = list(
        ratings.filter(page__isnull=False)
        .values("page")
        .annotate(n=Count("pk"), overall=Avg(OVERALL))
        .order_by("-n", "page")[:pages]
    )
    found = Page.objects.in_bulk([row["page"] for row in per_page])
    return RatingSummary(
        count=figures["count"],
        site_count=ratings.filter(page__isnull=True).count(),
        overall=_round(figures["overall"]),
        criteria=[(str(label), _round(figures[name])) for name, label in CRITERIA],
        pages=[
            RatedPage(
                found[r["page"]].title, found[r["page"]].url or "", r["n"], _round(r["overall"])
            )
            for r in per_page
            if r["page"] in found
        ],
        comments=list(
            ratings.exclude(comment="")
            .order_by("-day", "-pk")
            .values_list("comment", flat=True)[:comments]
        ),
    )


def _round(value) -> float | None:
    return None if value is None else round(float(value), 2)
