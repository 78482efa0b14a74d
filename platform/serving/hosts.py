"""The site of a host name, remembered by each process (issue 19: "caching the site lookup").

django-tenants looks the domain up in the database on every request. The answer changes only
when a site or a domain is saved, which bumps the network generation
(``serving.invalidation``): a remembered answer is kept while that generation stands.

Each gunicorn worker ends up serving most of the network, so what is kept per host is memory
that grows with the number of sites (issue 19's budget: 150 MB a worker after 1,000 sites).
Both maps are bounded least-recently-used: a host that has not been asked for in a while
is looked up again (one to three queries). What an entry keeps is the tenant, the Wagtail site
(with its root page, which every page needs) and the branding, and nothing of the request that
first looked them up: Wagtail hangs that request on the setting (``_request``), and with it its
environ, user, session and CSP nonce, kept alive for as long as the entry (~12 kB a site).
"""

from collections import OrderedDict

from django.conf import settings
from django_tenants.utils import get_public_schema_name

from serving import generations
from tenants.middleware import SiteMiddleware

# Hosts kept per process. A network of 3,300 sites spreads over several workers and its
# visitors favour a few hundred sites; a miss costs a few indexed queries. Above the 1,005
# sites of bench/serve.py, so that its memory figure is that of a cache that never evicted.
MAX_HOSTS = 2_000


class _Recent:
    """A mapping of at most ``MAX_HOSTS`` entries that drops the least recently used one."""

    def __init__(self) -> None:
        self._entries: OrderedDict = OrderedDict()

    def get(self, key):
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key, entry) -> None:
        self._entries[key] = entry
        self._entries.move_to_end(key)
        while len(self._entries) > MAX_HOSTS:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key) -> bool:
        return key in self._entries


_hosts = _Recent()  # host name -> (tenant, network generation)


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
        _hosts.put(hostname, (tenant, network))
        return tenant


def forget() -> None:
    _hosts.clear()
    _sites.clear()


_sites = _Recent()  # (schema, host with port) -> (site generations, Wagtail site, branding)


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
    if branding is not None:
        # Wagtail keeps the request on the setting to build page links; the branding links
        # no page, and a kept request would outlive its response for as long as the entry.
        branding.__dict__.pop("_request", None)
    _sites.put(key, (generation, site, branding))
