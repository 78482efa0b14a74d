"""Questions and answers (Hỏi – Đáp, C24 and F5): a citizen asks, the board answers.

A question is received, handled and answered in the admin; once answered and marked public it
joins the public list. The asker follows it by a tracking code. Contact data stays in the
admin: no template of the public site receives it.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from content.models.base import PortalPage
from portal.clients import client_address

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read out over the phone


def new_tracking_code() -> str:
    """A public code like ``HD-7K3F-9Q2M``: unguessable, short enough to note down."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"HD-{chars[:4]}-{chars[4:]}"


def client_fingerprint(request) -> str:
    """A keyed hash of the client's address: enough to rate-limit, nothing to leak."""
    address = client_address(request)
    key = f"{settings.SECRET_KEY}:question:{address or ''}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


class Question(index.Indexed, models.Model):
    """A citizen's question, its handling status and the board's answer."""

    class Status(models.TextChoices):
        RECEIVED = "moi", _("Đã tiếp nhận")
        IN_PROGRESS = "dang-xu-ly", _("Đang xử lý")
        ANSWERED = "da-tra-loi", _("Đã trả lời")
        DECLINED = "khong-xu-ly", _("Không xử lý")

    code = models.CharField(_("mã theo dõi"), max_length=20, unique=True, editable=False)
    name = models.CharField(_("họ và tên người hỏi"), max_length=120)
    contact = models.CharField(
        _("thông tin liên hệ"),
        max_length=200,
        blank=True,
        help_text=_("Không bao giờ hiển thị công khai."),
    )
    sector = models.ForeignKey(
        "content.Sector",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    question = models.TextField(_("nội dung câu hỏi"))
    submitted_at = models.DateTimeField(_("thời điểm gửi"), default=timezone.now, editable=False)
    client_hash = models.CharField(max_length=64, editable=False, blank=True, db_index=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status, default=Status.RECEIVED
    )
    answer = RichTextField(_("nội dung trả lời"), blank=True)
    answered_by = models.CharField(_("đơn vị, người trả lời"), max_length=200, blank=True)
    answered_at = models.DateTimeField(_("thời điểm trả lời"), null=True, blank=True)
    is_public = models.BooleanField(
        _("công khai câu trả lời"),
        default=False,
        help_text=_("Đăng câu hỏi và câu trả lời trong danh sách Hỏi – Đáp."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("sector")]),
                FieldPanel("contact", read_only=True),
                FieldPanel("question", read_only=True),
            ],
            heading=_("Câu hỏi"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("answer"),
                FieldPanel("answered_by"),
                FieldPanel("is_public"),
            ],
            heading=_("Trả lời"),
        ),
    ]
    search_fields = [
        index.SearchField("code"),
        index.SearchField("name"),
        index.SearchField("question"),
        index.AutocompleteField("code"),
        index.FilterField("status"),
    ]

    RATE_LIMIT = 3  # questions per address…
    RATE_WINDOW = timedelta(hours=1)  # …in this window

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.code}: {self.question[:60]}"

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = new_tracking_code()
            while Question.objects.filter(code=self.code).exists():
                self.code = new_tracking_code()
        if self.status == self.Status.ANSWERED and self.answered_at is None:
            self.answered_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.status == self.Status.ANSWERED and not (self.answer or "").strip():
            errors["answer"] = _("Hãy nhập nội dung trả lời trước khi chuyển sang “Đã trả lời”.")
        if self.is_public and self.status != self.Status.ANSWERED:
            errors["is_public"] = _("Chỉ công khai được câu hỏi đã trả lời.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.is_public and self.status == self.Status.ANSWERED

    @classmethod
    def published(cls):
        return cls.objects.filter(is_public=True, status=cls.Status.ANSWERED)

    # The same contract as pages (content.models.base), so that the cross-site search can index
    # published questions too: a question is not a page (it has private contact data and a
    # handling status, not revisions), but a citizen should find answers from every site.
    search_kind = "question"

    def search_title(self) -> str:
        return Truncator(self.question).words(16)

    def search_summary(self) -> str:
        return Truncator(strip_tags(self.answer)).words(60)

    def search_date(self):
        return timezone.localtime(self.answered_at).date() if self.answered_at else None

    def search_extra(self) -> dict[str, str]:
        extra = {"code": self.code}
        if self.sector:
            extra["sector"] = self.sector.name
        return extra

    def public_url(self, request=None) -> str:
        """Where a published question is read: its status page under the site's Hỏi – Đáp."""
        index = QuestionIndexPage.objects.live().public().first()
        if index is None:
            return ""
        base = index.get_full_url(request) if request else index.url
        return f"{base}{index.reverse_subpage('status')}?ma={self.code}"


class QuestionIndexPage(RoutablePageMixin, PortalPage):
    """Hỏi – Đáp: the answered questions, a form to ask, and a status check by code."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]
    search_fields = [*PortalPage.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = []

    PAGE_SIZE = 10

    class Meta:
        verbose_name = _("hỏi – đáp")
        verbose_name_plural = _("hỏi – đáp")

    @path("", name="index")
    def index_view(self, request):
        from content.forms import QuestionForm

        if request.method == "POST":
            form = QuestionForm(request.POST, fingerprint=client_fingerprint(request))
            if form.is_valid():
                with transaction.atomic():
                    question = form.save()
                url = self.url + self.reverse_subpage("status")
                return redirect(f"{url}?ma={question.code}&moi=1")
        else:
            form = QuestionForm()
        return self._render(request, form, status=400 if form.is_bound else 200)

    def _render(self, request, form, status=200):
        answered = Question.published().select_related("sector").order_by("-answered_at")
        context = self.get_context(request)
        context["form"] = form
        context["questions"] = Paginator(answered, self.PAGE_SIZE).get_page(
            request.GET.get("trang")
        )
        return TemplateResponse(request, self.get_template(request), context, status=status)

    @path("tra-cuu/", name="status")
    def status_view(self, request):
        code = (request.GET.get("ma") or "").strip().upper()
        question = Question.objects.filter(code=code).first() if code else None
        context = self.get_context(request)
        context.update(
            {
                "code": code,
                "question": question,
                "just_sent": request.GET.get("moi") == "1" and question is not None,
            }
        )
        return TemplateResponse(request, "content/question_status.html", context)
