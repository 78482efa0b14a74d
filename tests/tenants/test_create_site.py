"""Creating a site: complete on success, nothing left behind on any failure."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django_tenants.utils import schema_context, schema_exists

from tenants.building import site_builder
from tenants.models import Domain, Tenant
from tenants.services import create_site
from tenants.slugs import suggest_slug
from tests.conftest import site_client


def _snapshot():
    return (
        Tenant.objects.count(),
        Domain.objects.count(),
        sorted(Tenant.objects.values_list("schema_name", flat=True)),
    )


def _create_commune(district, **overrides):
    spec = {
        "name": "Xã Ia Pết",
        "slug": "iapet",
        "kind": Tenant.Kind.COMMUNE,
        "domain": "iapet.localhost",
        "parent": district,
        **overrides,
    }
    return create_site(**spec).tenant


def test_a_new_site_is_a_complete_wagtail_site_answering_on_its_domain(district):
    from wagtail.models import Locale, Page, Site

    tenant = _create_commune(district, extra_domains=("iapet.dakdoa.gialai.gov.vn",))

    assert schema_exists("iapet")
    assert tenant.short_name == "Ia Pết"  # from the official name when not given
    assert tenant.get_primary_domain().domain == "iapet.localhost"
    assert set(tenant.domains.values_list("domain", flat=True)) == {
        "iapet.localhost",
        "iapet.dakdoa.gialai.gov.vn",
    }
    with schema_context(tenant.schema_name):
        site = Site.objects.get()
        assert (site.hostname, site.site_name) == (
            "iapet.localhost",
            "Trang thông tin điện tử xã Ia Pết",
        )
        assert site.is_default_site
        assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "vi"]
        assert site.root_page.specific_class.__name__ == "HomePage"
        assert [p.title for p in Page.objects.filter(depth=2)] == [tenant.site_title]

    response = site_client(tenant).get("/")
    assert response.status_code == 200
    assert "Trang thông tin điện tử xã Ia Pết" in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"slug": "iabang"}, "slug", "Mã trang “iabang” đã được dùng."),
        (
            {"domain": "habau.localhost"},
            "domain",
            "Tên miền “habau.localhost” đã thuộc một trang khác.",
        ),
        ({"slug": "Ia Pết"}, "slug", "Mã trang “ia pết” không hợp lệ"),
        ({"slug": "1iapet"}, "slug", "không hợp lệ"),
        ({"slug": "public"}, "slug", "được hệ thống dành riêng"),
        ({"domain": "ia pet.localhost"}, "domain", "Tên miền “ia pet.localhost” không hợp lệ."),
        ({"name": "  "}, "name", "Hãy nhập tên đơn vị."),
        ({"parent": None}, "parent", "Trang thành viên phải thuộc một cổng thông tin"),
    ],
)
def test_bad_input_gives_a_clear_error_and_leaves_no_partial_site(
    district, overrides, field, message
):
    before = _snapshot()
    with pytest.raises(ValidationError) as raised:
        _create_commune(district, **overrides)
    assert any(message in text for text in raised.value.message_dict[field])
    assert _snapshot() == before
    assert not schema_exists("iapet")


def test_a_failure_after_cloning_rolls_back_schema_tenant_and_domain(district, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(site_builder(), "provision", broken)
    before = _snapshot()
    with pytest.raises(RuntimeError, match="disk full"):
        _create_commune(district)
    assert _snapshot() == before
    assert not schema_exists("iapet")
    assert not Domain.objects.filter(domain="iapet.localhost").exists()


def test_a_template_behind_the_code_is_refused_instead_of_cloned(district):
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute(
            "DELETE FROM _template.django_migrations WHERE id = "
            "(SELECT max(id) FROM _template.django_migrations)"
        )
    before = _snapshot()
    with pytest.raises(RuntimeError, match="template schema is behind"):
        _create_commune(district)
    assert _snapshot() == before
    assert not schema_exists("iapet")


def test_migrate_keeps_the_template_schema_fully_migrated(db):
    from django.db.migrations.executor import MigrationExecutor

    with schema_context("_template"):
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    assert plan == []


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Xã Ia Băng", "iabang"),
        ("Thị trấn Đak Đoa", "dakdoa"),
        ("Phường Hội Phú", "hoiphu"),
        ("Xã Đăk Sơmei", "daksomei"),
        ("Xa\u0303 Ia Ba\u0306ng", "iabang"),  # decomposed (NFD) input, as some keyboards send
    ],
)
def test_slug_suggested_from_an_official_name_has_no_diacritics(name, slug):
    assert suggest_slug(name) == slug


def test_a_new_site_is_born_with_every_section_the_law_requires(district):
    from content.skeleton import REQUIRED_SECTIONS

    tenant = _create_commune(district)
    home_html = site_client(tenant).get("/").content.decode()
    for section in REQUIRED_SECTIONS:
        response = site_client(tenant).get(f"/{section.slug}/")
        assert response.status_code == 200, section.key
        assert f'href="/{section.slug}/">{section.title}</a>' in home_html  # in the main menu


def test_a_change_to_the_required_sections_reaches_the_template_and_new_sites(
    district, monkeypatch
):
    from django.conf import settings
    from django_tenants.utils import schema_context

    from content import skeleton
    from sitebuild.builder import build_template

    with schema_context(settings.TENANT_BASE_SCHEMA):
        assert build_template() is False  # migrate built it; nothing to do
        extra = skeleton.Section("plans", "Kế hoạch", "ke-hoach", "content.SectionPage", "C10")
        monkeypatch.setattr(skeleton, "REQUIRED_SECTIONS", (*skeleton.REQUIRED_SECTIONS, extra))
        assert build_template() is True
    tenant = _create_commune(district)
    assert site_client(tenant).get("/ke-hoach/").status_code == 200
