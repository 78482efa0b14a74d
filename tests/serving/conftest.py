"""Helpers of the serving tests: the caches switched on (the rest of the suite runs without
them), and clients of a site."""

import pytest
from django.core.cache import caches

from tests.themes.conftest import admin_client, network  # noqa: F401 - fixtures shared


@pytest.fixture
def cached(settings):
    """Page, fragment and host caches and the sites' facts on, empty, and every process memory
    forgotten."""
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


__all__ = ["admin_client"]
