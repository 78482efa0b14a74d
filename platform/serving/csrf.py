"""CSRF protection that survives the page cache (issue 19).

A cached page cannot carry a per-visitor CSRF token, and a token would also set a cookie,
which makes the response personal and uncacheable. The public forms (questions, and any form
of a page a citizen fills in) are posted by anonymous visitors; for them the browser's
``Origin`` header is the proof that the post comes from the site's own page: every browser
in use sends it on a POST, and a page of another site cannot forge it. So a POST outside the
admin, from a visitor without a session, is accepted when its ``Origin`` (or, without one,
its ``Referer``) is this very host; everything else (the admin, logged-in users, posts with
neither header) goes through Django's full token check.
"""

from urllib.parse import urlsplit

from django.conf import settings

TOKEN_ONLY_PREFIXES = ("/admin/", "/ho-tro/", "/_util/")


def _same_host(request, url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    if parts.scheme != request.scheme:
        return False
    return parts.netloc.lower() == request.get_host().lower()


class OriginCheckMiddleware:
    """Placed just before Django's ``CsrfViewMiddleware``: a qualifying POST is marked as
    checked (``_dont_enforce_csrf_checks``, the flag Django's middleware honours); any other
    request meets Django's full check unchanged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD", "OPTIONS", "TRACE")
            and not request.path_info.startswith(TOKEN_ONLY_PREFIXES)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            source = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER", "")
            if source and source != "null" and _same_host(request, source):
                request._dont_enforce_csrf_checks = True
        return self.get_response(request)
