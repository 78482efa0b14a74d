"""Weekly: check every site against the rule set in force and e-mail each board its gaps.

The worker runs it every Monday (``reports.tasks``, ``tasks.periodic``); a site's e-mail of a
week is sent once, however often this runs."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, tenant_context

from reports.access import REPORT_GROUPS
from reports.compliance.rulesets import current_ruleset
from reports.compliance.service import evaluate, save_snapshot
from reports.links import site_address
from tasks.mail import send_once
from tenants.models import Tenant


def board_addresses() -> list[str]:
    """The e-mail addresses of the current site's chief, deputy and site administrators."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    chosen = users.filter(Q(groups__name__in=REPORT_GROUPS) | Q(is_superuser=True))
    return sorted(set(chosen.values_list("email", flat=True)))


def message_for(tenant, result, address: str) -> str:
    lines = [
        f"Kết quả kiểm tra {tenant.site_title} theo {result.ruleset.name}:",
        f"Điểm: {result.score}/100.",
        "",
    ]
    if result.gaps:
        lines.append("Cần khắc phục:")
        for code, gap in result.gaps:
            link = f" — {address}{gap.fix_url}" if gap.fix_url else ""
            lines.append(f"- {code} {gap.message}{link}")
    else:
        lines.append("Không có thiếu sót nào được phát hiện tự động.")
    if result.unchecked:
        codes = ", ".join(r.rule.code for r in result.unchecked)
        lines += ["", f"Tiêu chí cần kiểm tra thủ công và ghi kết quả: {codes}."]
    lines += ["", f"Xem chi tiết: {address}/admin/bao-cao/tuan-thu/"]
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Kiểm tra mức độ tuân thủ của mọi trang và gửi thư điện tử cho Ban biên tập."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="chỉ in, không lưu, không gửi")

    def handle(self, *args, dry_run=False, **options):
        ruleset = current_ruleset()
        tenants = Tenant.objects.exclude(schema_name=get_public_schema_name()).exclude(
            status=Tenant.Status.ARCHIVED
        )
        sent = 0
        year, week_number, _weekday = timezone.localdate().isocalendar()
        week = f"{year}-W{week_number:02d}"
        for tenant in tenants.order_by("name"):
            with tenant_context(tenant):
                result = evaluate(tenant, ruleset)
                recipients = board_addresses()
                if not dry_run:
                    save_snapshot(tenant, result)
            body = message_for(tenant, result, site_address(tenant))
            self.stdout.write(f"{tenant.name}: {result.score}/100, {len(result.gaps)} thiếu sót")
            if recipients and not dry_run:
                sent += send_once(
                    f"compliance:{week}:{tenant.schema_name}",
                    f"[{tenant.site_title}] Kết quả kiểm tra tuân thủ: {result.score}/100",
                    body,
                    recipients,
                )
        self.stdout.write(f"Đã gửi {sent} thư.")
