"""Parked search events on the network console, beside the failed background tasks.

An outbox event the index refused ``SEARCH_OUTBOX_MAX_ATTEMPTS`` times is parked
(``search.outbox``): the rest of the network's indexing goes on without it, and the page it
carries stays out of (or, for a removal, in) the search until someone looks. A network
administrator sees the parked events of the portal's own sites, with the error, and sends them
back to the queue once the cause is fixed (a mapping corrected, a page edited). Another
network's events are neither shown nor retried.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from search import outbox
from tenants.access import can_manage_network, network_admin_required


def _sites(request) -> dict:
    sites = [request.tenant, *request.tenant.members.all()]
    return {site.pk: site for site in sites}


def _rows(request) -> list[dict]:
    sites = _sites(request)
    rows = outbox.parked(list(sites))
    for row in rows:
        row["site"] = sites.get(row["site_id"])
        row["error"] = (row["last_error"].strip().splitlines() or [""])[-1]
    return rows


@network_admin_required
def parked_list(request):
    return TemplateResponse(
        request,
        "search/console/parked.html",
        {"rows": _rows(request), "max": outbox.max_attempts()},
    )


@require_POST
@network_admin_required
def parked_retry(request):
    """Send the chosen parked events (or all of the network's) back to the queue."""
    from search.tasks import deliver_outbox

    sites = list(_sites(request))
    chosen = [int(i) for i in request.POST.getlist("event") if i.isdigit()]
    if not chosen:
        chosen = [row["id"] for row in outbox.parked(sites)]
    count = outbox.unpark(chosen, sites)
    if count:
        deliver_outbox.enqueue()
        messages.success(
            request, _("Đã đưa %(count)s thay đổi trở lại hàng đợi tìm kiếm.") % {"count": count}
        )
    else:
        messages.info(request, _("Không có thay đổi nào bị tạm dừng."))
    return HttpResponseRedirect(reverse("search_console:parked"))


def task_panel(request) -> str:
    """The summary shown on the console's background-task screen."""
    if not can_manage_network(request):
        return ""
    return render_to_string(
        "search/console/parked_panel.html",
        {"rows": _rows(request), "url": reverse("search_console:parked")},
        request=request,
    )
