"""Helpers of the serving tests: the caches switched on (the rest of the suite runs without
them), and clients of a site."""

import pytest
from django.core.cache import caches

from tests.themes.conftest import admin_client, network  # noqa: F401 - fixtures shared


@pytest.fixture
def cached(settings):
    """Page, fragment and host caches on, empty, and every process memory forgotten."""
    from serving import generations, hosts

    settings.PORTAL_PAGE_CACHE = True
    settings.PORTAL_FRAGMENT_CACHE = True
    settings.PORTAL_HOST_CACHE = True
    caches["pages"].clear()
    generations.forget()
    hosts.forget()
    yield
    caches["pages"].clear()
    generations.forget()
    hosts.forget()


__all__ = ["admin_client"]
