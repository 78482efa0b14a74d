"""Create member sites from a CSV file (see ``tenants.importing`` for the columns)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants import importing
from tenants.models import Tenant

STATUS_TEXT = {
    "new": "sẽ tạo",
    "exists": "đã có, bỏ qua",
    "invalid": "LỖI",
    "created": "đã tạo",
    "failed": "LỖI",
}


class Command(BaseCommand):
    help = (
        "Tạo hàng loạt trang thành viên từ tệp CSV (một dòng một xã). Dùng --dry-run để xem"
        " trước; dòng lỗi được báo kèm số dòng và không ảnh hưởng các dòng khác."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)
        parser.add_argument("--parent", required=True, help="Mã trang của cổng cấp trên.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không tạo.")
        parser.add_argument("--approval-steps", type=int, choices=(1, 2), default=2)
        parser.add_argument("--created-by", default="import_sites")

    def handle(self, *args, csv_file, parent, dry_run, approval_steps, created_by, **options):
        parent_site = Tenant.objects.filter(slug=parent).first()
        if parent_site is None or not parent_site.is_parent_portal:
            raise CommandError(f"Không có cổng thông tin cấp tỉnh/huyện với mã “{parent}”.")
        try:
            rows = importing.read_rows(csv_file.read_bytes())
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {csv_file}: {error.strerror}") from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error

        defaults = {"approval_steps": approval_steps, "created_by": created_by}
        work = importing.plan if dry_run else importing.run
        for row in work(rows, parent_site, **defaults):
            line = f"Dòng {row.line}: {row.label}"
            if row.domain:
                line += f" ({row.domain})"
            line += f" — {STATUS_TEXT[row.status]}"
            if row.messages and row.status != "exists":
                line += ": " + " ".join(row.messages)
            style = self.style.ERROR if row.status in ("invalid", "failed") else str
            self.stdout.write(style(line))
            if row.set_password_url:
                self.stdout.write(
                    f"    Liên kết đặt mật khẩu cho trưởng ban: {row.set_password_url}"
                )

        counts = {status: sum(r.status == status for r in rows) for status in STATUS_TEXT}
        bad = counts["invalid"] + counts["failed"]
        if dry_run:
            summary = (
                f"Xem trước: {counts['new']} trang sẽ tạo, {counts['exists']} đã có,"
                f" {bad} dòng lỗi."
            )
        else:
            summary = (
                f"Đã tạo {counts['created']} trang, bỏ qua {counts['exists']}, {bad} dòng lỗi."
            )
        self.stdout.write(self.style.WARNING(summary) if bad else self.style.SUCCESS(summary))
