"""Settings shared by every environment; ``production`` builds on these and adds its demands.

Tenancy is explicit here (DESIGN.md, decision 1): the public schema holds only what is
network-wide; each site's schema holds a complete Wagtail site of its own.
"""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE
from django.utils.functional import lazy

from portal.database import database_settings
from portal.settings.env import env, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parents[3]  # the repository root
PLATFORM_DIR = BASE_DIR / "platform"

SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-0f1c9a7e4b2d")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [".localhost", "localhost", "127.0.0.1", "testserver"])

# ---------------------------------------------------------------------------------------------
# Tenancy (django-tenants): which apps live in the public schema, which in every site's schema.

SHARED_APPS = [
    # `tenants` comes before `django_tenants` so that its migrate/migrate_schemas commands,
    # which also migrate the clone template schema, take precedence over the stock ones.
    "tenants",
    "django_tenants",
    "django.contrib.contenttypes",
    "django.contrib.auth",  # platform operators (public schema)
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "themes",
    "search",  # the cross-site index and its outbox live in the public schema (issue 7)
    "reports.network",  # daily visit counters and compliance scores of every site (issue 9)
    "axes",  # login throttling; attempts keyed by site, in the public schema (tenants.throttling)
    "exchange.network",  # news sent up, pages sent down and their receipts (issue 18)
    "maintenance",  # planned stops of a site or a whole network: one row each (issue 20, F21)
    "tasks",  # background tasks: periodic runs, e-mail markers, progress (issue 21)
    "django_tasks",
    "django_tasks_db",  # the task queue and its results, one table for the whole network
    "serving",  # page and fragment caches and their generation counters (issue 19)
]

TENANT_APPS = [
    # Each site has its own users, groups, sessions: an editor of one site does not exist in
    # another (research/tenancy-prototype.md, P6).
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",  # feeds and the question form under their pages
    "wagtail.contrib.sitemaps",  # sitemap.xml (portal-requirements F10)
    "wagtail.contrib.table_block",  # tables in news bodies
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales; never install both
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "content",
    "editorial",
    "themes.branding",  # each site's branding and own banners; `themes` itself is network-wide
    "reports",  # visit settings and manual compliance results of the site (issue 9)
    "exchange",  # the boards' screens for sending up and down; its rows are public (issue 18)
    "ratings",  # anonymous satisfaction ratings of pages and of the site (F8, issue 20)
    "sitebuild",  # the site blueprint and the fingerprint it was built with
    "monitoring",  # the site's national monitoring code, EMC (issue 20, F20)
    "opendata",  # the read-only JSON API of the site's published content (issue 20, F18)
]

INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]

# Background work (issue 21): a queue in PostgreSQL, run by `manage.py db_worker`, each task in
# the schema of the site that enqueued it (tasks.backend); periodic jobs in tasks/periodic.py.
TASKS = {
    "default": {
        "BACKEND": "tasks.backend.SiteDatabaseBackend",
        "OPTIONS": {"MAX_ATTEMPTS": 5, "RETRY_SECONDS": 30},
    }
}

TENANT_MODEL = "tenants.Tenant"
TENANT_DOMAIN_MODEL = "tenants.Domain"
DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter"]

# New sites are cloned from a migrated template schema, never migrated one by one
# (12.7 s by migrations against ~0.9 s by clone). `migrate` keeps the template current.
TENANT_BASE_SCHEMA = "_template"
TENANT_CREATION_FAKES_MIGRATIONS = True
TENANT_LIMIT_SET_CALLS = True  # one SET search_path per request instead of one per query
# Clones of the template kept ready, so creating a site renames one instead of cloning
# (tenants.spares). `migrate` fills the pool; each creation refills it in the background.
SPARE_SCHEMAS = int(env("PORTAL_SPARE_SCHEMAS", "3"))
# What goes inside a site (page tree, board, lists, chief): `tenants` asks this module only
# (tenants/building.py), so it imports no content app.
PORTAL_SITE_BUILDER = "sitebuild.builder"

