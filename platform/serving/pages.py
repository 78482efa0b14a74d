"""The page cache for anonymous visitors (issue 19, part 2).

A whole response (status, headers, body, and a gzip copy) is kept in the ``pages`` cache alias
under a key made of the site's schema, its generation and the network's (so publishing or a
settings change makes it unreachable at once, ``serving.generations``), the language, the host
and the full path. It sits right after the site's routing in ``MIDDLEWARE``, so a hit costs
no session, no template and, usually, no query at all.

Only what is the same for every visitor is kept: a GET from a visitor without a session
cookie, answered 200 with no cookie set, no ``private``/``no-store``, no CSP nonce used
(``portal.csp``: public pages need none) and no theme preview. The admin, previews, documents
and media are never looked at. A form with errors answers a POST, which is never cached.

The parameters that sharing adds to a link (``fbclid``, ``utm_*``, Zalo's ``zarsrc``…) are
dropped from an anonymous GET before anything reads it: they never change the page, and a news
item shared widely would otherwise miss the cache on every click, each with its own parameter.
nginx keys its cache the same way (docker/nginx.conf).

A hit is still a page view: ``reports.visits.record_view`` is called with the page the entry
was rendered for, exactly as Wagtail's ``before_serve_page`` hook counts a rendered page.
"""

import gzip
import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, QueryDict
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language_from_path
from django_tenants.utils import get_public_schema_name

from reports import visits
from serving import generations

SKIPPED_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/", "/ho-tro/", "/_util/")
PREVIEW_PARAM = "giao-dien"
SEARCH_PREFIX = "/tim-kiem/"
# Keep in step with the ``$page_cache_uri`` map of docker/nginx.conf.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "zarsrc", "igshid", "ttclid", "_gl"}
)
KEPT_HEADERS_SKIP = {"set-cookie", "date", "vary", "etag", "last-modified", "cache-control"}


@dataclass(frozen=True)
class _ServedPage:
    """What ``record_view`` reads of a page: its id."""

    pk: int


def enabled() -> bool:
    return getattr(settings, "PORTAL_PAGE_CACHE", True)


def page_seconds() -> int:
    return getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 300)


def is_cacheable_request(request) -> bool:
    tenant = getattr(request, "tenant", None)
    return (
        request.method in ("GET", "HEAD")
        and tenant is not None
        and tenant.schema_name != get_public_schema_name()
        and not request.path_info.startswith(SKIPPED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES  # a flash message waits for this visitor
        and PREVIEW_PARAM not in request.GET
        and "HTTP_AUTHORIZATION" not in request.META
    )


def is_tracking(name: str) -> bool:
    return name in TRACKING_PARAMS or name.startswith("utm_")


def drop_tracking_params(request) -> None:
    """Serve ``/tin-tuc/x/?fbclid=…`` as ``/tin-tuc/x/``: same page, same cache entry."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    kept = [part for part in query.split("&") if not is_tracking(part.split("=", 1)[0])]
    if len(kept) < len(query.split("&")):
        request.META["QUERY_STRING"] = "&".join(kept)
        request.GET = QueryDict(request.META["QUERY_STRING"])


def cache_key(request) -> str:
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    where = hashlib.md5(  # noqa: S324 - a key, not a secret
        f"{request.scheme}|{request.get_host()}|{request.get_full_path()}".encode()
    ).hexdigest()
    return f"page:{generations.key_part(request.tenant.schema_name)}:{language}:{where}"


def is_cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False  # a nonce is for one response only
    user = getattr(request, "_cached_user", None)
    return not (user is not None and user.is_authenticated)


def _public_headers(response, etag: str, modified: float, seconds: int) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    # Browsers keep the page but ask again each time (a 304 when unchanged); nginx keeps it
    # for its micro-cache seconds (docker/nginx.conf), Django's cache until a change.
    # (s-maxage, not X-Accel-Expires alone: nginx reads Cache-Control first, and a bare
    # max-age=0 there makes the response uncacheable whatever follows.)
    response["Cache-Control"] = f"public, max-age=0, s-maxage={seconds}, must-revalidate"


def _from_entry(request, entry: dict) -> HttpResponse:
    gzipped = entry.get("gzip") is not None and "gzip" in request.META.get(
        "HTTP_ACCEPT_ENCODING", ""
    )
    response = HttpResponse(entry["gzip"] if gzipped else entry["body"], status=200)
    for name, value in entry["headers"]:
        response[name] = value
    if gzipped:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    _public_headers(response, entry["etag"], entry["modified"], nginx_seconds())
    response["X-Page-Cache"] = "hit"
    return response


def nginx_seconds() -> int:
    return getattr(settings, "PORTAL_NGINX_CACHE_SECONDS", 1)


class PageCacheMiddleware:
    """Answers anonymous GETs from the ``pages`` cache; stores what may be shared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        drop_tracking_params(request)
        if not enabled():
            return self.get_response(request)
        if "HTTP_X_PORTAL_FRESH_GENERATION" in request.META:
            # nginx will share this answer for a second or two (docker/nginx.conf): it must not
            # be one this worker's remembered generation still calls current.
            generations.current(request.tenant.schema_name, fresh=True)
        key = cache_key(request)
        entry = caches["pages"].get(key)
        if entry is not None:
            if entry.get("page_id"):
                visits.record_view(request, _ServedPage(entry["page_id"]))
            response = _from_entry(request, entry)
            return get_conditional_response(
                request,
                etag=entry["etag"],
                last_modified=int(entry["modified"]),
                response=response,
            )
        response = self.get_response(request)
        if request.method != "GET" or not is_cacheable_response(request, response):
            return response
        self._store(request, response, key)
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=int(time.time()),
            response=response,
        )

    def _store(self, request, response, key: str) -> None:
        now = time.time()
        seconds = page_seconds()
        if request.path_info.startswith(SEARCH_PREFIX):
            # Results come from every site of the network: no site's generation covers them,
            # so they are shared only briefly (a burst of the same query), never longer.
            seconds = min(seconds, getattr(settings, "PORTAL_SEARCH_CACHE_SECONDS", 1))
        until = getattr(request, "cache_until", None)
        if until is not None:
            seconds = min(seconds, max(1, int(until - now)))
        body = response.content
        page_id = getattr(request, "served_page_id", None)
        if page_id:
            # nginx logs it for the views it serves itself (count_cached_views).
            response["X-Page-Id"] = str(page_id)
        etag = '"' + hashlib.md5(body).hexdigest() + '"'  # noqa: S324 - a validator
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
        vary = [v for v in vary if v.lower() != "cookie"]  # only cookie-less requests get here
        if vary:
            response["Vary"] = ", ".join(vary)
        elif response.has_header("Vary"):
            del response["Vary"]
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in KEPT_HEADERS_SKIP and name.lower() != "content-length"
        ]
        if vary:
            headers.append(("Vary", response["Vary"]))
        entry = {
            "body": body,
            "gzip": gzip.compress(body, 6, mtime=0) if len(body) > 1024 else None,
            "headers": headers,
            "etag": etag,
            "modified": now,
            "page_id": page_id,
        }
        caches["pages"].set(key, entry, seconds)
        _public_headers(response, etag, now, nginx_seconds())
        response["X-Page-Cache"] = "miss"
