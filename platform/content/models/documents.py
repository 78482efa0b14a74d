"""Legal and directive documents (văn bản) and the index citizens search them in.

Decree 42/2022 art. 4(1)(a) names seven fields every published document carries: type
(hình thức), issuing body (thẩm quyền ban hành), number (số ký hiệu), issue date, effective
date, abstract (trích yếu) and a downloadable file; all seven are required here.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from content.feeds import FeedRoutesMixin
from content.models.base import PortalPage
from content.validators import normalise_document_number, validate_document_number
from portal.text import fold_vietnamese


def fold_for_lookup(*parts: str) -> str:
    """Lower-case text without diacritics, so "qd-ubnd" finds "QĐ-UBND" (đ is d)."""
    return fold_vietnamese(" ".join(part for part in parts if part)).lower()


class DocumentIndexPage(FeedRoutesMixin, PortalPage):
    """The documents of a unit, filtered by number, type, issuer, sector and year."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]
    search_fields = [*PortalPage.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = ["content.DocumentPage"]

    PAGE_SIZE = 20

    class Meta:
        verbose_name = _("danh mục văn bản")
        verbose_name_plural = _("danh mục văn bản")

    def documents(self):
        return (
            DocumentPage.objects.live()
            .public()
            .child_of(self)
            .select_related("document_type", "issuing_body", "sector", "file")
        )

    def get_context(self, request, *args, **kwargs):
        from content.forms import DocumentFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = DocumentFilterForm(request.GET or None, documents=self.documents(), listing=self)
        paginator = Paginator(form.filter(self.documents()), self.PAGE_SIZE)
        context["filter_form"] = form
        context["result_count"] = paginator.count
        context["documents"] = paginator.get_page(request.GET.get("trang"))
        query = request.GET.copy()
        query.pop("trang", None)
        context["query_string"] = query.urlencode()
        return context


class DocumentPage(PortalPage):
    """One document with the seven fields the law names, its signer and sector."""

    serve_related = ("document_type", "issuing_body", "sector", "file")

    document_type = models.ForeignKey(
        "content.DocumentType",
        verbose_name=_("loại văn bản"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issuing_body = models.ForeignKey(
        "content.IssuingBody",
        verbose_name=_("cơ quan ban hành"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    number = models.CharField(
        _("số ký hiệu"),
        max_length=60,
        validators=[validate_document_number],
        help_text=_("Ví dụ: 164/TB-UBND, 12/2024/QĐ-UBND"),
    )
    issue_date = models.DateField(_("ngày ban hành"), null=True)
    effective_date = models.DateField(_("ngày hiệu lực"), null=True)
    abstract = models.TextField(_("trích yếu"))
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp văn bản"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("PDF, DOC/DOCX hoặc XLS/XLSX."),
    )
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    sector = models.ForeignKey(
        "content.Sector",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lookup_text = models.TextField(editable=False, blank=True)
    # The foreign keys are required in the editor (blank=False) but SET_NULL on delete: the
    # admin has no answer to a protected deletion but an error page, and a document whose type
    # was deleted must still be readable (and shows up as incomplete to the board).

    content_panels = [
        *PortalPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("document_type")]),
                FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date")]),
                FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("signer")]),
                FieldPanel("sector"),
            ],
            heading=_("Thông tin văn bản"),
        ),
        FieldPanel("abstract"),
        FieldPanel("file"),
    ]
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("number", boost=3),
        index.SearchField("abstract"),
        index.SearchField("signer"),
        index.FilterField("issue_date"),
    ]
    parent_page_types = ["content.DocumentIndexPage"]
    subpage_types = []
    search_kind = "document"

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")

    def clean(self):
        super().clean()
        self.number = normalise_document_number(self.number)
        errors = {}
        today = timezone.localdate()
        if self.issue_date and self.issue_date > today:
            errors["issue_date"] = _("Ngày ban hành không thể sau ngày hôm nay.")
        if self.issue_date and self.effective_date and self.effective_date < self.issue_date:
            errors["effective_date"] = _("Ngày hiệu lực không thể trước ngày ban hành.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.number = normalise_document_number(self.number)
        self.lookup_text = fold_for_lookup(self.number, self.title, self.abstract, self.signer)
        return super().save(*args, **kwargs)

    @property
    def number_folded(self) -> str:
        return fold_for_lookup(self.number)

    def summary_source(self) -> str:
        return self.abstract

    def search_date(self):
        return self.issue_date

    def search_extra(self) -> dict[str, str]:
        extra = {"number": self.number}
        if self.document_type:
            extra["document_type"] = self.document_type.name
        if self.issuing_body:
            extra["issuing_body"] = self.issuing_body.name
        if self.sector:
            extra["sector"] = self.sector.name
        if self.issue_date:
            extra["issue_date"] = self.issue_date.isoformat()
        if self.effective_date:
            extra["effective_date"] = self.effective_date.isoformat()
        return extra

    def metadata_creator(self) -> str:
        return self.issuing_body.name if self.issuing_body else ""
