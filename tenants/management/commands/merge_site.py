"""Merge a member site into another after communes merge: archive it, redirect its domains."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants import lifecycle
from tenants.models import Tenant


class Command(BaseCommand):
    help = (
        "Sáp nhập trang thành viên <cu> vào <moi>: trang cũ được lưu trữ (không xoá) và tên miền"
        " của nó chuyển hướng sang trang mới."
    )

    def add_arguments(self, parser):
        parser.add_argument("old", help="Mã trang bị sáp nhập.")
        parser.add_argument("into", help="Mã trang tiếp nhận.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi.")

    def handle(self, *args, old, into, dry_run, **options):
        sites = {site.slug: site for site in Tenant.objects.filter(slug__in=[old, into])}
        for slug in (old, into):
            if slug not in sites:
                raise CommandError(f"Không có trang với mã “{slug}”.")
        if dry_run:
            self.stdout.write(f"Sẽ sáp nhập {sites[old]} vào {sites[into]}.")
            return
        try:
            lifecycle.merge(sites[old], into=sites[into])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sáp nhập {sites[old]} vào {sites[into]}; tên miền cũ chuyển hướng sang"
                f" {sites[into].get_primary_domain().domain}."
            )
        )
