"""What a board keeps besides its pages: members' units, quotas and the royalty ledger.

Every table lives in the site's own schema. Contributing units and the items credited to them
are in ``content`` (``ContributingUnit``, ``NewsPage.contributing_unit``); the board's monthly
quota for the whole site is a site setting here, each unit's own quota is on the unit.

The royalty ledger is append-only: a line is written when an item is first published, and a
correction is a new line (negative or positive) that points at the line it corrects. Nothing
is ever updated or deleted, so the ledger of any past period can be re-read as it was.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from content.models import ContributingUnit, NewsPage

# A commune's yearly royalty budget is tens of millions of đồng; a rate is tens or hundreds of
# thousands. Anything past these is a typing slip (an extra zero or three), not a real figure.
MAX_RATE = 50_000_000
MAX_BUDGET = 100_000_000_000
MAX_MONTHLY_TARGET = 1000


def current_approval_steps() -> int:
    """The review the site already runs (chosen at provisioning), so a new settings row
    starts from it instead of silently switching the site to another workflow."""
    from wagtail.models import WorkflowPage

    from editorial.roles import ONE_STEP_WORKFLOW

    names = WorkflowPage.objects.filter(page__depth=2).values_list("workflow__name", flat=True)
    return 1 if ONE_STEP_WORKFLOW in names else 2


@register_setting(icon="group")
class BoardSettings(BaseSiteSetting):
    """The board's own choices for its site."""

    monthly_target = models.PositiveSmallIntegerField(
        _("chỉ tiêu tin bài mỗi tháng của trang"),
        default=12,
        validators=[MaxValueValidator(MAX_MONTHLY_TARGET)],
        help_text=_("Tỉnh giao 12 tin bài mỗi tháng; Trưởng ban có thể đặt chỉ tiêu khác."),
    )
    approval_steps = models.PositiveSmallIntegerField(
        _("quy trình duyệt tin"),
        choices=[(1, _("Một bước: Trưởng ban duyệt")), (2, _("Hai bước: Phó ban, rồi Trưởng ban"))],
        default=current_approval_steps,
        help_text=_("Áp dụng ngay cho các tin bài gửi duyệt sau khi lưu."),
    )

    class Meta:
        verbose_name = _("thiết lập Ban biên tập")

    def save(self, *args, **kwargs):
        """The choice takes effect as Wagtail's workflow on the site's home page."""
        from editorial.board import choose_review

        super().save(*args, **kwargs)
        if self.approval_steps != current_approval_steps():
            choose_review(self.site.root_page, self.approval_steps)


class BoardMember(models.Model):
    """A user's place on the board beyond their role group: the unit they write for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="board_member",
        verbose_name=_("tài khoản"),
    )
    unit = models.ForeignKey(
        ContributingUnit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        verbose_name=_("đơn vị"),
    )
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("thành viên Ban biên tập")
        verbose_name_plural = _("thành viên Ban biên tập")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()


class RoyaltyRate(models.Model):
    """Amount paid for one published item of a kind (tin, bài, tin ảnh…), in đồng."""

    kind = models.CharField(_("thể loại"), max_length=10, choices=NewsPage.Kind, unique=True)
    amount = models.PositiveIntegerField(
        _("mức nhuận bút (đồng)"), validators=[MaxValueValidator(MAX_RATE)]
    )

    class Meta:
        ordering = ["kind"]
        verbose_name = _("mức nhuận bút")
        verbose_name_plural = _("mức nhuận bút")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.amount:,} đ"


class RoyaltyBudget(models.Model):
    """The year's royalty budget (kinh phí nhuận bút)."""

    year = models.PositiveSmallIntegerField(_("năm"), unique=True)
    amount = models.PositiveBigIntegerField(
        _("kinh phí (đồng)"), validators=[MaxValueValidator(MAX_BUDGET)]
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("kinh phí nhuận bút")
        verbose_name_plural = _("kinh phí nhuận bút")

    def __str__(self):
        return f"{self.year}: {self.amount:,} đ"


class RoyaltyLine(models.Model):
    """One entry of the royalty ledger. Append-only: see the module docstring."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,  # a deleted item's royalty was still paid
        related_name="+",
        verbose_name=_("tin bài"),
    )
    page_title = models.CharField(_("tiêu đề"), max_length=255)
    kind = models.CharField(_("thể loại"), max_length=10, choices=NewsPage.Kind)
    amount = models.BigIntegerField(_("số tiền (đồng)"))  # negative for a correction
    authors = models.CharField(_("tác giả"), max_length=255, blank=True)
    unit = models.ForeignKey(
        ContributingUnit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("đơn vị"),
    )
    reason = models.TextField(_("lý do điều chỉnh"), blank=True)
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        verbose_name=_("điều chỉnh cho dòng"),
    )
    created_at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("người ghi"),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("dòng nhuận bút")
        verbose_name_plural = _("sổ nhuận bút")

    def __str__(self):
        return f"{self.page_title}: {self.amount:,} đ"
