"""Network-wide look and campaigns, in the public schema (issue 6).

- ``NetworkTheme``: the theme (and version) a parent portal picks for its whole network.
- ``CampaignBanner``: a banner the parent portal pushes to all its sites, chosen sites or the
  sites of a kind, for a period.

Every site's pages show these through the page and fragment caches (serving/, issue 19): a
save or delete bumps the network's generation, so a change shows on the next request, and a
cached page lasts only until the next banner starts or ends (issue 6: "within a second").
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.validators import FileExtensionValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tenants.models import Tenant
from themes import registry

MAX_BANNER_IMAGE = 1024 * 1024  # a banner is loaded by every page view of every site


def network_media_storage():
    """Campaign images belong to no site: they live under ``media/_network/`` (no schema can
    be named so), not in the uploading portal's own folder, so every site's URL is the same."""
    return FileSystemStorage(
        location=Path(settings.MEDIA_ROOT) / "_network",
        base_url=f"{settings.MEDIA_URL}_network/",
    )


class NetworkTheme(models.Model):
    """The theme of a parent portal and all its member sites; a site's branding may
    override it. One row per parent portal; none means the registry's default."""

    portal = models.OneToOneField(
        Tenant,
        on_delete=models.CASCADE,
        related_name="network_theme",
        verbose_name=_("cổng thông tin"),
    )
    theme = models.CharField(_("giao diện"), max_length=40, choices=registry.choices())
    updated_by = models.CharField(_("người đổi"), max_length=150, blank=True)
    updated_at = models.DateTimeField(_("lúc đổi"), auto_now=True)

    class Meta:
        verbose_name = _("giao diện của mạng lưới")
        verbose_name_plural = _("giao diện của mạng lưới")

    def __str__(self):
        return f"{self.portal}: {self.theme}"


class CampaignBannerQuerySet(models.QuerySet):
    def for_site(self, tenant: Tenant, now=None, upcoming: bool = False):
        """Banners showing on ``tenant`` at ``now``: its network's, targeted at it, in their
        period and not withdrawn. Periods are half-open: shown from ``starts_at`` until just
        before ``ends_at``. With ``upcoming``, those still to start too."""
        now = now or timezone.now()
        portal_id = tenant.pk if tenant.is_parent_portal else tenant.parent_id
        targeted = (
            Q(target=CampaignBanner.Target.ALL)
            | Q(target=CampaignBanner.Target.CHOSEN, sites=tenant)
            | Q(target=CampaignBanner.Target.KIND, kind=tenant.kind)
        )
        period = Q(ends_at__gt=now) if upcoming else Q(starts_at__lte=now, ends_at__gt=now)
        return (
            self.filter(period, portal_id=portal_id, withdrawn=False)
            .filter(targeted)
            .distinct()
            .order_by("starts_at", "pk")
        )


class CampaignBanner(models.Model):
    """A campaign banner (lô gô, băng rôn tuyên truyền) pushed by a parent portal."""

    class Target(models.TextChoices):
        ALL = "all", _("Mọi trang trong mạng lưới")
        CHOSEN = "chosen", _("Các trang được chọn")
        KIND = "kind", _("Các trang cùng cấp")

    portal = models.ForeignKey(
        Tenant,
        on_delete=models.CASCADE,
        related_name="campaign_banners",
        verbose_name=_("cổng thông tin phát hành"),
    )
    title = models.CharField(
        _("tiêu đề"), max_length=200, help_text=_("Hiện thành chữ, và là mô tả của ảnh.")
    )
    text = models.TextField(_("nội dung"), max_length=500, blank=True)
    image = models.ImageField(
        _("ảnh"),
        storage=network_media_storage,
        upload_to="banners/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp", "gif"])],
        help_text=_("JPEG, PNG, WebP hoặc GIF, tối đa 1 MB; ngang khoảng 1200 điểm ảnh."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    link = models.URLField(
        _("liên kết"),
        max_length=300,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    # The banner is drawn as text beside its image (issue 16, part 5): its link is a button
    # whose words the portal chooses ("Xem chi tiết" if left empty).
    link_text = models.CharField(
        _("chữ trên nút liên kết"),
        max_length=40,
        blank=True,
        help_text=_("Ví dụ: Xem kế hoạch. Để trống: “Xem chi tiết”."),
    )
    starts_at = models.DateTimeField(_("bắt đầu hiện"))
    ends_at = models.DateTimeField(_("thôi hiện"))
    target = models.CharField(
        _("hiện trên"), max_length=10, choices=Target.choices, default=Target.ALL
    )
    sites = models.ManyToManyField(
        Tenant, blank=True, related_name="+", verbose_name=_("các trang được chọn")
    )
    kind = models.CharField(_("cấp"), max_length=20, blank=True, choices=Tenant.Kind.choices)
    withdrawn = models.BooleanField(_("đã gỡ"), default=False)
    created_by = models.CharField(_("người tạo"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ngày cập nhật"), auto_now=True)

    objects = CampaignBannerQuerySet.as_manager()
    is_campaign = True

    class Meta:
        verbose_name = _("băng rôn tuyên truyền")
        verbose_name_plural = _("băng rôn tuyên truyền")
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["portal", "withdrawn", "ends_at"])]

    def __str__(self):
        return self.title

    @property
    def marker(self) -> str:
        """What the rendered page carries (``data-banner``) so a receipt can find it."""
        return f"campaign-{self.pk}"

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Thời điểm thôi hiện phải sau lúc bắt đầu.")
        if self.target == self.Target.KIND and not self.kind:
            errors["kind"] = _("Hãy chọn cấp của các trang sẽ hiện băng rôn.")
        if self.image and getattr(self.image, "size", 0) > MAX_BANNER_IMAGE:
            errors["image"] = _("Ảnh quá lớn: tối đa 1 MB.")
        if errors:
            raise ValidationError(errors)

    def is_showing_at(self, now=None) -> bool:
        now = now or timezone.now()
        return not self.withdrawn and self.starts_at <= now < self.ends_at

    def targeted_sites(self):
        """The sites of the network this banner is aimed at (active or archived ones)."""
        network = Tenant.objects.filter(Q(pk=self.portal_id) | Q(parent_id=self.portal_id))
        network = network.exclude(status=Tenant.Status.SUSPENDED).filter(merged_into=None)
        if self.target == self.Target.CHOSEN:
            return network.filter(pk__in=self.sites.values("pk"))
        if self.target == self.Target.KIND:
            return network.filter(kind=self.kind)
        return network
