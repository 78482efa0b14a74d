"""Helpers of the serving tests: clients of a site (the ``cached`` fixture, which switches the
caches on, is in ``tests/conftest.py``)."""

from tests.themes.conftest import admin_client, network  # noqa: F401 - fixtures shared

__all__ = ["admin_client"]
