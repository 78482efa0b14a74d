"""Fixtures of the tenants tests."""

import pytest


@pytest.fixture
def district(db, demo_network):
    """The demo network's parent portal (Huyện Đak Đoa)."""
    return demo_network["dakdoa"]
