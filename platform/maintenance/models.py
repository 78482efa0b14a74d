"""Planned stops of a site or of a whole network (portal-requirements F21), in the public schema.

A window of one site names that site; a network-wide one names the parent portal with
``whole_network`` set, and shows on the parent portal and on every member: one row, whatever
the number of members.
"""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maintenance.calendar import NOTICE_WORKING_DAYS, latest_notice_day, working_days_between


class MaintenanceWindow(models.Model):
    site = models.ForeignKey(
        "tenants.Tenant",
        verbose_name=_("trang"),
        on_delete=models.CASCADE,
        related_name="maintenance_windows",
    )
    whole_network = models.BooleanField(_("cả mạng lưới"), default=False)
    starts_at = models.DateTimeField(_("bắt đầu tạm ngừng"))
    ends_at = models.DateTimeField(_("dự kiến hoạt động trở lại"))
    description = models.CharField(_("nội dung công việc"), max_length=300, blank=True)
    force_majeure = models.TextField(
        _("lý do bất khả kháng"),
        blank=True,
        help_text=_("Bắt buộc khi thông báo trước dưới 7 ngày làm việc."),
    )
    scheduled_at = models.DateTimeField(_("thời điểm thông báo"), default=timezone.now)
    scheduled_by = models.CharField(_("người thông báo"), max_length=200, blank=True)
    notice_working_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc báo trước"), default=0, editable=False
    )

    class Meta:
        verbose_name = _("lịch tạm ngừng hoạt động")
        verbose_name_plural = _("lịch tạm ngừng hoạt động")
        ordering = ["starts_at"]

    def __str__(self):
        return f"{self.site} {self.starts_at:%d/%m/%Y %H:%M}"

    def save(self, *args, **kwargs):
        self.notice_working_days = min(
            working_days_between(
                timezone.localdate(self.scheduled_at), timezone.localdate(self.starts_at)
            ),
            32767,
        )
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not (self.starts_at and self.ends_at):
            return
        now = timezone.now()
        if self.starts_at <= now:
            raise ValidationError({"starts_at": _("Thời điểm tạm ngừng phải ở tương lai.")})
        if self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("Thời điểm hoạt động trở lại phải sau thời điểm tạm ngừng.")}
            )
        if self.whole_network and not self.site.is_parent_portal:
            raise ValidationError(
                {"whole_network": _("Chỉ cổng cấp tỉnh/huyện thông báo cho cả mạng lưới.")}
            )
        self.force_majeure = (self.force_majeure or "").strip()
        if self.short_notice(now) and not self.force_majeure:
            raise ValidationError(
                {
                    "force_majeure": _(
                        "Tạm ngừng phải được thông báo trước ít nhất %(n)s ngày làm việc "
                        "(không kể thứ Bảy, Chủ nhật và ngày lễ); chậm nhất ngày %(day)s. "
                        "Nếu do bất khả kháng, hãy ghi rõ lý do."
                    )
                    % {
                        "n": NOTICE_WORKING_DAYS,
                        "day": self.latest_notice_day().strftime("%d/%m/%Y"),
                    }
                }
            )

    def latest_notice_day(self):
        return latest_notice_day(timezone.localdate(self.starts_at))

    def short_notice(self, now=None) -> bool:
        now = now or self.scheduled_at or timezone.now()
        lead = working_days_between(timezone.localdate(now), timezone.localdate(self.starts_at))
        return lead < NOTICE_WORKING_DAYS

    @property
    def shows_from(self) -> datetime:
        """When the notice appears: 7 working days ahead (or at once, if scheduled later)."""
        day = latest_notice_day(timezone.localdate(self.starts_at))
        return timezone.make_aware(datetime.combine(day, time.min))

    def scope_label(self) -> str:
        return str(_("Cả mạng lưới")) if self.whole_network else self.site.name

    @classmethod
    def for_site(cls, tenant):
        """Windows that concern ``tenant``: its own, and its network's (as member or parent)."""
        scope = Q(site=tenant) | Q(site_id=tenant.parent_id, whole_network=True)
        return cls.objects.filter(scope).select_related("site")

    @classmethod
    def notice_for(cls, tenant, now=None):
        """The window whose notice the site shows now, if any: the soonest one."""
        now = now or timezone.now()
        for window in cls.for_site(tenant).filter(ends_at__gt=now).order_by("starts_at"):
            if window.shows_from <= now:
                return window
        return None
