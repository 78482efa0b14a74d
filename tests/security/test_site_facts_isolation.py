"""What one site's worker remembers of its routes and restrictions (serving.site_facts) never
answers for another site: two sites with the same address each serve their own page, and an
address remembered on one site is a 404 on a site that has no such page (issue 19)."""

import pytest

from tests import factories
from tests.conftest import site_client


@pytest.fixture
def sites(db, demo_network, cached, settings):
    settings.PORTAL_PAGE_CACHE = False  # only the remembered facts stand in between
    parent = demo_network["dakdoa"]
    first, second, third = (factories.commune(parent, f"Xã Cùng Đường {n}") for n in "ABC")
    factories.news(first, "Họp dân cuối năm", lead="Bản tin của xã thứ nhất.")
    factories.news(second, "Họp dân cuối năm", lead="Bản tin của xã thứ hai.")
    return first, second, third


def test_the_same_address_on_two_sites_serves_each_sites_own_page(sites):
    first, second, third = sites
    path = "/tin-tuc/hop-dan-cuoi-nam/"
    for _ in range(2):
        assert "xã thứ nhất" in site_client(first).get(path).content.decode()
        assert "xã thứ hai" in site_client(second).get(path).content.decode()
        assert site_client(third).get(path).status_code == 404


def test_a_restriction_on_one_site_does_not_hide_the_others_pages(sites):
    from django_tenants.utils import schema_context
    from wagtail.models import Page, PageViewRestriction

    first, second, _ = sites
    path = "/tin-tuc/hop-dan-cuoi-nam/"
    with schema_context(first.schema_name):
        PageViewRestriction.objects.create(
            page=Page.objects.get(slug="hop-dan-cuoi-nam"),
            restriction_type=PageViewRestriction.LOGIN,
        )
    assert site_client(first).get(path).status_code == 302  # to the login
    assert "xã thứ hai" in site_client(second).get(path).content.decode()
    assert "Họp dân cuối năm" in site_client(second).get("/tin-tuc/").content.decode()
    assert "Họp dân cuối năm" not in site_client(first).get("/tin-tuc/").content.decode()
