"""Fixtures of the site blueprint's tests."""

import pytest

from tenants.models import Tenant
from tenants.services import create_site


@pytest.fixture
def district(db, demo_network):
    return demo_network["dakdoa"]


@pytest.fixture
def commune(district):
    """A commune created in the test (rolled back with it)."""
    return create_site(
        name="Xã Ia Pết",
        slug="iapet",
        kind=Tenant.Kind.COMMUNE,
        parent=district,
        chief_email="truongban.iapet@gialai.gov.vn",
    ).tenant
