"""Demo board data for ``seed_demo``: a royalty budget, unit quotas, the news section opened
to contributors. Idempotent; runs inside the site's schema after ``content.demo.populate_site``
(whose publications have already written their royalty lines)."""

from django.utils import timezone
from wagtail.models import Page

from content.models import ContributingUnit
from editorial.access import contributor_sections, set_contributor_sections
from editorial.models import RoyaltyBudget

DEMO_BUDGET = 24_000_000  # đồng a year: a commune's usual royalty budget
DEMO_UNIT_TARGETS = {"Văn phòng HĐND và UBND": 8, "Hội Nông dân": 2}


def populate_board() -> None:
    RoyaltyBudget.objects.get_or_create(
        year=timezone.localdate().year, defaults={"amount": DEMO_BUDGET}
    )
    for prefix, target in DEMO_UNIT_TARGETS.items():
        ContributingUnit.objects.filter(
            name__startswith=prefix, monthly_target__isnull=True
        ).update(monthly_target=target)
    news = Page.objects.filter(slug="tin-tuc", depth=3).first()
    if news is not None and not contributor_sections().exists():
        set_contributor_sections([news])
