"""Who is asking: the client's address as far as the platform can trust it."""

from django.conf import settings


def client_address(request) -> str | None:
    """The client's address (the question form's rate limit and the login throttle).

    ``PORTAL_BEHIND_PROXY`` counts the proxies of ours in front of the application that append
    to X-Forwarded-For: 1 for docker/nginx, 2 when a TLS terminator that appends stands in
    front of it. The client's address is the entry that many places from the end, the one our
    outermost proxy wrote: a client can prepend entries but not change that one. Without a
    proxy (0) the header is the client's own words and is ignored.
    """
    hops = int(settings.PORTAL_BEHIND_PROXY)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") if hops else ""
    entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    if not entries:
        return request.META.get("REMOTE_ADDR")
    return entries[-min(hops, len(entries))]
