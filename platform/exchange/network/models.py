"""What crosses sites, in the public schema: every row names both sites (issue 18, item 4).

- ``Submission``: a commune's news item sent up to its parent portal, and the parent's answer.
- ``Dispatch`` and ``Receipt``: a page the parent portal pushes down, one receipt per member.

A source page is named by its id inside the sending site's schema (no foreign key crosses
schemas) and by its ``translation_key``, which, unlike the id, survives a page deleted and made
again or a site restored under new ids (``exchange.sources`` says which page a row means). A
site reads
only the rows where it is the sender or the receiver (``for_source``/``for_portal``,
``Receipt.objects.filter(site=…)``), so isolation is a filter on an indexed tenant column,
written once here and used by every view.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import Tenant


def site_blocked_reason(site: Tenant) -> str:
    """Why ``site`` cannot act on an exchange right now, or "" when it can."""
    if site.merged_into_id:
        return _("%(site)s đã sáp nhập vào trang khác.") % {"site": site.name}
    if site.status == Tenant.Status.SUSPENDED:
        return _("%(site)s đang tạm ngừng hoạt động.") % {"site": site.name}
    if site.status == Tenant.Status.ARCHIVED:
        return _("%(site)s đã chuyển sang lưu trữ (chỉ đọc).") % {"site": site.name}
    return ""


class SubmissionQuerySet(models.QuerySet):
    def for_portal(self, portal: Tenant):
        """What ``portal`` may see: sent to it by one of its own members (a commune moved to
        another parent takes its requests out of the old parent's sight)."""
        return self.filter(portal=portal, source__parent=portal)

    def for_source(self, site: Tenant):
        return self.filter(source=site)


class Submission(models.Model):
    """A news item a member site sent up to its parent portal ("tin cơ sở")."""

    class State(models.TextChoices):
        SENT = "sent", _("Chờ cấp trên xem xét")
        CHANGES = "changes", _("Cấp trên đề nghị sửa")
        DECLINED = "declined", _("Cấp trên từ chối")
        ACCEPTED = "accepted", _("Cấp trên đã nhận")

    source = models.ForeignKey(
        Tenant, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang gửi")
    )
    portal = models.ForeignKey(
        Tenant, on_delete=models.CASCADE, related_name="+", verbose_name=_("cổng nhận")
    )
    source_page_id = models.PositiveIntegerField(_("mã tin ở trang gửi"))
    source_translation_key = models.UUIDField(_("định danh tin ở trang gửi"), null=True, blank=True)
    source_url = models.URLField(_("địa chỉ bản gốc"), max_length=500)
    title = models.CharField(_("tiêu đề"), max_length=255)
    author = models.CharField(_("tác giả"), max_length=200, blank=True)
    snapshot = models.JSONField(_("bản gốc hiện tại"), default=dict)
    note = models.TextField(_("ghi chú"), max_length=1000, blank=True)
    sent_by = models.CharField(_("người gửi"), max_length=150)
    sent_at = models.DateTimeField(_("lúc gửi"))
    state = models.CharField(_("trạng thái"), max_length=10, choices=State, default=State.SENT)
    reason = models.TextField(_("lý do"), max_length=1000, blank=True)
    reviewed_by = models.CharField(_("người xử lý"), max_length=150, blank=True)
    reviewed_at = models.DateTimeField(_("lúc xử lý"), null=True, blank=True)
    copy_page_id = models.PositiveIntegerField(_("mã bản sao ở cổng"), null=True, blank=True)
    copied_snapshot = models.JSONField(_("bản gốc lúc sao"), null=True, blank=True)
    file_map = models.JSONField(default=dict, blank=True)  # "image:12" → id in the portal
    source_changed = models.BooleanField(_("bản gốc đã thay đổi"), default=False)
    source_withdrawn = models.BooleanField(_("bản gốc đã bị gỡ"), default=False)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("tin gửi lên")
        verbose_name_plural = _("tin gửi lên")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            # Once per page: its id alone may name another page after a delete and remake.
            models.UniqueConstraint(
                fields=["source", "source_page_id", "source_translation_key"],
                name="exchange_submission_once",
            )
        ]
        indexes = [models.Index(fields=["portal", "state"])]

    def __str__(self):
        return self.title

    def blocked_reason(self) -> str:
        """Why neither side may act on this request now (a side suspended or archived)."""
        return site_blocked_reason(self.source) or site_blocked_reason(self.portal)


class Dispatch(models.Model):
    """A page (document, announcement, news item) a parent portal pushes to its members."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Văn bản")
        ANNOUNCEMENT = "announcement", _("Thông báo")
        NEWS = "news", _("Tin bài")

    portal = models.ForeignKey(
        Tenant, on_delete=models.CASCADE, related_name="+", verbose_name=_("cổng gửi")
    )
    source_page_id = models.PositiveIntegerField(_("mã trang ở cổng"))
    source_translation_key = models.UUIDField(_("định danh trang ở cổng"), null=True, blank=True)
    source_url = models.URLField(_("địa chỉ bản gốc"), max_length=500)
    kind = models.CharField(_("loại"), max_length=15, choices=Kind)
    title = models.CharField(_("tiêu đề"), max_length=255)
    snapshot = models.JSONField(_("bản hiện tại"), default=dict)
    note = models.TextField(_("ghi chú"), max_length=1000, blank=True)
    sent_by = models.CharField(_("người gửi"), max_length=150)
    sent_at = models.DateTimeField(_("lúc gửi"))
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    withdrawn = models.BooleanField(_("bản gốc đã bị gỡ"), default=False)

    class Meta:
        verbose_name = _("trang gửi xuống")
        verbose_name_plural = _("trang gửi xuống")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["portal", "source_page_id", "source_translation_key"],
                name="exchange_dispatch_once",
            )
        ]

    def __str__(self):
        return self.title


class Receipt(models.Model):
    """One member site's receipt of a dispatch: not seen, seen, published or declined."""

    class State(models.TextChoices):
        UNSEEN = "unseen", _("Chưa xem")
        SEEN = "seen", _("Đã xem")
        PUBLISHED = "published", _("Đã đăng")
        DECLINED = "declined", _("Từ chối")

    PENDING = (State.UNSEEN, State.SEEN)

    dispatch = models.ForeignKey(
        Dispatch, on_delete=models.CASCADE, related_name="receipts", verbose_name=_("trang gửi")
    )
    site = models.ForeignKey(
        Tenant, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang nhận")
    )
    state = models.CharField(_("trạng thái"), max_length=10, choices=State, default=State.UNSEEN)
    seen_at = models.DateTimeField(_("lúc xem"), null=True, blank=True)
    acted_by = models.CharField(_("người xử lý"), max_length=150, blank=True)
    acted_at = models.DateTimeField(_("lúc xử lý"), null=True, blank=True)
    reason = models.TextField(_("lý do"), max_length=1000, blank=True)
    copy_page_id = models.PositiveIntegerField(_("mã bản sao"), null=True, blank=True)
    copied_version = models.PositiveIntegerField(null=True, blank=True)
    file_map = models.JSONField(default=dict, blank=True)
    error = models.CharField(_("lỗi cập nhật gần nhất"), max_length=500, blank=True)
    reminded_at = models.DateTimeField(_("lúc nhắc gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("biên nhận")
        verbose_name_plural = _("biên nhận")
        ordering = ["site__name"]
        constraints = [
            models.UniqueConstraint(fields=["dispatch", "site"], name="exchange_receipt_once")
        ]
        indexes = [models.Index(fields=["site", "state"])]

    def __str__(self):
        return f"{self.dispatch_id} → {self.site_id}: {self.state}"
