"""Restore a site from an archive of ``backup_site``: into itself, or as a new site."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tenants import backup
from tenants.models import Tenant


class Command(BaseCommand):
    help = (
        "Khôi phục một trang từ tệp sao lưu (hoặc từ bản mới nhất của mã trang trong"
        " PORTAL_BACKUP_DIR, --at để chọn thời điểm): đè lên chính trang đó sau khi xác nhận,"
        " hoặc thành trang mới với --as. Không trang nào khác bị đụng tới."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Đường dẫn tệp sao lưu, hoặc mã trang.")
        parser.add_argument("--as", dest="as_slug", default="", help="Khôi phục thành trang mới.")
        parser.add_argument(
            "--at",
            default="",
            help="Dùng bản sao lưu mới nhất tại hoặc trước thời điểm này (giờ Việt Nam,"
            " ví dụ 2026-11-30 08:00).",
        )
        parser.add_argument("--parent", default="", help="Mã cổng cấp trên của trang mới.")
        parser.add_argument("--domain", default="", help="Tên miền của trang mới.")
        parser.add_argument(
            "--replace", action="store_true", help="Đồng ý khôi phục đè lên trang đang có."
        )
        parser.add_argument("--yes", action="store_true", help="Không hỏi lại khi ghi đè.")
        parser.add_argument(
            "--trust-foreign",
            action="store_true",
            help=(
                "Nhận tệp sao lưu do một hệ thống khác tạo (chữ ký khác). Lệnh SQL trong tệp"
                " được chạy với quyền chủ cơ sở dữ liệu: chỉ dùng với tệp từ hệ thống tin cậy."
            ),
        )

    def handle(self, *args, archive, as_slug, at, parent, domain, replace, yes, **options):
        path = self._archive_path(archive, at)
        try:
            target = as_slug or backup.open_manifest_slug(path)
        except backup.ArchiveError as error:
            raise CommandError(str(error)) from error
        if not as_slug and Tenant.objects.filter(slug=target).exists():
            if not replace:
                raise CommandError(
                    f"Trang “{target}” đang tồn tại. Thêm --replace để khôi phục đè lên nó, hoặc"
                    " --as <mã mới> để khôi phục thành trang mới."
                )
            if not yes and not self._confirmed(target, path):
                raise CommandError("Đã hủy: không có gì thay đổi.")
        try:
            tenant = backup.restore_site(
                path,
                as_slug=as_slug,
                replace=replace,
                parent_slug=parent,
                domain=domain,
                trust_foreign=options["trust_foreign"],
            )
        except backup.ArchiveError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã khôi phục {tenant.slug} từ {path.name}:"
                f" http://{tenant.get_primary_domain().domain}/"
            )
        )

    def _archive_path(self, archive: str, at: str) -> Path:
        if Path(archive).is_file():
            if at:
                raise CommandError("--at chỉ dùng với mã trang, không dùng với một tệp.")
            return Path(archive)
        moment = None
        if at:
            try:
                moment = datetime.fromisoformat(at)
            except ValueError as error:
                raise CommandError(
                    f"Thời điểm “{at}” không hợp lệ (ví dụ 2026-11-30 08:00)."
                ) from error
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
        try:
            return backup.find_archive(archive, moment)
        except backup.ArchiveError as error:
            raise CommandError(str(error)) from error

    def _confirmed(self, slug: str, path: Path) -> bool:
        if not self.stdin_is_interactive():
            raise CommandError(
                f"Khôi phục đè lên “{slug}” cần xác nhận: thêm --yes khi không chạy tương tác."
            )
        answer = input(
            f"Nội dung hiện tại của trang “{slug}” sẽ được thay bằng bản sao lưu {path.name}."
            " Gõ mã trang để xác nhận: "
        )
        return answer.strip() == slug

    @staticmethod
    def stdin_is_interactive() -> bool:
        import sys

        return sys.stdin is not None and sys.stdin.isatty()
