"""Who is asking: the client's address as far as the platform can trust it."""

from django.conf import settings


def client_address(request) -> str | None:
    """The client's address (the question form's rate limit and the login throttle).

    Behind the production proxy (``PORTAL_BEHIND_PROXY``) the address is the last hop of
    X-Forwarded-For, the one nginx appends: a client can prepend entries but not change that
    one. Without a proxy the header is the client's own words and is ignored.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") if settings.PORTAL_BEHIND_PROXY else ""
    return forwarded.split(",")[-1].strip() if forwarded else request.META.get("REMOTE_ADDR")
