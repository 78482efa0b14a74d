"""Quarterly reminder to the contributing units behind their quota: on the first day of a
quarter, about the quarter just ended (the worker runs it: ``editorial.tasks``,
``tasks.periodic``). Each unit's e-mail of a quarter is sent once, however often this runs."""

import re
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tenants.utils import schema_context

from editorial.roles import CHIEF
from editorial.stats import period_bounds, units_behind
from tasks.mail import send_once
from tenants.models import Tenant

REMINDER = gettext_noop(
    "Kính gửi %(unit)s,\n\n"
    "Trong quý %(quarter)s, đơn vị đã cung cấp %(count)s tin bài cho %(site)s; chỉ tiêu là "
    "%(target)s tin bài (%(monthly)s tin bài mỗi tháng).\n"
    "Đề nghị đơn vị tăng cường cung cấp tin bài trong quý tới.\n\n"
    "Ban biên tập %(site)s"
)


def previous_quarter(today: date) -> tuple[int, int]:
    quarter = (today.month - 1) // 3 + 1
    return (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)


def recipients(unit) -> list[str]:
    """The unit's members; a unit without any reaches the site's chiefs instead."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    emails = list(users.filter(board_member__unit=unit).values_list("email", flat=True))
    return emails or list(
        users.filter(groups__name=CHIEF.group_name).values_list("email", flat=True)
    )


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc các đơn vị cung cấp tin chưa đạt chỉ tiêu của một quý "
        "(mặc định: quý vừa qua)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quy", help="Quý cần xét, dạng 2026-3 (năm-quý).")
        parser.add_argument("--site", help="Chỉ xét một trang (slug).")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ in, không gửi thư.")

    def handle(self, *args, quy=None, site=None, dry_run=False, **options):
        if quy:
            match = re.fullmatch(r"(\d{4})-([1-4])", quy)
            if not match:
                raise CommandError("Quý phải có dạng NĂM-QUÝ, ví dụ 2026-3.")
            year, quarter = int(match[1]), int(match[2])
        else:
            year, quarter = previous_quarter(timezone.localdate())
        start, end = period_bounds("quarter", year, quarter)
        tenants = Tenant.objects.filter(status=Tenant.Status.ACTIVE).order_by("slug")
        if site:
            tenants = tenants.filter(slug=site)
        sent = 0
        for tenant in tenants:
            with schema_context(tenant.schema_name):
                for unit, count, target in units_behind(start, end):
                    to = recipients(unit)
                    address = ", ".join(to) or "không có địa chỉ nhận"
                    self.stdout.write(
                        f"{tenant.slug}: {unit.name}: {count}/{target} tin bài, quý "
                        f"{quarter}/{year} → {address}"
                    )
                    if dry_run or not to:
                        continue
                    values = {
                        "unit": unit.name,
                        "quarter": f"{quarter}/{year}",
                        "count": count,
                        "target": target,
                        "monthly": unit.monthly_target,
                        "site": tenant.site_title,
                    }
                    if send_once(
                        f"quota:{year}-{quarter}:{tenant.schema_name}:{unit.pk}",
                        _("Nhắc chỉ tiêu tin bài quý %(quarter)s") % values,
                        _(REMINDER) % values,
                        to,
                    ):
                        sent += 1
        self.stdout.write(f"Đã gửi {sent} thư nhắc.")
