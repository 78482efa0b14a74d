"""Lists an editorial board shares within its site: contributing units, document types,
issuing bodies and sectors (lĩnh vực). Each site keeps its own lists in its own schema.

"Sector" is our code name for *lĩnh vực* (đất đai, tư pháp, y tế…): one list serves
documents, procedures and citizens' questions, so a citizen filters all three the same way.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class NamedItem(index.Indexed, models.Model):
    """A short, ordered list entry with a unique name."""

    name = models.CharField(_("tên"), max_length=200, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ContributingUnit(NamedItem):
    """A department, commune or organisation credited for a news item (đơn vị cung cấp tin).

    Boards count items per unit per month in two groups, as Đak Đoa's report appendix does:
    the board's own units and outside contributors (schools, unions, press…).
    """

    class Group(models.TextChoices):
        BOARD = "board", _("Thành viên Ban biên tập")
        OUTSIDE = "outside", _("Cộng tác viên ngoài")

    group = models.CharField(_("nhóm"), max_length=10, choices=Group, default=Group.OUTSIDE)
    monthly_target = models.PositiveSmallIntegerField(
        _("chỉ tiêu tin bài mỗi tháng"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu đơn vị không có chỉ tiêu."),
    )

    class Meta(NamedItem.Meta):
        verbose_name = _("đơn vị cung cấp tin")
        verbose_name_plural = _("đơn vị cung cấp tin")


class DocumentType(NamedItem):
    """The form of a document (hình thức văn bản): Quyết định, Kế hoạch, Thông báo…"""

    code = models.CharField(
        _("chữ viết tắt"), max_length=20, blank=True, help_text=_("Ví dụ: QĐ, KH, TB")
    )

    class Meta(NamedItem.Meta):
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")


class IssuingBody(NamedItem):
    """The authority that issued a document (cơ quan ban hành)."""

    class Meta(NamedItem.Meta):
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")


class Sector(NamedItem):
    """A field of state management (lĩnh vực), shared by documents, procedures, questions."""

    class Meta(NamedItem.Meta):
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
