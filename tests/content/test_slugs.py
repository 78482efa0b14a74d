"""Page addresses without diacritics for every page type, in code and in the admin."""

import pytest
from django_tenants.utils import schema_context

from content.models.base import VIETNAMESE_SLUG_FORMATTERS

TRICKY_TITLES = [
    ("Đi chợ", "di-cho"),
    ("ĐẢNG ỦY XÃ ĐAK ĐOA", "dang-uy-xa-dak-doa"),
    ("Tin tức – Sự kiện", "tin-tuc-su-kien"),
    ("Hỏi – Đáp", "hoi-dap"),
    ("Nghị định 42/2022/NĐ-CP: điều gì mới?", "nghi-dinh-42-2022-nd-cp-dieu-gi-moi"),
    ("Ngày hội Đại đoàn kết ở làng Đê Kôn", "ngay-hoi-dai-doan-ket-o-lang-de-kon"),
    ("Thủy lợi, thủy sản và quỹ “Vì người nghèo”", "thuy-loi-thuy-san-va-quy-vi-nguoi-ngheo"),
    ("Kơ Nia – H'Lách – Ơ Đu", "ko-nia-h-lach-o-du"),
    ("Nguyễn Thị Ánh Tuyết", "nguyen-thi-anh-tuyet"),
    ("Chương trình phát thanh", "chuong-trinh-phat-thanh"),
]

PAGE_TYPES = [
    ("SectionPage", {}),
    ("NewsPage", {}),
    ("IntroductionPage", {}),
    ("ContactPage", {}),
    ("DocumentIndexPage", {}),
    ("ProcedureIndexPage", {}),
    ("ScheduleIndexPage", {}),
    ("QuestionIndexPage", {}),
]


@pytest.mark.parametrize(("title", "slug"), TRICKY_TITLES)
def test_a_page_created_in_code_gets_a_slug_without_diacritics(db, demo_network, title, slug):
    from content.models import SectionPage

    with schema_context(demo_network["glar"].schema_name):
        section = SectionPage.objects.get(slug="tin-tuc")
        page = SectionPage(title=title)
        section.add_child(instance=page)
        assert page.slug == slug


@pytest.mark.parametrize(("model_name", "fields"), PAGE_TYPES)
def test_every_page_type_slugifies_the_vietnamese_way(db, demo_network, model_name, fields):
    from content import models

    with schema_context(demo_network["glar"].schema_name):
        parent = models.SectionPage.objects.get(slug="tin-tuc")
        page = getattr(models, model_name)(title="Đường vào Điện Biên", **fields)
        parent.add_child(instance=page)
        assert page.slug == "duong-vao-dien-bien"


def test_a_second_page_with_the_same_title_gets_a_numbered_slug(db, demo_network):
    from content.models import SectionPage

    with schema_context(demo_network["glar"].schema_name):
        parent = SectionPage.objects.get(slug="tin-tuc")
        first, second = SectionPage(title="Đi chợ"), SectionPage(title="Đi chợ")
        parent.add_child(instance=first)
        parent.add_child(instance=second)
        assert (first.slug, second.slug) == ("di-cho", "di-cho-2")


def test_the_admin_slug_field_folds_vietnamese_before_wagtails_own_transliteration(
    db, demo_network
):
    # The browser applies these replacements first (data-w-slug-formatters-value); applied in
    # Python they must leave no letter outside ASCII for Wagtail's transliteration to drop.
    import re

    from portal.text import slugify_vietnamese

    for title, slug in TRICKY_TITLES:
        folded = title
        for pattern, replacement in VIETNAMESE_SLUG_FORMATTERS:
            folded = re.sub(pattern, replacement, folded)
        assert all(char.isascii() or not char.isalpha() for char in folded), title
        assert slugify_vietnamese(folded) == slug


def test_the_admin_page_editor_carries_the_formatters(db, demo_network):
    from content.models import SectionPage
    from tests.conftest import site_client

    tenant = demo_network["iabang"]
    client = site_client(tenant)
    client.post("/admin/login/", {"username": "admin", "password": "demo-portal-2026"})
    with schema_context(tenant.schema_name):
        parent_id = SectionPage.objects.get(slug="tin-tuc").pk
    html = client.get(f"/admin/pages/add/content/newspage/{parent_id}/").content.decode()
    assert "data-w-slug-formatters-value" in html
    assert "ợ" in html  # the Vietnamese vowel classes reach the browser
