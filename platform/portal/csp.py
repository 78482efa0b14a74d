"""Content-Security-Policy: a strict one for the pages citizens see, Wagtail's needs in the admin.

django-csp has one policy per project (``CONTENT_SECURITY_POLICY``); we bend it with the
subclassing hook it documents (``get_policy_parts``) because the two halves of a site differ:

- public pages run only our own files, and one inline ``<style>`` (the site's branding
  colours) allowed by its sha256 hash (``theme_tags.theme_head`` puts it on the request); no
  ``'unsafe-inline'`` and no nonce, so an injected ``<script>`` or ``onclick`` does not run
  and a page kept in the cache (serving/, issue 19) is the same for every visitor. A template
  that still reads ``request.csp_nonce`` gets it in the header, and its page is not cached;
- the Wagtail admin (``/admin/``, page previews included) still writes inline ``<script>``
  blocks (inline panels, date pickers, wagtail-localize's editor) and ``style`` attributes
  (image focal points, progress bars, Draftail), so it gets ``'unsafe-inline'`` for scripts
  and styles, and no nonce (a nonce would make browsers ignore ``'unsafe-inline'``). Every
  other source stays ``'self'``: no third-party requests from the admin either.

The one third party a public page may load is the national monitoring script (F20): its
origins (``PORTAL_MONITORING_ORIGINS``, the same list its snippet is validated against) are
added to ``script-src``, ``connect-src`` (its beacons) and ``img-src`` (its pixel), and no
other host is.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIX = "/admin/"


MONITORING_DIRECTIVES = ("script-src", "connect-src", "img-src")


def public_directives() -> dict:
    """The public pages' policy with the monitoring origins admitted where the script needs."""
    directives = dict(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    origins = [origin.rstrip("/") for origin in settings.PORTAL_MONITORING_ORIGINS]
    for name in MONITORING_DIRECTIVES:
        directives[name] = [*directives.get(name, ["'self'"]), *origins]
    return directives


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if not request.path_info.startswith(ADMIN_PREFIX):
            update = parts.update
            hashes = getattr(request, "csp_style_hashes", None)
            if hashes:
                update = dict(update or {})
                update["style-src"] = [f"'sha256-{digest}'" for digest in hashes]
            return PolicyParts(
                config=parts.config or public_directives(),
                update=update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return PolicyParts(config=settings.PORTAL_ADMIN_CSP, update=parts.update, nonce=None)
