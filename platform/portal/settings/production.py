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
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview needs same-origin frames
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}
