"""Bulk import from CSV: a preview that creates nothing, then per-row results."""

import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django_tenants.utils import schema_exists

from tenants import importing
from tenants.models import Tenant

SAMPLE = Path(__file__).resolve().parents[2] / "tenants" / "samples" / "dakdoa_communes.csv"

CSV = """ten_don_vi,cap,ma_trang,email_truong_ban,ten_mien_khac
Xã Ia Pết,xã,,truongban.iapet@gialai.gov.vn,iapet.gialai.gov.vn
Xã Kon Gang,xã,,khong-phai-email,
Phường Hội Phú,phường,,,
Xã Ia Băng,xã,,,
Xã Trùng,huyện,,,
,xã,,,
Xã Ia Pết Hai,xã,iapet,,
"""


def _import(*arguments):
    out = io.StringIO()
    call_command("import_sites", *arguments, stdout=out)
    return out.getvalue()


def test_the_preview_reports_every_row_and_creates_nothing(district, tmp_path):
    path = tmp_path / "xa.csv"
    path.write_text(CSV, encoding="utf-8")
    before = Tenant.objects.count()
    out = _import(str(path), "--parent", "dakdoa", "--dry-run")
    assert "Dòng 2: Xã Ia Pết (iapet.dakdoa.localhost) — sẽ tạo" in out
    assert "Dòng 3: Xã Kon Gang — LỖI: Địa chỉ thư điện tử “khong-phai-email” không hợp lệ." in out
    assert "Dòng 4: Phường Hội Phú (hoiphu.dakdoa.localhost) — sẽ tạo" in out
    assert "Dòng 5: Xã Ia Băng (iabang.localhost) — đã có, bỏ qua" in out
    assert "Dòng 6: Xã Trùng — LỖI: Cấp “huyện” không hợp lệ" in out
    assert "Dòng 7: (không có tên) — LỖI: Hãy nhập tên đơn vị." in out
    assert (
        "Dòng 8: Xã Ia Pết Hai (iapet.dakdoa.localhost) — LỖI: Mã trang “iapet” trùng với dòng 2."
        in out
    )
    assert "Xem trước: 2 trang sẽ tạo, 1 đã có, 4 dòng lỗi." in out
    assert Tenant.objects.count() == before


def test_the_import_creates_the_good_rows_and_reports_the_bad_ones(district, tmp_path):
    path = tmp_path / "xa.csv"
    path.write_bytes(("\ufeff" + CSV).encode("utf-8"))  # as Excel saves "CSV UTF-8"
    out = _import(str(path), "--parent", "dakdoa", "--created-by", "admin@dakdoa")
    assert "Dòng 2: Xã Ia Pết (iapet.dakdoa.localhost) — đã tạo" in out
    assert "Liên kết đặt mật khẩu cho trưởng ban: http://iapet.dakdoa.localhost/admin/" in out
    assert "Đã tạo 2 trang, bỏ qua 1, 4 dòng lỗi." in out
    iapet = Tenant.objects.get(slug="iapet")
    assert iapet.parent == district and iapet.created_by == "admin@dakdoa"
    assert set(iapet.domains.values_list("domain", flat=True)) == {
        "iapet.dakdoa.localhost",
        "iapet.gialai.gov.vn",
    }
    assert Tenant.objects.get(slug="hoiphu").kind == Tenant.Kind.WARD
    assert not schema_exists("kongang")

    again = _import(str(path), "--parent", "dakdoa")  # re-running skips what exists
    assert "Dòng 2: Xã Ia Pết (iapet.dakdoa.localhost) — đã có, bỏ qua" in again
    assert "Dòng 8: Xã Ia Pết Hai — LỖI: Mã trang “iapet” đã được dùng." in again
    assert "Đã tạo 0 trang, bỏ qua 3, 4 dòng lỗi." in again


def test_the_shipped_sample_of_dak_doas_communes_is_valid(district):
    rows = importing.plan(importing.read_rows(SAMPLE.read_bytes()), district)
    assert len(rows) == 16
    assert [row for row in rows if row.status == "invalid"] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"ten,cap\nXa A,xa\n", "Tệp thiếu cột “ten_don_vi”"),
        ("ten_don_vi\nXã Ia Pết\n".encode("utf-16"), "Tệp không ở mã UTF-8"),
        (b"ten_don_vi,cap\n", "Tệp không có dòng dữ liệu nào."),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_with_a_clear_message(content, message):
    with pytest.raises(ValidationError) as raised:
        importing.read_rows(content)
    assert message in raised.value.messages[0]


def test_the_command_refuses_an_unknown_parent(district, tmp_path):
    path = tmp_path / "xa.csv"
    path.write_text(CSV, encoding="utf-8")
    with pytest.raises(CommandError, match="Không có cổng thông tin cấp tỉnh/huyện với mã “xyz”"):
        _import(str(path), "--parent", "xyz")
