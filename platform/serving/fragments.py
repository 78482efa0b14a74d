"""Per-site fragments: what every page repeats (header and menu, footer, banners) rendered once
per site, language and theme, and reused until the site's or the network's generation moves
(issue 19, the query budget). ``{% cached_fragment "header" %}…{% end_cached_fragment %}``."""

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import get_language

from serving import generations

PREVIEW_PARAM = "giao-dien"


def enabled() -> bool:
    return getattr(settings, "PORTAL_FRAGMENT_CACHE", True)


def fragment_seconds() -> int:
    return getattr(settings, "PORTAL_FRAGMENT_CACHE_SECONDS", 600)


def fragment_key(request, name: str, extra: tuple = ()) -> str | None:
    """The key of fragment ``name`` for this request, or None when it must be rendered."""
    tenant = getattr(request, "tenant", None)
    if request is None or tenant is None or tenant.schema_name == "public":
        return None
    if PREVIEW_PARAM in request.GET or getattr(request, "theme_preview", False):
        return None
    theme = getattr(getattr(request, "theme", None), "key", "")
    parts = ":".join(str(part) for part in extra)
    where = generations.key_part(tenant.schema_name)
    return f"frag:{name}:{where}:{get_language()}:{theme}:{parts}"


def get(key: str):
    return caches["pages"].get(key)


def store(key: str, html: str, until: float | None) -> None:
    import time

    seconds = fragment_seconds()
    if until is not None:
        seconds = min(seconds, max(1, int(until - time.time())))
    caches["pages"].set(key, (html, until), seconds)
