"""Helpers of the theme tests: fresh copies of the demo sites, logged-in admin clients."""

import pytest

from tenants.models import Tenant
from tests.conftest import site_client

PASSWORD = "demo-portal-2026"


@pytest.fixture
def network(db, demo_network):
    """The demo sites, with no network theme or campaign banner left by another test (a
    browser test's are committed; this test's transaction removes them, then rolls back)."""
    from themes.models import CampaignBanner, NetworkTheme

    CampaignBanner.objects.all().delete()
    NetworkTheme.objects.all().delete()
    return {slug: Tenant.objects.get(pk=t.pk) for slug, t in demo_network.items()}


def admin_client(tenant):
    """The demo ``admin`` (a superuser of that site only) logged into ``tenant``."""
    client = site_client(tenant)
    response = client.post("/admin/login/", {"username": "admin", "password": PASSWORD})
    assert response.status_code == 302, "the demo admin should log into its own site"
    return client


def home(tenant) -> str:
    response = site_client(tenant).get("/")
    assert response.status_code == 200
    return response.content.decode()
