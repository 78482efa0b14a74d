"""Scheduling planned stops: a board for its own site, the network console for its network."""

from django.contrib import messages
from django.db import connection
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maintenance.access import board_required
from maintenance.forms import NetworkWindowForm, WindowForm
from maintenance.models import MaintenanceWindow
from tenants.access import network_admin_required


def _actor(request) -> str:
    return f"{request.user.get_username()}@{connection.tenant.slug}"


def _saved(request, window: MaintenanceWindow) -> None:
    text = _("Đã lên lịch tạm ngừng; thông báo hiện trên trang từ %(day)s.") % {
        "day": window.shows_from.strftime("%d/%m/%Y")
    }
    if window.force_majeure:
        text += " " + _("Lý do bất khả kháng đã được ghi lại.")
    messages.success(request, text)


@board_required
def board_windows(request):
    tenant = connection.tenant
    form = WindowForm(request.POST or None)
    form.instance.site, form.instance.scheduled_by = tenant, _actor(request)
    if request.method == "POST" and form.is_valid():
        _saved(request, form.save())
        return HttpResponseRedirect(reverse("maintenance_board:list"))
    windows = MaintenanceWindow.for_site(tenant).order_by("-starts_at")
    return TemplateResponse(
        request,
        "maintenance/windows.html",
        {
            "form": form,
            "windows": windows,
            "tenant": tenant,
            "delete_view": "maintenance_board:delete",
        },
    )


@require_POST
@board_required
def board_delete(request, pk):
    window = get_object_or_404(
        MaintenanceWindow, pk=pk, site=connection.tenant, whole_network=False
    )
    window.delete()
    messages.success(request, _("Đã hủy lịch tạm ngừng."))
    return HttpResponseRedirect(reverse("maintenance_board:list"))


def _network_windows(parent):
    return MaintenanceWindow.objects.filter(
        site__in=[parent, *parent.members.all()]
    ).select_related("site")


@network_admin_required
def network_windows(request):
    parent = connection.tenant
    form = NetworkWindowForm(request.POST or None, parent=parent)
    form.instance.scheduled_by = _actor(request)
    if request.method == "POST" and form.is_valid():
        _saved(request, form.save())
        return HttpResponseRedirect(reverse("maintenance_network:list"))
    return TemplateResponse(
        request,
        "maintenance/windows.html",
        {
            "form": form,
            "windows": _network_windows(parent).order_by("-starts_at"),
            "tenant": parent,
            "network": True,
            "delete_view": "maintenance_network:delete",
        },
    )


@require_POST
@network_admin_required
def network_delete(request, pk):
    window = get_object_or_404(_network_windows(connection.tenant), pk=pk)
    window.delete()
    messages.success(request, _("Đã hủy lịch tạm ngừng."))
    return HttpResponseRedirect(reverse("maintenance_network:list"))
