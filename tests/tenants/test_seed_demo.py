"""The demo network: created by the first README command, complete, and safe to re-run."""

import io

from django.core.management import call_command
from django_tenants.utils import schema_context

from tenants.models import Tenant
from tests.conftest import site_client


def _pages_per_site():
    from wagtail.models import Page

    counts = {}
    for tenant in Tenant.objects.all():
        with schema_context(tenant.schema_name):
            counts[tenant.slug] = Page.objects.count()
    return counts


def test_demo_has_a_parent_portal_and_at_least_three_communes(db, demo_network):
    parent = demo_network["dakdoa"]
    communes = [t for t in demo_network.values() if t.parent_id == parent.pk]
    assert parent.kind == Tenant.Kind.DISTRICT
    assert parent.site_title == "Cổng thông tin điện tử huyện Đak Đoa"
    assert len(communes) >= 3
    assert "Trang thông tin điện tử xã Ia Băng" in {c.site_title for c in communes}


def test_seeding_again_changes_nothing_and_prints_addresses_and_logins(db, demo_network):
    before = _pages_per_site()
    out = io.StringIO()
    call_command("seed_demo", port=8000, stdout=out)
    assert _pages_per_site() == before
    printed = out.getvalue()
    assert "http://dakdoa.localhost:8000/" in printed
    assert "http://iabang.localhost:8000/admin/" in printed
    assert "admin / demo-portal-2026" in printed


def test_every_page_the_demo_created_answers_200_on_its_site(db, demo_network):
    from wagtail.models import Page

    for tenant in demo_network.values():
        with schema_context(tenant.schema_name):
            paths = [page.url for page in Page.objects.live().filter(depth__gte=2).specific()]
        assert len(paths) >= 2
        client = site_client(tenant)
        for path in paths:
            assert client.get(path).status_code == 200, (tenant.slug, path)
