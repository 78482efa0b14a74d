"""Administrative procedures (thủ tục hành chính) and their index (C8).

Each procedure carries its code from the national public service catalogue so that it can be
matched with the National Public Service Portal, and a link to the online service.
"""

from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from content.models.base import PortalPage, plain_text
from content.models.documents import fold_for_lookup


class ProcedureIndexPage(PortalPage):
    """The administrative procedures a citizen can do with the unit, by sector."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]
    search_fields = [*PortalPage.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = ["content.ProcedurePage"]

    PAGE_SIZE = 20

    class Meta:
        verbose_name = _("danh mục thủ tục hành chính")
        verbose_name_plural = _("danh mục thủ tục hành chính")

    def get_context(self, request, *args, **kwargs):
        from content.forms import ProcedureFilterForm

        context = super().get_context(request, *args, **kwargs)
        procedures = ProcedurePage.objects.live().public().child_of(self).select_related("sector")
        form = ProcedureFilterForm(request.GET or None)
        results = form.filter(procedures)
        context["filter_form"] = form
        context["procedures"] = Paginator(results, self.PAGE_SIZE).get_page(
            request.GET.get("trang")
        )
        return context


class ProcedurePage(PortalPage):
    """One administrative procedure: what to bring, how long it takes, what it costs."""

    class Level(models.TextChoices):
        # Decree 42/2022, art. 11: how much of a procedure can be done online.
        FULL = "toan-trinh", _("Dịch vụ công trực tuyến toàn trình")
        PARTIAL = "mot-phan", _("Dịch vụ công trực tuyến một phần")
        INFORMATION = "thong-tin", _("Cung cấp thông tin")

    code = models.CharField(
        _("mã thủ tục"),
        max_length=30,
        blank=True,
        validators=[
            RegexValidator(
                r"^\d\.\d{6}(\.[0-9A-Z.]+)?$",
                _("Mã thủ tục theo Cơ sở dữ liệu quốc gia có dạng 1.001612 hoặc 2.002154."),
            )
        ],
        help_text=_("Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001612"),
    )
    level = models.CharField(_("mức độ"), max_length=12, choices=Level, default=Level.PARTIAL)
    sector = models.ForeignKey(
        "content.Sector",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    agency = models.CharField(_("cơ quan thực hiện"), max_length=300, blank=True)
    processing_time = models.CharField(_("thời hạn giải quyết"), max_length=300, blank=True)
    fees = models.CharField(_("phí, lệ phí"), max_length=300, blank=True)
    required_documents = RichTextField(_("thành phần hồ sơ"), blank=True)
    steps = RichTextField(_("trình tự thực hiện"), blank=True)
    online_service_url = models.URLField(_("đường dẫn dịch vụ công trực tuyến"), blank=True)
    lookup_text = models.TextField(editable=False, blank=True)

    content_panels = [
        *PortalPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("sector"), FieldPanel("agency")]),
                FieldRowPanel([FieldPanel("processing_time"), FieldPanel("fees")]),
                FieldPanel("online_service_url"),
            ],
            heading=_("Thông tin thủ tục"),
        ),
        FieldPanel("required_documents"),
        FieldPanel("steps"),
    ]
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("code", boost=3),
        index.SearchField("required_documents"),
        index.SearchField("steps"),
    ]
    parent_page_types = ["content.ProcedureIndexPage"]
    subpage_types = []
    search_kind = "procedure"

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def save(self, *args, **kwargs):
        self.lookup_text = fold_for_lookup(self.code, self.title)
        return super().save(*args, **kwargs)

    def summary_source(self) -> str:
        return plain_text(self.steps) or plain_text(self.required_documents)

    def search_extra(self) -> dict[str, str]:
        extra = {"level": self.get_level_display()}
        if self.code:
            extra["code"] = self.code
        if self.sector:
            extra["sector"] = self.sector.name
        return extra
