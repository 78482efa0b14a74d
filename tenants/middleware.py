"""Routes each request to its site's schema by host name, and applies the site's status.

- suspended: every path answers 503 with a Vietnamese notice;
- archived: readable, with a notice on every page (``request.site_archived``), and any change
  (a POST, PUT, DELETE…) refused with 403, in the admin too;
- merged into another site: every path redirects to the same path on that site, so old links
  keep working;
- unknown host: 404 with a Vietnamese notice.
"""

from csp.utils import build_policy
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django_tenants.middleware.main import TenantMainMiddleware

from portal.csp import public_directives
from tenants.links import site_address
from tenants.models import Tenant

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def _notice(request, status: int, template: str, tenant=None, **context) -> HttpResponse:
    """The notice page (``tenants/notice.html``), with links home and to the parent portal,
    under the public pages' strict CSP: it is answered before the CSP middleware runs."""
    if tenant is not None:
        context["tenant"] = tenant
        context["home_url"] = "/"
        if tenant.parent_id and tenant.parent.status != Tenant.Status.SUSPENDED:
            parent_domain = tenant.parent.get_primary_domain()
            if parent_domain is not None:
                context["parent_url"] = site_address(request, parent_domain.domain)
    response = HttpResponse(render_to_string(template, context), status=status)
    response["Content-Security-Policy"] = build_policy(config=public_directives())
    if status == 503:
        response["Retry-After"] = "3600"
    return response


class SiteMiddleware(TenantMainMiddleware):
    """django-tenants' routing plus what a site's status means for a request."""

    def get_tenant(self, domain_model, hostname):
        domain = domain_model.objects.select_related("tenant__merged_into").get(domain=hostname)
        return domain.tenant

    def process_request(self, request):
        response = super().process_request(request)
        if response is not None:
            return response
        tenant = request.tenant
        request.site_archived = tenant.status == Tenant.Status.ARCHIVED
        if tenant.merged_into_id:
            # Same scheme, port and path on the site that took it over: /tin-tuc/ → /tin-tuc/.
            target = tenant.merged_into.get_primary_domain().domain
            return HttpResponsePermanentRedirect(
                site_address(request, target, request.get_full_path())
            )
        if tenant.status == Tenant.Status.SUSPENDED:
            return _notice(request, 503, "tenants/site_suspended.html", tenant)
        if request.site_archived and request.method not in SAFE_METHODS:
            return _notice(request, 403, "tenants/site_archived.html", tenant)
        return None

    def no_tenant_found(self, request, hostname):
        return _notice(request, 404, "tenants/site_not_found.html", hostname=hostname)
