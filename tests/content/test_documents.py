"""The document index: a citizen finds a document by number, words of its abstract, type,
issuer, sector or year, typing with or without Vietnamese diacritics."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tenants.utils import schema_context

from tests.conftest import site_client


def _numbers(tenant, **params):
    response = site_client(tenant).get("/van-ban/", params)
    assert response.status_code == 200
    html = response.content.decode()
    cell = r'<td class="nowrap" data-label="Số ký hiệu"><a href="[^"]+">([^<]+)</a></td>'
    return re.findall(cell, html), html


def _id(tenant, model_name, name):
    from content import models

    with schema_context(tenant.schema_name):
        return getattr(models, model_name).objects.get(name=name).pk


@pytest.mark.parametrize("typed", ["164/TB-UBND", "164/tb-ubnd", " 164 / TB-UBND "])
def test_a_document_is_found_by_its_number_however_it_is_typed(db, demo_network, typed):
    numbers, _html = _numbers(demo_network["iabang"], so=typed)
    assert numbers == ["164/TB-UBND"]


@pytest.mark.parametrize("typed", ["QĐ-UBND", "qd-ubnd", "QD"])
def test_the_number_filter_treats_d_and_dj_with_stroke_alike(db, demo_network, typed):
    numbers, _html = _numbers(demo_network["iabang"], so=typed)
    assert numbers == ["12/2026/QĐ-UBND"]


@pytest.mark.parametrize("typed", ["chuyển đổi số", "chuyen doi so", "CHUYEN DOI SO"])
def test_words_of_the_abstract_find_documents_with_or_without_diacritics(db, demo_network, typed):
    numbers, _html = _numbers(demo_network["habau"], tukhoa=typed)
    assert numbers == ["58/KH-UBND"]


def test_documents_filter_by_type_issuer_sector_and_year(db, demo_network):
    tenant = demo_network["glar"]
    numbers, _ = _numbers(tenant, loai=_id(tenant, "DocumentType", "Kế hoạch"))
    assert numbers == ["58/KH-UBND"]
    numbers, _ = _numbers(tenant, linhvuc=_id(tenant, "Sector", "Y tế"))
    assert numbers == ["415/UBND-VP"]
    numbers, _ = _numbers(tenant, coquan=_id(tenant, "IssuingBody", "Ủy ban nhân dân xã Glar"))
    assert len(numbers) == 5
    old_year = (timezone.localdate() - timedelta(days=400)).year
    numbers, _ = _numbers(tenant, nam=old_year)
    assert "415/UBND-VP" in numbers


def test_documents_are_sorted_by_issue_date_newest_first_or_oldest_first(db, demo_network):
    tenant = demo_network["glar"]
    newest_first, _ = _numbers(tenant)
    assert newest_first == [
        "164/TB-UBND",
        "58/KH-UBND",
        "12/2026/QĐ-UBND",
        "231/BC-UBND",
        "415/UBND-VP",
    ]
    oldest_first, _ = _numbers(tenant, sapxep="cu-nhat")
    assert oldest_first == list(reversed(newest_first))


def test_an_invalid_filter_value_is_explained_not_a_crash(db, demo_network):
    numbers, html = _numbers(demo_network["glar"], nam="hai-nghin", loai="999999")
    assert "Giá trị đã chọn không hợp lệ." in html
    assert len(numbers) == 5  # the invalid filters are ignored


def _new_document(tenant, **overrides):
    from content.models import DocumentPage, DocumentType, IssuingBody

    today = timezone.localdate()
    fields = {
        "title": "Quyết định thử",
        "number": "7/QĐ-UBND",
        "document_type": DocumentType.objects.first(),
        "issuing_body": IssuingBody.objects.first(),
        "issue_date": today,
        "effective_date": today,
        "abstract": "Thử.",
        "file": DocumentPage.objects.first().file,
    }
    fields.update(overrides)
    return DocumentPage(**fields)


# 00:00:30 on 1 December in Việt Nam is 17:00:30 on 30 November in UTC.
JUST_AFTER_MIDNIGHT = datetime(2026, 12, 1, 0, 0, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def test_a_document_issued_today_in_viet_nam_is_accepted_just_after_midnight(db, demo_network):
    from content.models import DocumentIndexPage, DocumentPage

    tenant = demo_network["dakdoa"]
    with time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False), schema_context(tenant.schema_name):
        index = DocumentIndexPage.objects.get()
        page = _new_document(tenant, issue_date=JUST_AFTER_MIDNIGHT.date(), number="8/QĐ-UBND")
        index.add_child(instance=page)
        assert DocumentPage.objects.get(pk=page.pk).issue_date.isoformat() == "2026-12-01"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"number": "164-TB-UBND"}, "number", "không đúng dạng"),
        ({"number": "số 5"}, "number", "Hãy nhập theo mẫu 164/TB-UBND"),
        ({"issue_date": 1}, "issue_date", "Ngày ban hành không thể sau ngày hôm nay."),
        (
            {"effective_date": -3},
            "effective_date",
            "Ngày hiệu lực không thể trước ngày ban hành.",
        ),
        ({"abstract": ""}, "abstract", ""),
        ({"file": None}, "file", ""),
    ],
)
def test_a_document_with_a_bad_number_date_or_missing_field_is_refused_and_not_saved(
    db, demo_network, overrides, field, message
):
    """Dates are days from "today", on a clock frozen just after midnight in Việt Nam, when
    the date in UTC is still the day before (issue 17: "today" must be Việt Nam's)."""
    from content.models import DocumentIndexPage, DocumentPage

    tenant = demo_network["dakdoa"]
    with time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False), schema_context(tenant.schema_name):
        today = timezone.localdate()
        assert today == JUST_AFTER_MIDNIGHT.date()
        overrides = {
            key: today + timedelta(days=value) if key.endswith("_date") else value
            for key, value in overrides.items()
        }
        index = DocumentIndexPage.objects.get()
        before = DocumentPage.objects.count()
        with pytest.raises(ValidationError) as error:
            index.add_child(instance=_new_document(tenant, **overrides))
        assert field in error.value.message_dict
        assert message in " ".join(error.value.message_dict[field])
        assert DocumentPage.objects.count() == before


def test_a_document_number_is_stored_in_its_canonical_form(db, demo_network):
    from content.models import DocumentIndexPage

    tenant = demo_network["dakdoa"]
    with schema_context(tenant.schema_name):
        index = DocumentIndexPage.objects.get()
        document = _new_document(tenant, number=" 9 / 2026 / qđ-ubnd ")
        index.add_child(instance=document)
        document.refresh_from_db()
        assert document.number == "9/2026/QĐ-UBND"
        assert document.slug == "quyet-dinh-thu"


def test_deleting_a_document_type_in_use_leaves_the_document_readable(db, demo_network):
    from content.models import DocumentPage, DocumentType

    tenant = demo_network["habau"]
    with schema_context(tenant.schema_name):
        DocumentType.objects.get(name="Thông báo").delete()
        document = DocumentPage.objects.get(number="164/TB-UBND")
        assert document.document_type is None
        url = document.url
    html = site_client(tenant).get(url).content.decode()
    assert "<dt>Loại văn bản</dt><dd></dd>" in html
    assert "None" not in html
