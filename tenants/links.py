"""Absolute links the platform writes (console pages, e-mails, redirects), keeping the scheme
and port the network is reached on.

A member site is served by the same servers as its parent portal's console, so the address a
network administrator used for the console (its Host header, and the scheme as Django sees it
behind the proxy) tells the scheme and port of every site's public address. ``request.get_port``
would not do: behind nginx it is the application server's own port.
"""

from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


def public_port(request) -> int:
    """The port the visitor reached us on: the Host header's, else the scheme's default."""
    port = urlsplit(f"//{request.get_host()}").port
    return port or DEFAULT_PORTS[request.scheme]


def site_address(request, hostname: str, path: str = "/") -> str:
    """``scheme://hostname[:port]path`` with the scheme and port of ``request``."""
    port = public_port(request)
    netloc = hostname if port == DEFAULT_PORTS[request.scheme] else f"{hostname}:{port}"
    return f"{request.scheme}://{netloc}{path}"
