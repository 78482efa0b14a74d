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


class WithdrawFormatter(LogFormatter):
    label = gettext_lazy("Gỡ tin có lý do")

    def format_message(self, log_entry):
        return _("Gỡ tin. Lý do: %(reason)s") % {"reason": log_entry.data.get("reason", "")}
