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
    """``tenants.middleware.SiteMiddleware`` with its domain lookup remembered."""

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
