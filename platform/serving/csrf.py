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
from django.middleware.csrf import CsrfViewMiddleware

TOKEN_ONLY_PREFIXES = ("/admin/", "/ho-tro/", "/_util/")


def _same_host(request, url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    if parts.scheme != request.scheme:
        return False
    return parts.netloc.lower() == request.get_host().lower()


class OriginCsrfViewMiddleware(CsrfViewMiddleware):
    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            request.method not in ("GET", "HEAD", "OPTIONS", "TRACE")
            and not request.path_info.startswith(TOKEN_ONLY_PREFIXES)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            source = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER", "")
            if source and source != "null" and _same_host(request, source):
                return self._accept(request)
        return super().process_view(request, callback, callback_args, callback_kwargs)
