"""``{% rating_widget %}``: the rating form of the current page (or of the site, off a page).

A plain HTML form, the same for every visitor (so a cached page serves it unchanged), posted
to ``ratings.views.rate``; no script, no style, no CSRF token (see the view).
"""

from django import template

from ratings.forms import RatingForm
from ratings.models import CRITERIA, SCALE

register = template.Library()


@register.inclusion_tag("ratings/widget.html", takes_context=True)
def rating_widget(context):
    page = context.get("page")
    # The home page's rating is the site's as a whole; elsewhere, the page's own.
    rateable = getattr(page, "live", False) and getattr(page, "depth", 0) > 2
    page_id = page.pk if rateable else None
    form = RatingForm(initial={"trang": page_id})
    return {
        "form": form,
        "page_id": page_id,
        "criteria": [(name, label, form[name]) for name, label in CRITERIA],
        "levels": range(SCALE[0], SCALE[1] + 1),
    }
