"""Publishing refreshes nginx's copy of the pages that show the change (issue 19: publish → the
new item visible on the cached home page and section within a second, in the worst case).

nginx keeps a public page for a second or two and then serves the old copy once more while it
fetches the new one (docker/nginx.conf): a publish used to show after up to ~2.3 s. Now, once
the publishing transaction has committed, the app asks nginx for every address that shows the
page (the page, its sections up to the home page, the feed and the sitemap; the parent
portal's home page when it lists the site's news) with the header
``X-Portal-Refresh: <PORTAL_REFRESH_SECRET>``. nginx fetches each from the app, which reads the
generations afresh for anything nginx asks (``serving.pages``), and stores the answer in place
of the old copy: visitors see the new item once those few pages have rendered.

Wagtail's frame: ``NginxRefreshBackend`` is a ``wagtail.contrib.frontend_cache`` backend,
configured in ``WAGTAILFRONTENDCACHE`` when ``PORTAL_NGINX_URL`` and the secret are set, so
Wagtail's ``purge_*`` helpers drive it too. That app is not installed, though: its own signal
handlers go through the task queue (``purge_urls_from_cache_task``), which a worker polls once a
second and may be busy with a site import or a backup for minutes; publishing calls the backend
here, from the publishing process itself.

When, and with no thread (issue 21): in a request, once its response has been sent
(``request_finished``, which a sync gunicorn worker fires after writing the response), so the
pages rendered again do not compete for the CPU with the editor's own request. Each request is
sent and its connection closed at once: nginx finishes and stores a fetch whose asker has gone
(``proxy_ignore_client_abort on`` in docker/nginx.conf), so neither the editor nor the
editors' worker waits for the renders (waiting for them kept the worker from the next editor
for 0.1-0.9 s under load, bench/load.py). A refresh that nginx cannot take leaves the old copy
to expire within two seconds, as before, so nothing is queued or retried. Outside a request
(scheduled publishing in the task worker, a command) they go at the commit.
"""

import logging
import socket
import threading
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import transaction
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.network import concerns_member_news
from search.outbox import entries_applied

logger = logging.getLogger("serving.refresh")

HEADER = "X-Portal-Refresh"
# Names itself a robot: a refresh is not a visitor's view (reports.visits.is_bot).
USER_AGENT = "portal-refresh-bot"
# What a page shows lists of, besides its sections: cheap to render again.
SITE_PATHS = ("rss.xml", "sitemap.xml")
URI_SAFE = "/%:@!$&'()*+,;=?-._~"


class _State(threading.local):
    def __init__(self) -> None:
        self.in_request = False
        # Backend's key → (backend, URLs): asked for in a transaction not yet committed, and
        # committed but not yet sent (in a request, sent once its response has gone).
        self.pending: dict[tuple, tuple[NginxRefreshBackend, set[str]]] = {}
        self.ready: dict[tuple, tuple[NginxRefreshBackend, set[str]]] = {}


_state = _State()


class NginxRefreshBackend(BaseBackend):
    """Asks nginx (``LOCATION``, e.g. ``http://web``) to fetch and store each URL again.

    ``SECRET``: the value nginx expects in ``X-Portal-Refresh`` (``PORTAL_REFRESH_SECRET``);
    ``TIMEOUT``: seconds to connect and send each request (default 0.5: nginx is on the same
    host or network, and an unreachable one must not hold the editors' worker for long).
    """

    def __init__(self, params):
        super().__init__(params)
        location = urlsplit(params["LOCATION"])
        self.address = (location.hostname, location.port or 80)
        self.secret = params["SECRET"]
        self.timeout = float(params.get("TIMEOUT", 0.5))

    @property
    def key(self) -> tuple:
        return (self.address, self.secret)

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        """Each URL asked for again once the current transaction commits (at once outside one),
        in a request once its response has gone. (What a rolled-back transaction asked for goes
        with the next commit's: a needless refresh, no harm.)"""
        entry = _state.pending.setdefault(self.key, (self, set()))
        entry[1].update(urls)
        transaction.on_commit(_committed, robust=True)

    def ask(self, url: str) -> bool:
        """Sends the refresh request for ``url`` and leaves: nginx fetches and stores the page
        on its own. False when nginx could not be reached."""
        parts = urlsplit(url)
        # As a browser sends it (nginx's key is the request's URI): non-ASCII as UTF-8 escapes.
        path = quote(parts.path or "/", safe=URI_SAFE)
        if parts.query:
            path += "?" + quote(parts.query, safe=URI_SAFE)
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
            f"X-Forwarded-Proto: {parts.scheme or 'http'}\r\n{HEADER}: {self.secret}\r\n"
            f"User-Agent: {USER_AGENT}\r\nConnection: close\r\n\r\n"
        )
        try:
            with socket.create_connection(self.address, timeout=self.timeout) as connection:
                connection.sendall(request.encode("latin-1"))
        except OSError as error:
            logger.warning("nginx not refreshed for %s: %s", url, error)
            return False
        return True


