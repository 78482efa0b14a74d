"""The site of a host name, remembered by each process (issue 19: "caching the site lookup").

django-tenants looks the domain up in the database on every request. The answer changes only
when a site or a domain is saved, which bumps the network generation
(``serving.invalidation``): a remembered answer is kept while that generation stands.
"""

from django.conf import settings
from django_tenants.utils import get_public_schema_name

from serving import generations
from tenants.middleware import SiteMiddleware

_hosts: dict[str, tuple[object, int]] = {}
MAX_HOSTS = 20_000


class CachedSiteMiddleware(SiteMiddleware):
    """``tenants.middleware.SiteMiddleware`` with its domain lookup remembered, and the
    Wagtail site and branding of the host handed to the request (Wagtail reads them from
    ``request._wagtail_site`` and the setting's cache attribute), kept while the site's
    generation stands."""

    def process_request(self, request):
        response = super().process_request(request)
        if response is None and getattr(settings, "PORTAL_HOST_CACHE", True):
            _prefill_site(request)
        return response

    def get_tenant(self, domain_model, hostname):
        if not getattr(settings, "PORTAL_HOST_CACHE", True):
            return super().get_tenant(domain_model, hostname)
        network = generations.current(get_public_schema_name())[1]
        known = _hosts.get(hostname)
        if known is not None and known[1] == network:
            return known[0]
        tenant = super().get_tenant(domain_model, hostname)
        if len(_hosts) >= MAX_HOSTS:
            _hosts.clear()
        _hosts[hostname] = (tenant, network)
        return tenant


def forget() -> None:
    _hosts.clear()
    _sites.clear()


_sites: dict[tuple, tuple[tuple[int, int], object, object]] = {}


def _prefill_site(request) -> None:
    from wagtail.models import Site

    from themes.branding.models import SiteBranding

    schema = request.tenant.schema_name
    if schema == get_public_schema_name():
        return
    key = (schema, request.get_host())
    generation = generations.current(schema)
    known = _sites.get(key)
    attr = SiteBranding.get_cache_attr_name()
    if known is not None and known[0] == generation:
        request._wagtail_site = known[1]
        if known[2] is not None:
            setattr(request, attr, known[2])
        return
    site = Site.find_for_request(request)
    branding = SiteBranding.for_request(request) if site is not None else None
    if len(_sites) >= MAX_HOSTS:
        _sites.clear()
    _sites[key] = (generation, site, branding)
