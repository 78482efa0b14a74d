"""The network's sites (tenants) and the host names they answer on. Public schema only."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin

from tenants.slugs import schema_name_for, validate_slug


class Tenant(TenantMixin):
    """One site of the network: the parent portal (province or district) or a member site."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Tỉnh, thành phố")
        DISTRICT = "district", _("Huyện")
        COMMUNE = "commune", _("Xã")
        WARD = "ward", _("Phường")
        TOWNSHIP = "township", _("Thị trấn")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang hoạt động")
        SUSPENDED = "suspended", _("Tạm ngừng")
        ARCHIVED = "archived", _("Lưu trữ")

    PARENT_KINDS = (Kind.PROVINCE, Kind.DISTRICT)

    name = models.CharField(
        _("tên đơn vị"), max_length=200, help_text=_("Tên chính thức, ví dụ: Xã Ia Băng.")
    )
    short_name = models.CharField(_("tên ngắn"), max_length=100, blank=True)
    slug = models.CharField(
        _("mã trang"),
        max_length=40,
        unique=True,
        validators=[validate_slug],
        help_text=_("Chữ thường không dấu, dùng trong địa chỉ trang, ví dụ: iabang."),
    )
    kind = models.CharField(_("cấp"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cổng thông tin cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    group = models.CharField(
        _("cụm, khu vực"),
        max_length=100,
        blank=True,
        help_text=_(
            "Nhóm của trang trong danh bạ các xã/phường của cổng, ví dụ tên huyện cũ hoặc "
            "“Khu vực phía Bắc”. Để trống: xếp vào nhóm “Khác”."
        ),
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    approval_steps = models.PositiveSmallIntegerField(
        _("số bước duyệt"), choices=[(1, _("Một bước")), (2, _("Hai bước"))], default=2
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("sáp nhập vào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_sites",
    )
    created_by = models.CharField(_("người tạo"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ngày cập nhật"), auto_now=True)

    # Schemas are cloned by tenants.services.create_site, the one way a site is made; and a
    # site is archived, never dropped with its content by a stray delete().
    auto_create_schema = False
    auto_drop_schema = False

    class Meta:
        verbose_name = _("trang")
        verbose_name_plural = _("các trang")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_parent_portal(self) -> bool:
        return self.kind in self.PARENT_KINDS

    @property
    def unit_in_sentence(self) -> str:
        """The unit's name inside a sentence: "xã Ia Băng", "huyện Đak Đoa"."""
        return f"{self.name[:1].lower()}{self.name[1:]}"

    @property
    def site_title(self) -> str:
        """The title the law and the reports use: "Cổng thông tin điện tử huyện Đak Đoa"."""
        prefix = "Cổng thông tin điện tử" if self.is_parent_portal else "Trang thông tin điện tử"
        return f"{prefix} {self.unit_in_sentence}"

    @property
    def authority(self) -> str:
        """The owning body named in the footer (Circular 32/2017 art. 16): the People's
        Committee of the unit."""
        return f"Ủy ban nhân dân {self.unit_in_sentence}"

    def clean(self):
        if self.slug and not self.schema_name:
            self.schema_name = schema_name_for(self.slug)
        if self.is_parent_portal and self.parent_id:
            raise ValidationError({"parent": _("Cổng thông tin cấp tỉnh/huyện không có cấp trên.")})
        if not self.is_parent_portal and self.kind and not self.parent_id:
            raise ValidationError(
                {"parent": _("Trang thành viên phải thuộc một cổng thông tin cấp tỉnh/huyện.")}
            )
        if self.parent_id and not self.parent.is_parent_portal:
            raise ValidationError(
                {"parent": _("Cấp trên phải là cổng thông tin của tỉnh hoặc huyện.")}
            )


class Domain(DomainMixin):
    """A host name a site answers on, e.g. ``iabang.dakdoa.gialai.gov.vn``."""

    class Meta:
        verbose_name = _("tên miền")
        verbose_name_plural = _("tên miền")

    def __str__(self):
        return self.domain


class SupportGrant(models.Model):
    """A network administrator's one-time, short-lived entry into a member site's admin.

    Only a hash of the token is stored; the grant records who asked, for which site, when,
    and when it was used, so every support visit is accounted for (issue 3: no shared
    passwords)."""

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="support_grants")
    granted_by = models.CharField(_("người yêu cầu"), max_length=150)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lượt hỗ trợ")
        verbose_name_plural = _("lượt hỗ trợ")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.granted_by} → {self.tenant}"


class SpareSchema(models.Model):
    """A copy of the clone template made ahead of time, waiting to become a site's schema.

    Cloning costs most of a site's creation (~0.4 s of DDL); renaming a spare costs
    milliseconds (``tenants.spares``). ``fingerprint`` is the template's when the copy was
    made: a spare of an older template is never used, only dropped."""

    schema_name = models.CharField(max_length=63, unique=True)
    fingerprint = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.schema_name


class ChiefEmail(models.Model):
    """One e-mail sent to a site's chief with a one-time link (the link is not kept)."""

    class Reason(models.TextChoices):
        CREATED = "created", _("Tạo trang")
        IMPORTED = "imported", _("Nhập từ CSV")
        RESENT = "resent", _("Gửi lại")

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="chief_emails")
    recipient = models.EmailField(_("người nhận"))
    reason = models.CharField(_("lý do"), max_length=20, choices=Reason.choices)
    sent_by = models.CharField(_("người gửi"), max_length=150, blank=True)
    sent_at = models.DateTimeField(_("thời điểm gửi"), auto_now_add=True)
    delivered = models.BooleanField(_("đã chuyển cho máy chủ thư"), default=True)

    class Meta:
        verbose_name = _("thư gửi trưởng ban")
        verbose_name_plural = _("thư gửi trưởng ban")
        ordering = ["-sent_at"]

    def __str__(self):
        return f"{self.recipient} ({self.get_reason_display()})"
