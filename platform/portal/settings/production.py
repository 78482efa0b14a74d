"""Production: refuses to start without a secret key, allowed hosts or a database URL.

A government server must never fall back to a development key, accept any host, or start its
own embedded database by accident. The three are read before ``base`` is imported, so a
missing ``DATABASE_URL`` stops here instead of starting the embedded server.
"""

from portal.settings.env import env, env_bool, env_list

_SECRET_KEY = env("SECRET_KEY", required=True)
_ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", required=True)
env("DATABASE_URL", required=True)

from portal.settings.base import *  # noqa: E402, F403

SECRET_KEY = _SECRET_KEY
ALLOWED_HOSTS = _ALLOWED_HOSTS
DEBUG = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SECURE_CONTENT_TYPE_NOSNIFF = True
# With TLS (SECURE_COOKIES), plain-HTTP requests are redirected and browsers are told to use
# HTTPS only, for a year by default (HSTS_SECONDS=0 turns HSTS off, e.g. for a trial). Not
# preloaded: that is a request to the browser makers a province makes for its whole domain.
SECURE_SSL_REDIRECT = SESSION_COOKIE_SECURE
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = int(env("HSTS_SECONDS", "31536000" if SESSION_COOKIE_SECURE else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = False
SILENCED_SYSTEM_CHECKS = [
    "security.W019",  # X_FRAME_OPTIONS SAMEORIGIN: Wagtail's preview frames the site itself
    "security.W021",  # no HSTS preload: see above, a decision for the province (README)
]
# Files leave through nginx: Django checks the site and the document's privacy, then answers
# with X-Accel-Redirect to nginx's internal location (docker/nginx.conf). PORTAL_SENDFILE=django
# streams them from Django instead, for a server without our nginx in front.
if env("PORTAL_SENDFILE", "nginx") == "nginx":
    SENDFILE_BACKEND = "portal.sendfile_nginx"
    SENDFILE_URL = "/_protected_media/"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview needs same-origin frames
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}
