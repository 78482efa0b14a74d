"""Create the demo network (idempotent) and print the addresses and logins to open."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django_tenants.utils import schema_context
from wagtail.models import Site

from content.demo import populate_site
from editorial.demo import populate_board
from sitebuild import demo
from tenants.models import Tenant
from tenants.services import create_site

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Tạo mạng trang mẫu (một huyện, bốn xã, có tin bài) nếu chưa có; in địa chỉ truy cập."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Cổng của máy chủ phát triển.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ in những trang sẽ được tạo, không ghi gì."
        )

    def handle(self, *args, port: int, dry_run: bool, **options):
        base_domain = settings.PORTAL_BASE_DOMAIN
        parent = None
        sites = []
        for spec in [demo.PARENT, *demo.COMMUNES]:
            tenant = Tenant.objects.filter(slug=spec["slug"]).first()
            if tenant is None:
                if dry_run:
                    self.stdout.write(f"Sẽ tạo: {spec['name']} ({spec['slug']}.{base_domain})")
                    continue
                tenant = create_site(
                    **spec,
                    parent=parent,
                    domain=f"{spec['slug']}.{base_domain}",
                    port=port,
                    created_by="seed_demo",
                ).tenant
                self.stdout.write(f"Đã tạo {tenant.site_title}")
            if not dry_run:
                with schema_context(tenant.schema_name):
                    populate_site(tenant, Site.objects.get(is_default_site=True).root_page)
                    populate_board()
                    demo.set_monitoring_code(tenant)
                    _ensure_admin(settings.PORTAL_DEMO_PASSWORD)
            parent = parent or tenant
            sites.append(tenant)
        if not dry_run:
            self._print_addresses(sites, port)

    def _print_addresses(self, sites, port):
        suffix = "" if port == 80 else f":{port}"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Mạng trang mẫu đã sẵn sàng:"))
        for tenant in sites:
            address = f"http://{tenant.get_primary_domain().domain}{suffix}/"
            self.stdout.write(f"  {tenant.site_title}")
            self.stdout.write(f"      {address}    quản trị: {address}admin/")
        self.stdout.write("")
        self.stdout.write(
            f"Đăng nhập quản trị ở mỗi trang: {ADMIN_USERNAME} / {settings.PORTAL_DEMO_PASSWORD}"
        )


def _ensure_admin(password: str) -> None:
    user, _created = get_user_model().objects.get_or_create(
        username=ADMIN_USERNAME, defaults={"is_staff": True, "is_superuser": True}
    )
    user.set_password(password)
    user.save(update_fields=["password"])
