"""Tests: the same PostgreSQL set-up as development, fast password hashing, no debug."""

from portal.settings.base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
PORTAL_BACKUP_DIR = BASE_DIR / "var" / "test-backups"  # noqa: F405
# Visit counters in the test process only; the tests flush them themselves (reports).
CACHES["visits"] = {  # noqa: F405
    **CACHES["visits"],  # noqa: F405
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "visits",
}
# No spare schemas, and so no thread cloning behind a test's back: tests/tenants/test_spares.py
# fills the pool itself.
SPARE_SCHEMAS = 0
# The suite always runs the PostgreSQL path; with ELASTICSEARCH_URL set, the contract tests
# (tests/search/test_contract.py) build their own Elasticsearch backend from it, in the same run.
SEARCH_BACKEND = "postgres"
# Tasks run at once, in the test's transaction; tests/tasks/ switch to the database backend
# and run a real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The page, fragment and host caches and the sites' facts (serving/) are switched on by the
# tests that check them (tests/serving/); elsewhere a test sees the database as it is, even
# after an update().
PORTAL_PAGE_CACHE = False
PORTAL_FRAGMENT_CACHE = False
PORTAL_HOST_CACHE = False
PORTAL_SITE_FACTS = False
PORTAL_GENERATION_SECONDS = 0
