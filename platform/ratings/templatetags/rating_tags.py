"""``{% rating_widget %}``: the rating form of the current page (or of the site, off a page).

A plain HTML form, the same for every visitor (so a cached page serves it unchanged), posted
to ``ratings.views.rate``; no script, no style, no CSRF token (see the view).
"""

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from ratings.models import CRITERIA, SCALE

register = template.Library()


@register.inclusion_tag("ratings/widget.html", takes_context=True)
def rating_widget(context):
    page = context.get("page")
    # The home page's rating is the site's as a whole; elsewhere, the page's own.
    rateable = getattr(page, "live", False) and getattr(page, "depth", 0) > 2
    return {
        "page_id": page.pk if rateable else None,
        "criteria_html": criteria_html(get_language()),
    }


@lru_cache(maxsize=16)
def criteria_html(language: str) -> str:
    """The radio buttons of every criterion: the same on every page of every site in one
    language, and most of the widget's cost, so rendered once per language per process."""
    return render_to_string(
        "ratings/criteria.html",
        {"criteria": CRITERIA, "levels": range(SCALE[0], SCALE[1] + 1)},
    )
