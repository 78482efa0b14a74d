"""Consultation on draft documents (lấy ý kiến dự thảo, C17 and F7).

A draft is published with its full text, attachments, issuing body, the window in which
comments are received and the address to send them to. While the window is open citizens
comment through a form guarded like the question form; the board reads, tags and answers the
comments in the admin; after closing it publishes the summary of the comments and how they
were taken into account (kết quả lấy ý kiến). The page shows the count and the summary.

A commenter's name and contact stay in the admin: no public template receives them.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from content.models.base import PortalPage, plain_text
from content.models.questions import client_fingerprint


class ConsultationIndexPage(PortalPage):
    """Lấy ý kiến dự thảo: the drafts open for comment first, then the closed ones."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]
    search_fields = [*PortalPage.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = ["content.DraftForComment"]

    class Meta:
        verbose_name = _("lấy ý kiến dự thảo")
        verbose_name_plural = _("lấy ý kiến dự thảo")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        drafts = DraftForComment.objects.live().public().child_of(self)
        context["open_drafts"] = drafts.filter(opens_on__lte=today, closes_on__gte=today).order_by(
            "closes_on"
        )
        context["closed_drafts"] = drafts.filter(closes_on__lt=today).order_by("-closes_on")
        context["coming_drafts"] = drafts.filter(opens_on__gt=today).order_by("opens_on")
        return context


class DraftForComment(RoutablePageMixin, PortalPage):
    """One draft under consultation, its comment form while open and its result after."""

    issuing_body = models.ForeignKey(
        "content.IssuingBody",
        verbose_name=_("cơ quan chủ trì soạn thảo"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    abstract = models.TextField(_("trích yếu"))
    opens_on = models.DateField(_("ngày bắt đầu lấy ý kiến"))
    closes_on = models.DateField(_("ngày kết thúc lấy ý kiến"))
    body = RichTextField(_("toàn văn dự thảo"))
    attachments = StreamField(
        [("document", DocumentChooserBlock(label=_("tệp đính kèm")))],
        verbose_name=_("tệp dự thảo và tài liệu kèm theo"),
        blank=True,
    )
    contact_address = models.TextField(
        _("địa chỉ tiếp nhận ý kiến"),
        help_text=_("Địa chỉ, thư điện tử, điện thoại của cơ quan nhận ý kiến góp ý."),
    )
    handling = RichTextField(
        _("cách thức tiếp nhận, xử lý ý kiến"),
        help_text=_("Ý kiến được tổng hợp, tiếp thu, giải trình thế nào và công khai ở đâu."),
    )
    result_summary = RichTextField(
        _("kết quả lấy ý kiến"),
        blank=True,
        help_text=_("Tổng hợp ý kiến nhận được, việc tiếp thu, giải trình; đăng sau khi kết thúc."),
    )

    content_panels = [
        *PortalPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("issuing_body"),
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                FieldPanel("contact_address"),
            ],
            heading=_("Thông tin lấy ý kiến"),
        ),
        FieldPanel("abstract"),
        FieldPanel("body"),
        FieldPanel("attachments"),
        FieldPanel("handling"),
        FieldPanel("result_summary"),
    ]
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("abstract"),
        index.SearchField("body"),
        index.FilterField("closes_on"),
    ]
    parent_page_types = ["content.ConsultationIndexPage"]
    subpage_types = []
    search_kind = "consultation"

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": _("Ngày kết thúc không thể trước ngày bắt đầu lấy ý kiến.")}
            )

    # -- the window ----------------------------------------------------------------------------

    def is_open(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return bool(self.opens_on and self.closes_on) and self.opens_on <= today <= self.closes_on

    def is_closed(self, today: date | None = None) -> bool:
        return bool(self.closes_on) and (today or timezone.localdate()) > self.closes_on

    def comment_count(self) -> int:
        return self.comments.count()

    # -- search contract -----------------------------------------------------------------------

    def summary_source(self) -> str:
        return self.abstract or plain_text(self.body)

    def search_date(self):
        return self.opens_on

    def search_extra(self) -> dict[str, str]:
        extra = {}
        if self.issuing_body:
            extra["issuing_body"] = self.issuing_body.name
        if self.opens_on:
            extra["opens_on"] = self.opens_on.isoformat()
        if self.closes_on:
            extra["closes_on"] = self.closes_on.isoformat()
        return extra

    def metadata_creator(self) -> str:
        return self.issuing_body.name if self.issuing_body else ""

    # -- the comment form ----------------------------------------------------------------------

    @path("", name="index")
    def index_view(self, request):
        from content.forms import DraftCommentForm

        if request.method == "POST":
            form = DraftCommentForm(
                request.POST, draft=self, fingerprint=client_fingerprint(request)
            )
            if form.is_valid():
                with transaction.atomic():
                    form.save()
                return redirect(f"{self.url}?da-gui=1#gop-y")
            return self._render(request, form, status=400)
        return self._render(request, DraftCommentForm(draft=self))

    def _render(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        context["just_sent"] = request.GET.get("da-gui") == "1"
        return TemplateResponse(request, self.get_template(request), context, status=status)


class DraftCommentTag(TaggedItemBase):
    """The board's tags on a comment (chủ đề, điều khoản…), to group them for the summary."""

    content_object = ParentalKey(
        "content.DraftComment", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DraftComment(ClusterableModel):
    """A citizen's comment on a draft and the board's handling of it."""

    class Status(models.TextChoices):
        RECEIVED = "moi", _("Đã tiếp nhận")
        ACCEPTED = "tiep-thu", _("Tiếp thu")
        EXPLAINED = "giai-trinh", _("Giải trình, không tiếp thu")
        IRRELEVANT = "khong-lien-quan", _("Không liên quan đến dự thảo")

    draft = models.ForeignKey(
        DraftForComment,
        verbose_name=_("dự thảo"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    name = models.CharField(_("họ và tên người góp ý"), max_length=120, blank=True)
    contact = models.CharField(
        _("thông tin liên hệ"),
        max_length=200,
        blank=True,
        help_text=_("Không bao giờ hiển thị công khai."),
    )
    text = models.TextField(_("nội dung góp ý"))
    submitted_at = models.DateTimeField(_("thời điểm gửi"), default=timezone.now, editable=False)
    client_hash = models.CharField(max_length=64, editable=False, blank=True, db_index=True)
    status = models.CharField(_("xử lý"), max_length=16, choices=Status, default=Status.RECEIVED)
    tags = TaggableManager(through=DraftCommentTag, blank=True, verbose_name=_("nhãn"))
    answer = models.TextField(_("trả lời, giải trình"), blank=True)
    answered_at = models.DateTimeField(_("thời điểm trả lời"), null=True, blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("draft", read_only=True),
                FieldRowPanel(
                    [FieldPanel("name", read_only=True), FieldPanel("contact", read_only=True)]
                ),
                FieldPanel("text", read_only=True),
            ],
            heading=_("Ý kiến góp ý"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("tags"), FieldPanel("answer")],
            heading=_("Xử lý"),
        ),
    ]

    RATE_LIMIT = 5  # comments per address…
    RATE_WINDOW = timedelta(hours=1)  # …in this window
    MAX_LENGTH = 10_000

    class Meta:
        verbose_name = _("ý kiến góp ý dự thảo")
        verbose_name_plural = _("ý kiến góp ý dự thảo")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.draft.title[:40]}: {self.text[:60]}"

    def save(self, *args, **kwargs):
        if self.answer.strip() and self.answered_at is None:
            self.answered_at = timezone.now()
        super().save(*args, **kwargs)
