"""What a site sets for itself, in its own schema: branding and its own banners (issue 6).

Only validated values leave here: colours are ``#rrggbb`` checked for AA contrast, links are
http(s) URLs, texts are plain and escaped where shown. Nothing a site sets can inject markup
or break the layout (see ``themes/templatetags/theme_tags.py`` for how they are rendered).
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from themes import registry
from themes.contrast import check_pair, safe_colour, validate_hex_colour

DEFAULT_ON_PRIMARY = "#ffffff"
DEFAULT_ON_ACCENT = "#1a1a1a"

validate_web_url = URLValidator(
    schemes=["http", "https"], message=_("Địa chỉ phải bắt đầu bằng http:// hoặc https://.")
)
validate_phone = RegexValidator(
    r"^[0-9+()./ -]{3,30}$",
    _("Số điện thoại chỉ gồm chữ số, dấu cách và các dấu + ( ) . - /."),
)


def _colour_field(label, help_text=""):
    return models.CharField(
        label, max_length=7, blank=True, validators=[validate_hex_colour], help_text=help_text
    )


def _url_field(label):
    return models.URLField(label, max_length=300, blank=True, validators=[validate_web_url])


@register_setting(icon="image")
class SiteBranding(BaseSiteSetting):
    """How the site presents itself within the network's theme: emblem, banner image,
    colours, footer details, social links, hotline. Empty fields fall back to the theme."""

    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("quốc huy / biểu trưng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Hiện bên trái tên trang ở đầu trang. Ảnh vuông, nền trong suốt."),
    )
    banner_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh băng rôn đầu trang"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ảnh nền đầu trang, tỉ lệ khoảng 6:1; được thu nhỏ theo màn hình."),
    )
    theme = models.CharField(
        _("giao diện riêng"),
        max_length=40,
        blank=True,
        choices=registry.choices(),
        help_text=_("Để trống để dùng giao diện chung của mạng lưới."),
    )
    primary_colour = _colour_field(_("màu chủ đạo"), _("Nền đầu trang và menu, ví dụ #a50e0e."))
    on_primary_colour = _colour_field(_("màu chữ trên màu chủ đạo"), _("Mặc định trắng #ffffff."))
    accent_colour = _colour_field(_("màu nhấn"), _("Dải nhấn và nút, ví dụ #f2c200."))
    on_accent_colour = _colour_field(_("màu chữ trên màu nhấn"), _("Mặc định #1a1a1a."))

    owner_body = models.CharField(
        _("cơ quan chủ quản"),
        max_length=200,
        blank=True,
        help_text=_("Để trống: Ủy ban nhân dân của đơn vị."),
    )
    responsible_person = models.CharField(
        _("người chịu trách nhiệm nội dung"), max_length=200, blank=True
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(
        _("điện thoại"), max_length=30, blank=True, validators=[validate_phone]
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    hotline = models.CharField(
        _("đường dây nóng"), max_length=30, blank=True, validators=[validate_phone]
    )
    footer_text = models.TextField(
        _("dòng chữ chân trang"),
        max_length=1000,
        blank=True,
        help_text=_("Chữ thường, không định dạng: ví dụ giấy phép, ghi rõ nguồn khi trích dẫn."),
    )
    facebook_url = _url_field(_("Facebook"))
    youtube_url = _url_field(_("YouTube"))
    zalo_url = _url_field(_("Zalo"))

    panels = [
        MultiFieldPanel(
            [FieldPanel("emblem"), FieldPanel("banner_image"), FieldPanel("theme")],
            heading=_("Hình ảnh và giao diện"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("on_primary_colour")]),
                FieldRowPanel([FieldPanel("accent_colour"), FieldPanel("on_accent_colour")]),
            ],
            heading=_("Màu sắc"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("owner_body"),
                FieldPanel("responsible_person"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("hotline")]),
                FieldPanel("email"),
                FieldPanel("footer_text"),
            ],
            heading=_("Chân trang"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("youtube_url"), FieldPanel("zalo_url")],
            heading=_("Mạng xã hội"),
        ),
    ]

    class Meta:
        verbose_name = _("nhận diện trang")

    def clean(self):
        super().clean()
        errors = {}
        pairs = (
            ("primary_colour", "on_primary_colour", DEFAULT_ON_PRIMARY, _("Màu chủ đạo")),
            ("accent_colour", "on_accent_colour", DEFAULT_ON_ACCENT, _("Màu nhấn")),
        )
        for background_field, text_field, default_text, what in pairs:
            background = getattr(self, background_field)
            text = getattr(self, text_field) or default_text
            if not (safe_colour(background) and safe_colour(text)):
                continue  # not hex: the field's own validator says so
            try:
                check_pair(background, text, str(what))
            except ValidationError as error:
                errors[background_field] = error
        if errors:
            raise ValidationError(errors)

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [("Facebook", self.facebook_url), ("YouTube", self.youtube_url)]
        links.append(("Zalo", self.zalo_url))
        return [(name, url) for name, url in links if url]


class SiteBannerQuerySet(models.QuerySet):
    def showing(self, now=None, upcoming: bool = False):
        """Banners in their period at ``now`` (with ``upcoming``, those still to start too)."""
        now = now or timezone.now()
        if upcoming:
            return self.filter(withdrawn=False, ends_at__gt=now)
        return self.filter(withdrawn=False, starts_at__lte=now, ends_at__gt=now)


class SiteBanner(models.Model):
    """A banner the site's own board puts on its pages for a period (issue 6, item 4)."""

    title = models.CharField(
        _("tiêu đề"), max_length=200, help_text=_("Hiện thành chữ, và là mô tả của ảnh.")
    )
    text = models.TextField(_("nội dung"), max_length=500, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link = _url_field(_("liên kết"))
    starts_at = models.DateTimeField(_("bắt đầu hiện"))
    ends_at = models.DateTimeField(_("thôi hiện"))
    withdrawn = models.BooleanField(_("đã gỡ"), default=False)

    objects = SiteBannerQuerySet.as_manager()
    is_campaign = False

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("image"),
        FieldPanel("link"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("withdrawn"),
    ]

    class Meta:
        verbose_name = _("băng rôn của trang")
        verbose_name_plural = _("băng rôn của trang")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Thời điểm thôi hiện phải sau lúc bắt đầu.")})

    @property
    def marker(self) -> str:
        return f"site-{self.pk}"
