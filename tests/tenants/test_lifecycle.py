"""Suspend, resume, rename, extra domains and merge: nothing is deleted, old links keep working."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django_tenants.utils import schema_context

from tenants import lifecycle
from tenants.models import Tenant
from tests.conftest import site_client


@pytest.fixture
def network(db, demo_network):
    """Fresh copies: these tests change sites, and the session's objects must stay as they are."""
    return {slug: Tenant.objects.get(pk=tenant.pk) for slug, tenant in demo_network.items()}


def test_a_suspended_site_can_be_resumed(network):
    glar = network["glar"]
    lifecycle.set_status(glar, Tenant.Status.SUSPENDED)
    assert site_client(glar).get("/").status_code == 503
    lifecycle.set_status(glar, Tenant.Status.ACTIVE)
    assert site_client(glar).get("/").status_code == 200


def test_renaming_a_site_changes_its_official_name_and_title(network):
    from wagtail.models import Site

    glar = network["glar"]
    lifecycle.rename(glar, "Xã Glar Mới")
    assert Tenant.objects.get(pk=glar.pk).short_name == "Glar Mới"
    with schema_context(glar.schema_name):
        assert Site.objects.get().site_name == "Trang thông tin điện tử xã Glar Mới"
    assert (
        "<title>Trang thông tin điện tử xã Glar Mới" in site_client(glar).get("/").content.decode()
    )


def test_extra_domains_are_replaced_and_a_taken_one_is_refused(network):
    glar = network["glar"]
    lifecycle.set_extra_domains(glar, ["glar.dakdoa.gialai.gov.vn", "GLAR.gialai.gov.vn "])
    assert set(glar.domains.values_list("domain", flat=True)) == {
        "glar.localhost",
        "glar.dakdoa.gialai.gov.vn",
        "glar.gialai.gov.vn",
    }
    with pytest.raises(ValidationError) as raised:
        lifecycle.set_extra_domains(glar, ["habau.localhost", "bad domain"])
    assert raised.value.message_dict["domains"] == [
        "Tên miền “bad domain” không hợp lệ.",
        "Tên miền “habau.localhost” đã thuộc một trang khác.",
    ]
    assert glar.domains.count() == 3  # unchanged by the refused edit


def test_a_merged_site_is_archived_and_its_domain_leads_to_the_new_site(network):
    glar, habau = network["glar"], network["habau"]
    lifecycle.merge(glar, into=habau)
    stored = Tenant.objects.get(pk=glar.pk)
    assert stored.status == Tenant.Status.ARCHIVED and stored.merged_into == habau
    response = site_client(glar).get("/tin-tuc/?trang=2")
    assert response.status_code == 301
    assert response["Location"] == "http://habau.localhost/tin-tuc/?trang=2"  # same path
    on_a_port = Client(HTTP_HOST="glar.localhost:8000").get("/tin-tuc/")
    assert on_a_port["Location"] == "http://habau.localhost:8000/tin-tuc/"
    with pytest.raises(ValidationError, match="không thể mở lại"):
        lifecycle.set_status(stored, Tenant.Status.ACTIVE)


def test_a_site_cannot_merge_into_itself_or_another_network(network):
    with pytest.raises(ValidationError):
        lifecycle.merge(network["glar"], into=network["glar"])
    with pytest.raises(ValidationError, match="cùng một cổng"):
        lifecycle.merge(network["glar"], into=network["dakdoa"])


def test_the_merge_command_archives_and_redirects(network):
    import io

    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("merge_site", "namyang", "habau", stdout=out)
    assert "Đã sáp nhập Xã Nam Yang vào Xã Hà Bầu" in out.getvalue()
    assert site_client(network["namyang"]).get("/")["Location"] == "http://habau.localhost/"
    with pytest.raises(CommandError, match="Không có trang với mã “khongco”"):
        call_command("merge_site", "khongco", "habau")


def test_an_archived_site_shows_a_notice_instead_of_the_question_form(network):
    glar = network["glar"]
    assert 'name="question"' in site_client(glar).get("/hoi-dap/").content.decode()
    lifecycle.set_status(glar, Tenant.Status.ARCHIVED)
    html = site_client(glar).get("/hoi-dap/").content.decode()
    assert 'name="question"' not in html and "Gửi câu hỏi</a>" not in html
    assert "không nhận câu hỏi mới" in html
