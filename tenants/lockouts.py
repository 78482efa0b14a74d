"""The console's "Đăng nhập bị khóa": a network administrator sees and lifts the login
lockouts (``tenants.throttling``) of the parent portal and its members, and no other site's."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from tenants import throttling
from tenants.console import network_admin_required


def _sites(request) -> dict[str, object]:
    sites = [request.tenant, *request.tenant.members.all()]
    return {site.schema_name: site for site in sites}


@network_admin_required
def lockout_list(request):
    sites = _sites(request)
    if request.method == "POST":
        schema = request.POST.get("schema", "")
        if schema not in sites:
            raise Http404
        username = request.POST.get("username") or None
        throttling.unlock(schema=schema, username=username)
        messages.success(
            request,
            _("Đã mở khóa đăng nhập của %(who)s trên %(site)s.")
            % {"who": username or _("mọi tài khoản"), "site": sites[schema]},
        )
        return HttpResponseRedirect(reverse("tenants_console:lockouts"))
    rows = [{**row, "site": sites[row["schema"]]} for row in throttling.lockouts(sites)]
    return TemplateResponse(request, "tenants/console/lockouts.html", {"rows": rows})
