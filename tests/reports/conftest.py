"""Fixtures of the reports tests: a fresh commune (inside the test's transaction), a logged-in
admin client, and helpers that publish items on known dates."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django_tenants.utils import schema_context

from content.skeleton import find_section
from tenants.models import Tenant
from tenants.services import create_site
from tests.conftest import site_client

PASSWORD = "demo-portal-2026"
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def network(db, demo_network):
    return {slug: Tenant.objects.get(pk=t.pk) for slug, t in demo_network.items()}


@pytest.fixture
def commune(network):
    """A new, empty commune of the demo district, gone with the test's transaction."""
    caches["visits"].clear()  # counters of an earlier test's site of the same schema name
    return create_site(
        name="Xã Thử Báo Cáo",
        slug="xabaocao",
        kind=Tenant.Kind.COMMUNE,
        domain="xabaocao.localhost",
        extra_domains=("xabaocao.gialai.gov.vn",),
        parent=network["dakdoa"],
        chief_email="truongban@xabaocao.gov.vn",
    ).tenant


def admin_client(tenant, username="baocao"):
    """A client logged in as a superuser of ``tenant``."""
    with schema_context(tenant.schema_name):
        user_model = get_user_model()
        if not user_model.objects.filter(username=username).exists():
            user_model.objects.create_superuser(username, f"{username}@example.vn", PASSWORD)
    client = site_client(tenant)
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def local(*args) -> datetime:
    return datetime(*args, tzinfo=ZONE)


def publish_item(title, published, unit=None, kind="tin", event_date=None, slug=None):
    """A live news item first published at ``published``, in the current schema's site."""
    from wagtail.models import Site

    from content.models import NewsPage

    home = Site.objects.get(is_default_site=True).root_page
    section = find_section(home, "news")
    page = NewsPage(
        title=title,
        slug=slug or f"tin-{NewsPage.objects.count() + 1}",
        kind=kind,
        contributing_unit=unit,
        event_date=event_date,
        date=published.date(),
        live=True,
        first_published_at=published,
        last_published_at=published,
    )
    section.add_child(instance=page)
    return page


def publish_document(parent, number, document_type, issuing_body, published, **fields):
    """A complete live document (all seven fields and a file) first published at ``published``."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from content.models import DocumentPage

    file = Document.objects.create(
        title=number, file=ContentFile(b"%PDF-1.4 thu", name=f"{number.replace('/', '-')}.pdf")
    )
    page = DocumentPage(
        title=f"Văn bản {number}",
        slug=number.replace("/", "-").lower().replace("đ", "d"),
        number=number,
        document_type=document_type,
        issuing_body=issuing_body,
        issue_date=published.date(),
        effective_date=published.date(),
        abstract="Trích yếu",
        file=file,
        live=True,
        first_published_at=published,
        **fields,
    )
    parent.add_child(instance=page)
    return page
