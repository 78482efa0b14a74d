"""What one site keeps for its reports, in its own schema: visit settings, manual checks."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="view")
class VisitSettings(BaseSiteSetting):
    """The visit counter of the site: the figure it brought along, and the public counter."""

    starting_total = models.PositiveBigIntegerField(
        _("số lượt truy cập trước khi chuyển sang nền tảng"),
        default=0,
        help_text=_("Tổng lượt truy cập của trang cũ, cộng vào số lượt truy cập lũy kế."),
    )
    show_counter = models.BooleanField(_("hiện bộ đếm lượt truy cập ở chân trang"), default=False)

    class Meta:
        verbose_name = _("bộ đếm lượt truy cập")


class ManualCheck(models.Model):
    """The board's own answer to a rule a program cannot check ("kiểm tra thủ công")."""

    ruleset = models.CharField(_("bộ tiêu chí"), max_length=40)
    code = models.CharField(_("tiêu chí"), max_length=10)
    passed = models.BooleanField(_("đạt"))
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    checked_at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("người kiểm tra"),
    )

    class Meta:
        verbose_name = _("kết quả kiểm tra thủ công")
        verbose_name_plural = _("kết quả kiểm tra thủ công")
        constraints = [
            models.UniqueConstraint(fields=["ruleset", "code"], name="reports_manual_check_unique")
        ]

    def __str__(self):
        return f"{self.ruleset} {self.code}: {'đạt' if self.passed else 'chưa đạt'}"
