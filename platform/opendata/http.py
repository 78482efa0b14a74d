"""What every answer of the API shares: JSON, CORS for reading, a limit per client.

CORS admits any origin, for GET, HEAD and OPTIONS only, and without credentials: the API
answers every caller alike (it never reads the session), so another site's page may read it
but can learn nothing a visitor could not.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse

from portal.clients import client_address

READ_METHODS = ("GET", "HEAD", "OPTIONS")
WINDOW_SECONDS = 60


def cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
    response["Access-Control-Max-Age"] = "86400"
    return response


def error(status: int, code: str, message: str, parameter: str | None = None) -> JsonResponse:
    body = {"error": {"code": code, "message": message}}
    if parameter:
        body["error"]["parameter"] = parameter
    return cors(JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False}))


def answer(body: dict) -> JsonResponse:
    return cors(JsonResponse(body, json_dumps_params={"ensure_ascii": False}))


def _over_limit(request) -> bool:
    """Fixed one-minute windows per client address, counted in the site's cache."""
    address = client_address(request) or "unknown"
    client = hashlib.sha256(f"{settings.SECRET_KEY}:opendata:{address}".encode()).hexdigest()
    key = f"opendata:rate:{client[:32]}:{int(time.time() // WINDOW_SECONDS)}"
    cache.add(key, 0, WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr: count this one as the first
        cache.set(key, 1, WINDOW_SECONDS + 5)
        count = 1
    return count > settings.OPENDATA_RATE_LIMIT


def api_view(view):
    """Read methods only, the preflight answered, the rate limit applied, CORS on every answer."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in READ_METHODS:
            response = error(405, "method_not_allowed", "API chỉ cho phép đọc (GET).")
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        if request.method == "OPTIONS":
            return cors(HttpResponse(status=204))
        if _over_limit(request):
            response = error(429, "rate_limited", "Quá nhiều yêu cầu; hãy thử lại sau một phút.")
            response["Retry-After"] = str(WINDOW_SECONDS)
            return response
        return view(request, *args, **kwargs)

    wrapped.csrf_exempt = True  # nothing is ever written; POST is refused above
    return wrapped
