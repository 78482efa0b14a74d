"""Bulk creation of member sites from a CSV file: one row per commune.

Used by the ``import_sites`` command and the console's upload. ``plan`` checks every row
without creating anything (the preview); ``run`` creates the new ones one by one, so a bad row
is reported with its line number and never stops or spoils the others. Rows whose slug already
exists are skipped, so an import can be re-run after fixing its bad rows.

Columns (header row required; Vietnamese or English names; order free):
``ten_don_vi``/``name`` (required), ``cap``/``kind`` (xã, phường, thị trấn or commune, ward,
township; default xã), ``ma_trang``/``slug`` (suggested from the name when empty),
``email_truong_ban``/``chief_email``, ``ten_mien_khac``/``extra_domains`` (separated by ``;``
or spaces), ``cum_khu_vuc``/``group`` (the member's group in the parent portal's directory:
a former district, "Khu vực phía Bắc"; blank: "Khác"). A file saved by Excel (UTF-8 with
BOM) reads as well as a plain one.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.text import fold_vietnamese
from tenants.models import ChiefEmail, Tenant
from tenants.services import check_site, create_site
from tenants.slugs import suggest_slug

COLUMNS = {
    "name": ("ten_don_vi", "name"),
    "kind": ("cap", "kind"),
    "slug": ("ma_trang", "slug"),
    "chief_email": ("email_truong_ban", "chief_email"),
    "extra_domains": ("ten_mien_khac", "extra_domains"),
    "group": ("cum_khu_vuc", "cum,_khu_vuc", "khu_vuc", "group"),
}
KINDS = {
    "xa": Tenant.Kind.COMMUNE,
    "commune": Tenant.Kind.COMMUNE,
    "phuong": Tenant.Kind.WARD,
    "ward": Tenant.Kind.WARD,
    "thi tran": Tenant.Kind.TOWNSHIP,
    "township": Tenant.Kind.TOWNSHIP,
}
MAX_ROWS = 5000


@dataclass
class Row:
    """One line of the file, what was found of it, and what became of it."""

    line: int
    details: dict
    status: str = "new"  # new, exists, invalid, created, failed
    messages: list[str] = field(default_factory=list)
    domain: str = ""
    set_password_url: str | None = None

    @property
    def label(self) -> str:
        return self.details.get("name") or _("(không có tên)")


def read_rows(content: bytes | str) -> list[Row]:
    """Parse the file; raise ``ValidationError`` if it cannot be read as a whole."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(
                _("Tệp không ở mã UTF-8. Hãy lưu lại tệp dưới dạng “CSV UTF-8”.")
            ) from error
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    headers = {_header(h): h for h in reader.fieldnames or []}
    columns = {
        key: next((headers[name] for name in names if name in headers), None)
        for key, names in COLUMNS.items()
    }
    if columns["name"] is None:
        raise ValidationError(
            _("Tệp thiếu cột “ten_don_vi” (tên đơn vị). Dòng đầu phải là dòng tiêu đề.")
        )
    rows = []
    for record in reader:
        if len(rows) >= MAX_ROWS:
            raise ValidationError(_("Tệp có quá %(max)d dòng.") % {"max": MAX_ROWS})
        values = {
            key: (record.get(column) or "").strip() for key, column in columns.items() if column
        }
        if not any(values.values()):
            continue  # blank line
        rows.append(Row(line=reader.line_num, details=values))
    if not rows:
        raise ValidationError(_("Tệp không có dòng dữ liệu nào."))
    return rows


def plan(rows: list[Row], parent: Tenant, **defaults) -> list[Row]:
    """Mark each row new, exists (skipped) or invalid, with its messages; create nothing."""
    seen: dict[str, int] = {}
    for row in rows:
        try:
            details = _site_details(row, parent, defaults)
            tenant, row.domain = check_site(**details)
        except ValidationError as error:
            existing = _existing(row, parent)
            if existing is not None:
                row.status, row.domain = "exists", existing
                row.messages = [_("Đã có trang này, bỏ qua.")]
            else:
                row.status, row.messages = "invalid", _flatten(error)
            continue
        if tenant.slug in seen:
            row.status = "invalid"
            row.messages = [
                _("Mã trang “%(slug)s” trùng với dòng %(line)d.")
                % {"slug": tenant.slug, "line": seen[tenant.slug]}
            ]
            continue
        seen[tenant.slug] = row.line
        row.details["slug"] = tenant.slug
    return rows


def run(rows: list[Row], parent: Tenant, on_row=None, **defaults) -> list[Row]:
    """Create the sites of the rows ``plan`` found new; each row succeeds or fails alone.

    ``on_row(done, total)`` is called after each row (the import task's progress)."""
    rows = plan(rows, parent, **defaults)
    for done, row in enumerate(rows, start=1):
        if on_row is not None:
            on_row(done - 1, len(rows))
        if row.status != "new":
            continue
        try:
            new_site = create_site(
                email_reason=ChiefEmail.Reason.IMPORTED, **_site_details(row, parent, defaults)
            )
        except ValidationError as error:
            row.status, row.messages = "failed", _flatten(error)
        else:
            row.status, row.set_password_url = "created", new_site.set_password_url
            row.domain = new_site.tenant.get_primary_domain().domain
    return rows


def _site_details(row: Row, parent: Tenant, defaults: dict) -> dict:
    details = dict(row.details)
    kind_text = fold_vietnamese(details.pop("kind", "")).lower().strip()
    kind = KINDS.get(kind_text or "xa")
    if kind is None:
        raise ValidationError(
            {
                "kind": [
                    _("Cấp “%(kind)s” không hợp lệ: dùng xã, phường hoặc thị trấn.")
                    % {"kind": row.details.get("kind")}
                ]
            }
        )
    extra = details.pop("extra_domains", "").replace(";", " ").split()
    return {**defaults, **details, "kind": kind, "parent": parent, "extra_domains": tuple(extra)}


def _existing(row: Row, parent: Tenant) -> str | None:
    """The domain of the site this row describes (same slug and official name) if it exists
    under ``parent`` already; another unit claiming a taken slug is an error, not a skip."""
    name = row.details.get("name", "").strip()
    slug = (row.details.get("slug") or suggest_slug(name)).lower()
    tenant = Tenant.objects.filter(slug=slug, parent=parent, name__iexact=name).first()
    return tenant.get_primary_domain().domain if tenant else None


def _flatten(error: ValidationError) -> list[str]:
    if hasattr(error, "message_dict"):
        return [message for messages in error.message_dict.values() for message in messages]
    return list(error.messages)


def _header(name: str) -> str:
    return fold_vietnamese(name or "").strip().lower().replace(" ", "_")
