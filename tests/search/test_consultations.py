"""Drafts under consultation in the network index (C17, F7): found by the cross-site search
as their own kind, and listed on the parent portal while open, from every member site."""

import pytest
from django.utils.html import strip_tags
from django_tenants.utils import schema_context

from tests import factories
from tests.conftest import site_client
from tests.content.test_consultations import close, publish_draft

PORTAL_LIST = "/lay-y-kien-du-thao/"


@pytest.fixture
def commune(db, demo_network):
    # A name of its own per test: the indexer remembers a schema's site id (search.indexing).
    return factories.commune(demo_network["dakdoa"])


def test_an_open_draft_of_a_member_is_listed_on_the_parent_portal_until_it_closes(
    commune, demo_network
):
    draft = publish_draft(commune, title="Dự thảo quy chế chợ phiên Góp Ý")
    portal = site_client(demo_network["dakdoa"])
    page = portal.get(PORTAL_LIST).content.decode()
    assert "Dự thảo đang lấy ý kiến trên các trang thành viên" in page
    assert "Dự thảo quy chế chợ phiên Góp Ý" in page and commune.name in page
    assert f"http://{commune.get_primary_domain().domain}" in page  # the member's own address

    close(commune, draft)  # dates changed in the database: the index learns at the next publish
    from content.models import DraftForComment

    with schema_context(commune.schema_name):
        DraftForComment.objects.get(pk=draft.pk).save_revision().publish()
    assert "Dự thảo quy chế chợ phiên Góp Ý" not in portal.get(PORTAL_LIST).content.decode()


def test_an_unpublished_draft_or_a_suspended_site_leaves_the_list(commune, demo_network):
    from content.models import DraftForComment

    draft = publish_draft(commune, title="Dự thảo nội quy nhà văn hóa Góp Ý")
    portal = site_client(demo_network["dakdoa"])
    assert "Dự thảo nội quy nhà văn hóa Góp Ý" in portal.get(PORTAL_LIST).content.decode()
    from tenants.models import Tenant

    Tenant.objects.filter(pk=commune.pk).update(status="suspended")
    assert "Dự thảo nội quy nhà văn hóa Góp Ý" not in portal.get(PORTAL_LIST).content.decode()
    Tenant.objects.filter(pk=commune.pk).update(status="active")
    with schema_context(commune.schema_name):
        DraftForComment.objects.get(pk=draft.pk).unpublish()
    assert "Dự thảo nội quy nhà văn hóa Góp Ý" not in portal.get(PORTAL_LIST).content.decode()


def test_the_cross_site_search_finds_drafts_as_consultations(commune, demo_network):
    publish_draft(commune, title="Dự thảo quy định về bảo vệ rừng cộng đồng")
    client = site_client(demo_network["iabang"])
    page = client.get("/tim-kiem/", {"q": "bao ve rung cong dong", "loai": "consultation"})
    assert page.status_code == 200
    text = strip_tags(page.content.decode())
    assert "Dự thảo quy định về bảo vệ rừng cộng đồng" in text
    assert "Lấy ý kiến dự thảo" in text  # the kind's label
