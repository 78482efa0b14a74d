"""Routes each request to its site's schema by host name, and turns away sites not in service."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django_tenants.middleware.main import TenantMainMiddleware

from tenants.models import Tenant

# What a citizen sees instead of a site that is not in service, and the HTTP status for it.
_UNAVAILABLE = {
    Tenant.Status.SUSPENDED: (503, "tenants/site_suspended.html"),
    Tenant.Status.ARCHIVED: (410, "tenants/site_archived.html"),
}


def _notice(status: int, template: str, context: dict) -> HttpResponse:
    response = HttpResponse(render_to_string(template, context), status=status)
    if status == 503:
        response["Retry-After"] = "3600"
    return response


class SiteMiddleware(TenantMainMiddleware):
    """django-tenants' routing plus Vietnamese answers for unknown, suspended and archived sites."""

    def process_request(self, request):
        response = super().process_request(request)
        if response is not None:
            return response
        unavailable = _UNAVAILABLE.get(request.tenant.status)
        if unavailable:
            status, template = unavailable
            return _notice(status, template, {"tenant": request.tenant})
        return None

    def no_tenant_found(self, request, hostname):
        return _notice(404, "tenants/site_not_found.html", {"hostname": hostname})
