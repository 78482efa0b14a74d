"""Lift login lockouts (tenants.throttling) from the command line."""

from django.core.management.base import BaseCommand, CommandError

from tenants import throttling
from tenants.models import Tenant


class Command(BaseCommand):
    help = "Mở khóa đăng nhập: mọi trang, một trang (--site), hoặc một tài khoản (--user)."

    def add_arguments(self, parser):
        parser.add_argument("--site", help="mã trang, ví dụ iabang")
        parser.add_argument("--user", help="tên đăng nhập (cần --site)")

    def handle(self, *args, site=None, user=None, **options):
        if user and not site:
            raise CommandError("--user cần đi kèm --site.")
        schema = None
        if site:
            tenant = Tenant.objects.filter(slug=site).first()
            if tenant is None:
                raise CommandError(f"Không có trang “{site}”.")
            schema = tenant.schema_name
        count = throttling.unlock(schema=schema, username=user)
        self.stdout.write(f"Đã xóa {count} bản ghi khóa đăng nhập.")
