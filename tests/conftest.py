"""Test set-up on a real PostgreSQL.

pytest-django creates the test database with ``migrate``, which (ours) migrates the public
schema and the clone template once per session. Sites are then cloned from the template: the
demo network once per session (committed, read by many tests), and any site a test creates
inside that test's transaction, which rolls back with it — schema and all, since PostgreSQL
DDL is transactional.
"""

import io
import os
import shutil
import threading

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client

from tenants.models import Tenant


def pytest_collection_modifyitems(items):
    """A test that reaches the database only through the demo network or the live server
    still gets pytest-django's test database (it creates only the ones tests ask for) and a
    transaction rolled back after it; without this, such a test alone would run against the
    development database."""
    for item in items:
        uses_data = {"demo_network", "site_server"} & set(getattr(item, "fixturenames", ()))
        if uses_data and not item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.django_db)


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def refuse_browser_skip(item, report) -> None:
    """Under ``CI=true`` a browser test that skipped (no chromium, no npm for axe-core) fails:
    CI installs both, so a skip there means the pages citizens see went unchecked."""
    if not (report.skipped and running_in_ci() and item.get_closest_marker("browser")):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
    report.outcome = "failed"
    report.longrepr = f"CI=true: a browser test may not be skipped ({reason})"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    refuse_browser_skip(item, outcome.get_result())


@pytest.fixture(autouse=True)
def _public_schema_between_tests():
    """A test that fails inside a site's schema must not leave the next test there."""
    yield
    if hasattr(connection, "set_schema_to_public"):
        connection.set_schema_to_public()


@pytest.fixture(scope="session", autouse=True)
def _clean_test_media():
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(scope="session")
def demo_network(django_db_setup, django_db_blocker) -> dict[str, Tenant]:
    """The demo network of ``seed_demo``, by slug. Tests must not change it."""
    with django_db_blocker.unblock():
        assert connection.settings_dict["NAME"].startswith("test_"), "not the test database"
        call_command("seed_demo", port=80, stdout=io.StringIO())
        return {tenant.slug: tenant for tenant in Tenant.objects.all()}


def site_client(tenant: Tenant, **defaults) -> Client:
    """A test client whose requests go to ``tenant`` by its host name."""
    return Client(HTTP_HOST=tenant.get_primary_domain().domain, **defaults)


@pytest.fixture(scope="session")
def site_server(demo_network):
    """A real HTTP server on the loopback for the browser tests; yields its port.

    The browser reaches each site as ``<slug>.localhost:<port>``: Chromium sends every
    ``*.localhost`` name to the loopback by itself. The server's threads open their own
    database connections, so they see only committed data (the demo network).
    """
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(StaticFilesHandler(WSGIHandler()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def cached(settings):
    """Page, fragment and host caches and the sites' facts on, empty, and every process memory
    forgotten."""
    from django.core.cache import caches

    from serving import generations, hosts, site_facts

    settings.PORTAL_PAGE_CACHE = True
    settings.PORTAL_FRAGMENT_CACHE = True
    settings.PORTAL_HOST_CACHE = True
    settings.PORTAL_SITE_FACTS = True

    def forget():
        caches["pages"].clear()
        generations.forget()
        hosts.forget()
        site_facts.forget()

    forget()
    yield
    forget()
