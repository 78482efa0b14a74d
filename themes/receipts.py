"""Is the banner showing on each targeted site? Found out, not assumed (issue 6, item 4).

For every site a banner targets, the site's home page is rendered through the whole
request stack (host routing, the site's schema, templates, the banner lookup), exactly as a
citizen's request would be, and the HTML is searched for the banner's marker
(``data-banner="campaign-<id>"``). In-process rather than over HTTP: the server need not know
its own public address, and the answer is the same code path as a real page view.
"""

import io
from dataclasses import dataclass

from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import connection
from django.utils import translation

from tenants.models import Tenant


@dataclass
class Receipt:
    site: Tenant
    status: int | None
    showing: bool
    error: str = ""


_handler = None


def _get_handler() -> BaseHandler:
    global _handler  # noqa: PLW0603 - the middleware chain is built once per process
    if _handler is None:
        handler = BaseHandler()
        handler.load_middleware()
        _handler = handler
    return _handler


def render_home(tenant: Tenant) -> tuple[int, str]:
    """(status, html) of ``tenant``'s home page as an anonymous visitor gets it."""
    host = tenant.get_primary_domain().domain
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/",
        "QUERY_STRING": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "HTTP_HOST": host,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
    }
    previous = connection.tenant
    language = translation.get_language()
    try:
        response = _get_handler().get_response(WSGIRequest(environ))
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        return response.status_code, response.content.decode("utf-8", "replace")
    finally:
        connection.set_tenant(previous)
        translation.activate(language)


def receipts(banner) -> list[Receipt]:
    """One receipt per site the banner targets, from each site's rendered home page."""
    found = []
    marker = f'data-banner="{banner.marker}"'
    for site in banner.targeted_sites().order_by("name"):
        try:
            status, html = render_home(site)
        except Exception as error:  # noqa: BLE001 - one broken site must not hide the others
            found.append(Receipt(site, None, False, str(error)[:200]))
            continue
        found.append(Receipt(site, status, status == 200 and marker in html))
    return found