def _committed() -> None:
    for key, (backend, urls) in _state.pending.items():
        _state.ready.setdefault(key, (backend, set()))[1].update(urls)
    _state.pending = {}
    if not _state.in_request:
        send_ready()


def send_ready() -> None:
    """Asks nginx for every committed URL. When one cannot reach nginx, the rest of that
    nginx's are not tried: each would wait as long, and the old copies expire on their own."""
    ready, _state.ready = _state.ready, {}
    for backend, urls in ready.values():
        for url in sorted(urls):
            if not backend.ask(url):
                break


def page_urls(page, *others) -> list[str]:
    """The addresses that show ``page`` (and the ``others``, e.g. a moved page's former
    parent): each one, its live sections up to the home page, the site's feed and sitemap."""

    class _UrlCache:  # Wagtail keeps the site's root paths on it across get_full_url calls
        pass

    cache = _UrlCache()
    urls: list[str] = []
    for one in (page, *others):
        chain = [*one.get_ancestors().live().filter(depth__gte=2), one]
        for each in chain:
            url = each.get_full_url(cache)
            if url and url not in urls:
                urls.append(url)
        home = chain[0].get_full_url(cache) if chain[0].depth == 2 else None
        if home:
            urls.extend(home + path for path in SITE_PATHS if home + path not in urls)
    return urls


def refresh(urls: list[str], backends: dict | None = None) -> None:
    """Hands ``urls`` to each configured backend that answers for their host names."""
    backends = get_backends() if backends is None else backends
    for backend in backends.values():
        mine = [url for url in urls if backend.invalidates_hostname(urlsplit(url).hostname)]
        if mine:
            backend.purge_batch(mine)


def _page_changed(sender, instance, **kwargs) -> None:
    backends = get_backends()  # none without PORTAL_NGINX_URL: no query, nothing sent
    if backends:
        refresh(page_urls(instance), backends)


def _page_moved(sender, instance, parent_page_before=None, **kwargs) -> None:
    backends = get_backends()
    if backends:
        others = [parent_page_before] if parent_page_before is not None else []
        refresh(page_urls(instance, *others), backends)


def parent_home_urls(site_ids: list[int]) -> list[str]:
    """The home pages of the parent portals of the sites ``site_ids`` (one query)."""
    from tenants.models import Domain

    scheme = "https" if settings.PORTAL_SITE_PORT == 443 else "http"
    domains = (
        Domain.objects.filter(is_primary=True, tenant__members__id__in=site_ids)
        .values_list("domain", flat=True)
        .distinct()
    )
    return [f"{scheme}://{domain}/" for domain in domains]


def _entries_applied(sender, events=(), **kwargs) -> None:
    """A member's news reached the index: its parent portal's home page lists it ("Tin từ các
    xã/phường"; ``serving.invalidation`` has bumped the parent's generation)."""
    backends = get_backends()
    if backends:
        sites = sorted({event.site_id for event in events if concerns_member_news(event)})
        if sites:
            refresh(parent_home_urls(sites), backends)


def _request_started(sender, **kwargs) -> None:
    _state.in_request = True


def _request_finished(sender, **kwargs) -> None:
    _state.in_request = False
    if _state.ready:
        send_ready()


def connect() -> None:
    """After ``serving.invalidation.connect()``: outside a transaction the generation must be
    bumped before nginx is asked."""
    page_published.connect(_page_changed, dispatch_uid="serving.refresh.published")
    page_unpublished.connect(_page_changed, dispatch_uid="serving.refresh.unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="serving.refresh.moved")
    entries_applied.connect(_entries_applied, dispatch_uid="serving.refresh.entries_applied")
    request_started.connect(_request_started, dispatch_uid="serving.refresh.request_started")
    request_finished.connect(_request_finished, dispatch_uid="serving.refresh.request_finished")
