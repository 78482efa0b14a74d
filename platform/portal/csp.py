"""Content-Security-Policy: a strict one for the pages citizens see, Wagtail's needs in the admin.

django-csp has one policy per project (``CONTENT_SECURITY_POLICY``); we bend it with the
subclassing hook it documents (``get_policy_parts``) because the two halves of a site differ:

- public pages run only our own files and two tiny inline scripts (text size, high contrast)
  and one inline ``<style>`` (the site's branding colours), which carry the request's nonce;
  no ``'unsafe-inline'``, so an injected ``<script>`` or ``onclick`` does not run;
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
            return PolicyParts(
                config=parts.config or public_directives(),
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return PolicyParts(config=settings.PORTAL_ADMIN_CSP, update=parts.update, nonce=None)