ROOT_URLCONF = "portal.urls_tenants"
PUBLIC_SCHEMA_URLCONF = "portal.urls_public"
WSGI_APPLICATION = "portal.wsgi.application"

MIDDLEWARE = [
    # First: picks the site's schema from the host name (tenants.middleware), remembered.
    "serving.hosts.CachedSiteMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Anonymous pages from the cache, before sessions and templates (serving.pages, issue 19).
    "serving.pages.PageCacheMiddleware",
    "portal.csp.SiteCSPMiddleware",  # Content-Security-Policy, public and admin (issue 14)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "serving.csrf.OriginCheckMiddleware",  # public forms work from cached pages (by Origin)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "themes.middleware.ThemePreviewMiddleware",  # theme previews are never cached (issue 6)
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into its page (tenants.throttling)
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# ---------------------------------------------------------------------------------------------
# Database: DATABASE_URL, or an embedded PostgreSQL in var/postgres (DESIGN.md, decision 3).

DATABASES = {
    "default": database_settings(
        env("DATABASE_URL"), BASE_DIR / "var" / "postgres", env("DATABASE_NAME", "portal")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------------------------------------
# Caches. Every alias is tenant-aware: Wagtail caches each site's root paths and locales under
# fixed keys, so a shared key makes one site's links point into another (prototype, P1).

_TENANT_KEYS = {
    "KEY_FUNCTION": "django_tenants.cache.make_key",
    "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
}
_REDIS_URL = env("REDIS_URL")


def _cache(name: str) -> dict:
    if _REDIS_URL:
        backend = {"BACKEND": "portal.redis_cache.RedisCache", "LOCATION": _REDIS_URL}
    else:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}
    return {**backend, **_TENANT_KEYS, "KEY_PREFIX": name}


CACHES = {"default": _cache("default"), "renditions": _cache("renditions")}
# Page-view counters waiting for `flush_visits` (reports): their own alias, so that the
# in-process cache's culling (300 entries by default) never drops a count.
CACHES["visits"] = _cache("visits")
if not _REDIS_URL:  # a file cache: the worker that flushes them sees the web process's counts
    CACHES["visits"].update(
        BACKEND="django.core.cache.backends.filebased.FileBasedCache",
        LOCATION=str(BASE_DIR / "var" / "visits-cache"),
        OPTIONS={"MAX_ENTRIES": 1_000_000},
    )
# Whole anonymous pages and the fragments every page repeats (serving/, issue 19). Keys carry
# the site's schema and the generations that publishing and settings bump.
CACHES["pages"] = _cache("pages")
if not _REDIS_URL:
    CACHES["pages"]["OPTIONS"] = {"MAX_ENTRIES": 3000}
PORTAL_PAGE_CACHE = env_bool("PORTAL_PAGE_CACHE", True)
PORTAL_PAGE_CACHE_SECONDS = int(env("PORTAL_PAGE_CACHE_SECONDS", "300"))
PORTAL_FRAGMENT_CACHE = env_bool("PORTAL_FRAGMENT_CACHE", True)
PORTAL_HOST_CACHE = True
# Each site's routes, view restrictions and filter choices, remembered per process while the
# site's generation stands (serving.site_facts).
PORTAL_SITE_FACTS = True
# How long a process trusts the generations it read (serving.generations): the time a change
# takes to reach every worker when gunicorn answers visitors itself (what nginx fetches reads
# them afresh). 0.5 s: one more small indexed query per worker and site a second, no cost
# measurable in bench/serve.py's django mode (1.0 s: 619-665 req/s, 0.5 s: 668-698, busy machine).
PORTAL_GENERATION_SECONDS = float(env("PORTAL_GENERATION_SECONDS", "0.5"))
PORTAL_NGINX_CACHE_SECONDS = 1
# nginx in front (docker/compose.yaml): publishing asks it to fetch and store again the pages
# that show the change (serving.refresh), with the secret its config expects in the header
# X-Portal-Refresh. Both unset (development, tests): nothing is sent.
PORTAL_NGINX_URL = env("PORTAL_NGINX_URL", "")
PORTAL_REFRESH_SECRET = env("PORTAL_REFRESH_SECRET", "")
if PORTAL_NGINX_URL and PORTAL_REFRESH_SECRET:
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "serving.refresh.NginxRefreshBackend",
            "LOCATION": PORTAL_NGINX_URL,
            "SECRET": PORTAL_REFRESH_SECRET,
        }
    }
