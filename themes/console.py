"""The network console's theme and campaign-banner screens (issue 6), in the parent portal's
admin, for its network administrators only (``tenants.access.can_manage_network``).

- "Giao diện mạng lưới": pick the theme and version of the whole network; preview links
  for every site of the network (signed, no login needed on the member site).
- "Băng rôn tuyên truyền": create, edit, withdraw campaign banners; each banner's page shows,
  per targeted site, whether it is showing — from the site's rendered home page.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tenants.access import network_admin_required
from tenants.models import Tenant
from themes import registry, theming
from themes.forms import CampaignBannerForm, NetworkThemeForm
from themes.models import CampaignBanner, NetworkTheme
from themes.receipts import receipts


def _actor(request) -> str:
    return f"{request.user.get_username()}@{request.tenant.slug}"


def _network(portal):
    return Tenant.objects.filter(Q(pk=portal.pk) | Q(parent=portal)).exclude(
        status=Tenant.Status.SUSPENDED
    )


def _site_url(request, site: Tenant) -> str:
    port = request.get_port()
    suffix = "" if port in ("80", "443") else f":{port}"
    return f"{request.scheme}://{site.get_primary_domain().domain}{suffix}/"


@network_admin_required
def network_theme(request):
    portal = request.tenant
    current = NetworkTheme.objects.filter(portal=portal).first()
    current_key = current.theme if current else registry.DEFAULT_KEY
    form = NetworkThemeForm(request.POST or None, initial={"theme": current_key})
    if request.method == "POST" and form.is_valid():
        NetworkTheme.objects.update_or_create(
            portal=portal,
            defaults={"theme": form.cleaned_data["theme"], "updated_by": _actor(request)},
        )
        theme = registry.find(form.cleaned_data["theme"])
        messages.success(
            request,
            _("Cả mạng lưới dùng giao diện %(name)s từ lượt xem tiếp theo.")
            % {"name": theme.label},
        )
        return HttpResponseRedirect(reverse("themes_console:theme"))
    previews = []
    for site in _network(portal).order_by("name"):
        links = [
            (
                theme,
                _site_url(request, site)
                + "?"
                + urlencode({theming.PREVIEW_PARAM: theming.preview_token(theme, site)}),
            )
            for theme in registry.THEMES
        ]
        previews.append((site, links))
    return TemplateResponse(
        request,
        "themes/console/theme.html",
        {
            "form": form,
            "current": registry.find(current_key),
            "record": current,
            "themes": registry.THEMES,
            "previews": previews,
        },
    )


@network_admin_required
def banner_list(request):
    banners = CampaignBanner.objects.filter(portal=request.tenant).prefetch_related("sites")
    now = timezone.now()
    rows = [(banner, banner.is_showing_at(now)) for banner in banners]
    return TemplateResponse(request, "themes/console/banner_list.html", {"rows": rows})


def _banner_form_view(request, banner=None):
    form = CampaignBannerForm(
        request.POST or None, request.FILES or None, instance=banner, portal=request.tenant
    )
    if request.method == "POST" and form.is_valid():
        banner = form.save(commit=False)
        if not banner.created_by:
            banner.created_by = _actor(request)
        banner.save()
        form.save_m2m()
        messages.success(request, _("Đã lưu băng rôn “%(title)s”.") % {"title": banner.title})
        return HttpResponseRedirect(reverse("themes_console:banner", args=[banner.pk]))
    return TemplateResponse(
        request, "themes/console/banner_form.html", {"form": form, "banner": banner}
    )


@network_admin_required
def banner_create(request):
    return _banner_form_view(request)


@network_admin_required
def banner_edit(request, pk):
    return _banner_form_view(
        request, get_object_or_404(CampaignBanner, pk=pk, portal=request.tenant)
    )


@network_admin_required
def banner_detail(request, pk):
    """The banner and its receipts: per targeted site, is it showing right now."""
    banner = get_object_or_404(CampaignBanner, pk=pk, portal=request.tenant)
    return TemplateResponse(
        request,
        "themes/console/banner_detail.html",
        {
            "banner": banner,
            "expected": banner.is_showing_at(),
            "receipts": receipts(banner),
            "checked_at": timezone.now(),
        },
    )


@require_POST
@network_admin_required
def banner_withdraw(request, pk):
    banner = get_object_or_404(CampaignBanner, pk=pk, portal=request.tenant)
    withdraw = request.POST.get("withdrawn", "1") == "1"
    # save(), not update(): its post_save clears every site's cached pages (serving/).
    banner.withdrawn = withdraw
    banner.save(update_fields=["withdrawn", "updated_at"])
    if withdraw:
        messages.success(request, _("Đã gỡ băng rôn khỏi mọi trang."))
    else:
        messages.success(request, _("Băng rôn hiện lại trong thời gian đã đặt."))
    return HttpResponseRedirect(reverse("themes_console:banner", args=[banner.pk]))
