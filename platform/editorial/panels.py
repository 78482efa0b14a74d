"""Dashboard panels of the board: items awaiting the user's review, and quotas with delay."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Site, TaskState

from content.models import NewsPage
from editorial import stats


def waited_text(delta) -> str:
    hours = int(delta.total_seconds() // 3600)
    if hours < 1:
        return _("dưới 1 giờ")
    if hours < 48:
        return ngettext("%(n)d giờ", "%(n)d giờ", hours) % {"n": hours}
    return ngettext("%(n)d ngày", "%(n)d ngày", hours // 24) % {"n": hours // 24}


def awaiting_review(user) -> list[dict]:
    """Pages whose current task the user may approve: urgent items first, then the longest
    waiting (leaders' activities must be published the same day)."""
    now = timezone.now()
    states = (
        TaskState.objects.reviewable_by(user)
        .filter(workflow_state__base_content_type=ContentType.objects.get_for_model(Page))
        .select_related("workflow_state", "task")
        .order_by("started_at")
    )
    states = list(states)
    pages = Page.objects.filter(
        pk__in=[int(state.workflow_state.object_id) for state in states]
    ).specific()
    pages = {page.pk: page for page in pages}  # one query per page type, not per item
    items = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is None:
            continue
        items.append(
            {
                "page": page,
                "urgent": isinstance(page, NewsPage) and page.urgent,
                "task_name": state.task.name,
                "waited": now - state.started_at,
                "waited_text": waited_text(now - state.started_at),
            }
        )
    items.sort(key=lambda item: (not item["urgent"], -item["waited"].total_seconds()))
    return items


def _days(value: float | None) -> str | None:
    return None if value is None else f"{value:.1f}".removesuffix(".0").replace(".", ",")


class AwaitingReviewPanel(Component):
    name = "editorial_awaiting_review"
    template_name = "editorial/panels/awaiting_review.html"
    order = 50  # above Wagtail's own panels

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"items": self.items}


class QuotaPanel(Component):
    name = "editorial_quota"
    template_name = "editorial/panels/quota.html"
    order = 60

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        site = Site.find_for_request(self.request)
        quarter = stats.quarter_bounds(today)
        return {
            "today": today,
            "quarter": f"{(today.month - 1) // 3 + 1}/{today.year}",
            "rows": stats.quota_progress(today, site),
            "median_delay": _days(stats.median_delay_days(*quarter)),
        }