# Where nginx writes the views it served from its cache (docker/nginx.conf); counted every
# minute by the worker (serving.tasks).
PORTAL_NGINX_VIEWS_LOG = env("PORTAL_NGINX_VIEWS_LOG", "/var/log/portal/cached_views.log")

# ---------------------------------------------------------------------------------------------
# Files. Media are stored per site: media/<schema>/... (prototype, P8).

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Archives of one site each (tenants/backup.py: manage.py backup_site / restore_site).
PORTAL_BACKUP_DIR = Path(env("PORTAL_BACKUP_DIR", str(BASE_DIR / "var" / "backups")))
MULTITENANT_RELATIVE_MEDIA_ROOT = "%s"
STORAGES = {
    "default": {"BACKEND": "django_tenants.files.storage.TenantFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Files are served only on their own site's host (portal.media); documents only through
# Wagtail's /documents/<id>/<name> view, which checks the collection's privacy first. The bytes
# go out through SENDFILE_BACKEND (production: nginx's X-Accel-Redirect; else Django streams).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644

# ---------------------------------------------------------------------------------------------
# Language and time: Vietnamese first, English second (DESIGN.md, decision 6).

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
FORMAT_MODULE_PATH = ["portal.formats"]
USE_TZ = True
# Every direct subfolder of locale/ is one catalogue (ours and the Wagtail ones we complete).
LOCALE_PATHS = sorted(path for path in (BASE_DIR / "locale").glob("*") if path.is_dir())

WAGTAIL_I18N_ENABLED = True
# Dates as Vietnamese offices write them (DESIGN.md, decision 6), in the editor too.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# The locales screen names content languages from here, to Vietnamese boards.
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "Tiếng Anh")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# ---------------------------------------------------------------------------------------------
# Wagtail


def _current_site_title() -> str:
    """The title of the site being served: Wagtail shows WAGTAIL_SITE_NAME on the dashboard
    and in its e-mails wherever a user's pages are not a Wagtail Site's root (a board's rights
    start at the tree's root), and one fixed name told every commune it was the portal."""
    from django.db import connection

    return getattr(getattr(connection, "tenant", None), "site_title", "Cổng thông tin điện tử")


WAGTAIL_SITE_NAME = lazy(_current_site_title, str)()
# Public URLs without diacritics (GLOSSARY.md): the editor transliterates "Tin tức" → tin-tuc.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# Wagtail's per-site search (the admin's page search), folding diacritics like the cross-site
# search does: "dak doa" finds "Đak Đoa" (issue 7). PostgreSQL only, as is the platform.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_backend"}}
# Only the files a government site publishes (issue 4): documents, spreadsheets, audio, video.
# Each kind has its own size limit and its content is checked (content.forms.check_upload);
# the overall limit below is the largest of them (MP4).
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "mp3", "mp4"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "content.forms.PortalDocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Broken images and decompression bombs are form errors (content.image_uploads, issue 14). 40
# megapixels (a 7,700 × 5,200 photo) is more than any page shows, and bounds the memory an
# upload's check decodes into (Wagtail's default is 128 megapixels).
WAGTAILIMAGES_IMAGE_FORM_BASE = "content.image_uploads.PortalImageForm"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no call home from a government server
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILADMIN_USER_LOGIN_FORM = "portal.admin_forms.LoginForm"
# No third-party request from the admin: avatars are Wagtail's initials, not gravatar.com
# (which would also learn a hash of each official's e-mail address).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# ---------------------------------------------------------------------------------------------
# The platform

# Host names of demo and newly created sites are <slug>.<PORTAL_BASE_DOMAIN>.
PORTAL_BASE_DOMAIN = env("PORTAL_BASE_DOMAIN", "localhost")
# Port of the sites' public addresses, used in links the platform sends (443 means https).
PORTAL_SITE_PORT = int(env("PORTAL_SITE_PORT", "80"))
# Only behind our own proxies is X-Forwarded-For the client's address (public forms' limits):
# how many of them append to it (1: docker/nginx; 2: a TLS terminator in front of nginx).
PORTAL_BEHIND_PROXY = int(env("PORTAL_BEHIND_PROXY", "0"))
PORTAL_DEMO_PASSWORD = env("PORTAL_DEMO_PASSWORD", "demo-portal-2026")

# Cross-site search (issue 7, search/). With ELASTICSEARCH_URL the index lives in Elasticsearch
# and a worker (`drain_search_outbox`) feeds it; without, in a PostgreSQL table of the public
# schema, updated in the publishing transaction itself.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
SEARCH_BACKEND = "elasticsearch" if ELASTICSEARCH_URL else "postgres"
# Names the Elasticsearch index and alias, so several deployments can share one cluster.
SEARCH_DEPLOYMENT = env("SEARCH_DEPLOYMENT", "portal")
# Archived sites stay out of search unless the network chooses to show them (marked as such).
SEARCH_SHOW_ARCHIVED = env_bool("SEARCH_SHOW_ARCHIVED", False)
# An outbox event refused alone this many times is parked for a network administrator
# (search.outbox), so it no longer holds up the rest of the network's indexing.
SEARCH_OUTBOX_MAX_ATTEMPTS = int(env("SEARCH_OUTBOX_MAX_ATTEMPTS", "8"))
# The contract tests fail instead of skipping the Elasticsearch backend when this is set (CI).
CI_REQUIRE_ES = env_bool("CI_REQUIRE_ES", False)

# ---------------------------------------------------------------------------------------------
# Logins (issue 14): throttled per site, user name and client address (tenants.throttling).

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out client
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "tenants.throttling.site_username"
AXES_CLIENT_IP_CALLABLE = "tenants.throttling.client_ip"
AXES_LOCKOUT_CALLABLE = "tenants.throttling.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # no record of successful logins' addresses
AXES_ENABLE_ADMIN = False  # no Django admin here; the console lists and lifts lockouts
AXES_VERBOSE = False

# The national monitoring snippet (F20, monitoring.snippet): the only origins its <script src>
# may come from, admitted by the public pages' CSP (portal.csp) and by nothing else. EMC is the
# Ministry's "Hệ thống giám sát, đo lường mức độ cung cấp và sử dụng dịch vụ Chính phủ số"
# (TT 22/2023, NĐ 224 art. 12); its address is the one in the snippet the system issues each
# site [to confirm with the snippet the province receives; a successor platform's origin is
# added here, comma-separated, without a code change].
PORTAL_MONITORING_ORIGINS = env_list("PORTAL_MONITORING_ORIGINS", ["https://emc.gov.vn"])

# Open data (F18, opendata): requests per client and minute to a site's JSON API.
OPENDATA_RATE_LIMIT = int(env("OPENDATA_RATE_LIMIT", "120"))

# Content-Security-Policy (django-csp, portal.csp). Public pages: our own files only, inline
# blocks only with the request's nonce; video embeds (any oEmbed provider Wagtail accepts) in
# frames over https. The admin: the same, plus the inline scripts and styles Wagtail writes.
_CSP_COMMON = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "media-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],  # Wagtail's preview frames the site in its own admin
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "frame-src": ["'self'", "https:"],
    }
}
PORTAL_ADMIN_CSP = {
    **_CSP_COMMON,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],  # image previews before an upload is sent
    "frame-src": ["'self'", "https:"],  # embed previews in the editor
}

# argon2id at our parameters (portal.passwords); the PBKDF2 hashers after it still verify the
# passwords set before, which are rewritten as argon2id at their owner's next login.
PASSWORD_HASHERS = [
    "portal.passwords.PortalArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "no-reply@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
