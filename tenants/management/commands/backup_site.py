"""Back up one site, or every site, into the backup folder (tenants/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import get_public_schema_name

from tenants import backup
from tenants.models import Tenant


class Command(BaseCommand):
    help = (
        "Sao lưu một trang (lược đồ, tệp tải lên, bản ghi trang và tên miền, tệp kê khai có mã"
        " kiểm tra) thành một tệp lưu trữ; --all sao lưu mọi trang và chỉ giữ --keep bản mới"
        " nhất của mỗi trang."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", nargs="?", help="Mã trang cần sao lưu.")
        parser.add_argument("--all", action="store_true", help="Sao lưu mọi trang.")
        parser.add_argument("--output", type=Path, help="Thư mục ghi (mặc định PORTAL_BACKUP_DIR).")
        parser.add_argument(
            "--keep", type=int, default=0, help="Giữ bao nhiêu bản mới nhất mỗi trang (0: tất cả)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không ghi.")

    def handle(self, *args, slug, all, output, keep, dry_run, **options):
        sites = Tenant.objects.exclude(schema_name=get_public_schema_name()).order_by("slug")
        if all:
            sites = list(sites)
        elif slug:
            sites = list(sites.filter(slug=slug))
            if not sites:
                raise CommandError(f"Không có trang với mã “{slug}”.")
        else:
            raise CommandError("Hãy cho biết mã trang, hoặc --all.")
        failures = []
        for site in sites:
            if dry_run:
                self.stdout.write(f"Sẽ sao lưu {site.slug} ({site.schema_name}).")
                continue
            try:
                path = backup.backup_site(site, output)
            except Exception as error:  # reported; the other sites go on
                failures.append(site.slug)
                self.stderr.write(f"{site.slug}: LỖI: {error}")
                continue
            size = path.stat().st_size / 1e6
            self.stdout.write(self.style.SUCCESS(f"{site.slug}: {path} ({size:.1f} MB)"))
            if keep:
                for old in backup.prune_archives(site.slug, keep, output):
                    self.stdout.write(f"{site.slug}: đã xóa bản cũ {old.name}")
        if failures:
            raise CommandError(f"{len(failures)} trang sao lưu lỗi: {', '.join(failures)}.")
