"""Network-wide report tables, in the public schema.

Why the visit counters live here and not in each site's schema: the flush writes the counters
of every site in one ``INSERT … ON CONFLICT`` without switching schema 170 times, and the
network report sums a period's visits of all member sites in one ``GROUP BY``. The rows hold a
site, a day (or a page id) and a number: nothing personal, and no site writes another's rows
(only the flush writes here). They go with the site: deleting a tenant deletes its counters.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyVisit(models.Model):
    """Page views of one site on one day (Asia/Ho_Chi_Minh), bots excluded."""

    tenant = models.ForeignKey(
        "tenants.Tenant", on_delete=models.CASCADE, related_name="+", verbose_name=_("trang")
    )
    day = models.DateField(_("ngày"))
    views = models.PositiveBigIntegerField(_("lượt truy cập"), default=0)

    class Meta:
        verbose_name = _("lượt truy cập trong ngày")
        verbose_name_plural = _("lượt truy cập theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "day"], name="reports_daily_visit_unique")
        ]

    def __str__(self):
        return f"{self.tenant_id} {self.day}: {self.views}"


class PageVisit(models.Model):
    """Views of one page of one site on one day, for the most-read list.

    ``page_id`` is the page's id inside the site's own schema (no foreign key across schemas).
    """

    tenant = models.ForeignKey(
        "tenants.Tenant", on_delete=models.CASCADE, related_name="+", verbose_name=_("trang")
    )
    day = models.DateField(_("ngày"))
    page_id = models.PositiveIntegerField(_("mã trang con"))
    views = models.PositiveBigIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem trang trong ngày")
        verbose_name_plural = _("lượt xem trang theo ngày")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "day", "page_id"], name="reports_page_visit_unique"
            )
        ]

    def __str__(self):
        return f"{self.tenant_id} {self.day} #{self.page_id}: {self.views}"


class ComplianceSnapshot(models.Model):
    """A site's latest compliance check under a rule set, for the network console.

    Written by ``send_compliance_reports`` and whenever a board opens its compliance page;
    the console reads all of them in one query instead of checking 170 sites on every view.
    """

    tenant = models.ForeignKey(
        "tenants.Tenant", on_delete=models.CASCADE, related_name="+", verbose_name=_("trang")
    )
    ruleset = models.CharField(_("bộ tiêu chí"), max_length=40)
    score = models.PositiveSmallIntegerField(_("điểm"))
    gaps = models.JSONField(_("thiếu sót"), default=list)
    checked_at = models.DateTimeField(_("thời điểm kiểm tra"))

    class Meta:
        verbose_name = _("kết quả kiểm tra tuân thủ")
        verbose_name_plural = _("kết quả kiểm tra tuân thủ")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "ruleset"], name="reports_compliance_snapshot_unique"
            )
        ]

    def __str__(self):
        return f"{self.tenant_id} {self.ruleset}: {self.score}"
