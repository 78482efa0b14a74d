"""The site's national monitoring code (mã giám sát EMC, portal-requirements F20)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from monitoring.snippet import parse_snippet


@register_setting(icon="view")
class MonitoringCode(BaseSiteSetting):
    """The snippet as pasted (for the board to recognise it) and the address read from it,
    which is all the public pages use."""

    snippet = models.TextField(
        _("mã giám sát"),
        blank=True,
        help_text=_(
            "Dán nguyên thẻ <script> do Hệ thống giám sát, đo lường (EMC) cấp cho trang. "
            "Để trống nếu chưa được cấp."
        ),
    )
    script_src = models.URLField(max_length=500, blank=True, editable=False)

    panels = [FieldPanel("snippet")]

    class Meta:
        verbose_name = _("mã giám sát")

    def clean(self):
        super().clean()
        try:
            self.script_src = parse_snippet(self.snippet) if self.snippet.strip() else ""
        except ValidationError as error:
            raise ValidationError({"snippet": error.messages}) from error

    def save(self, *args, **kwargs):
        # Saved outside a form too (the demo, the shell): the address is always the parsed one.
        self.script_src = parse_snippet(self.snippet) if self.snippet.strip() else ""
        super().save(*args, **kwargs)
