"""Withdrawing (gỡ) a live item with a reason, through Wagtail's own unpublish view.

The confirmation page gets a required reason field; an unpublish without one is refused before
anything changes; the reason is then written to Wagtail's audit log as its own action, so the
page's history shows who withdrew it, when, and why, next to Wagtail's "Unpublished" entry.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter, log

WITHDRAW_ACTION = "editorial.withdraw"
REASON_MAX = 1000


def reason_from(request) -> str:
    return request.POST.get("reason", "").strip()[:REASON_MAX]


def refuse_without_reason(request, page):
    """``before_unpublish_page``: nothing is unpublished until a reason is given."""
    if not reason_from(request):
        messages.error(request, _("Cần ghi lý do gỡ tin trước khi gỡ."))
        return redirect(request.get_full_path())
    return None


def record_reason(request, page):
    """``after_unpublish_page``: the reason goes to the audit log (page history)."""
    log(
        instance=page,
        action=WITHDRAW_ACTION,
        user=request.user,
        data={"reason": reason_from(request)},
    )


def refuse_bulk_unpublish(request, action_type, objects, action):
    """``before_bulk_action``: a bulk unpublish would skip the reason; each item is withdrawn
    on its own confirmation page instead."""
    if action_type == "unpublish" and any(getattr(page, "live", False) for page in objects):
        messages.error(request, _("Hãy gỡ từng tin bài để ghi lý do gỡ."))
        if action.next_url and action.next_url != request.path:
            return redirect(action.next_url)
        return redirect("wagtailadmin_explore", objects[0].get_parent().pk)
    return None


class WithdrawFormatter(LogFormatter):
    label = gettext_lazy("Gỡ tin có lý do")

    def format_message(self, log_entry):
        return _("Gỡ tin. Lý do: %(reason)s") % {"reason": log_entry.data.get("reason", "")}
