"""Home page, sections, news items and the two pages every unit must have in English
(introduction and contact, Decree 42/2022 art. 7(2))."""

from typing import NamedTuple

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from content.blocks import (
    BodyBlock,
    ContactOfficerBlock,
    LeaderBlock,
    QuickLinkBlock,
    RelatedPagesBlock,
)
from content.feeds import FeedRoutesMixin
from content.models.base import PortalPage, plain_text, with_images
from portal import site_memo

CHILD_TYPES = [
    "content.SectionPage",
    "content.NewsPage",
    "content.DocumentIndexPage",
    "content.ProcedureIndexPage",
    "content.ScheduleIndexPage",
    "content.QuestionIndexPage",
    "content.ConsultationIndexPage",
    "content.IntroductionPage",
    "content.ContactPage",
]


class HomePage(FeedRoutesMixin, PortalPage):
    """The front page of a site: latest and featured news, documents, this week's schedule,
    links to online public services and the hotline."""

    intro = RichTextField(_("giới thiệu"), blank=True)
    hotline = models.CharField(_("đường dây nóng"), max_length=60, blank=True)
    quick_links = StreamField(
        [("link", QuickLinkBlock())], blank=True, verbose_name=_("liên kết nhanh")
    )

    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("hotline"),
        FieldPanel("quick_links"),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = CHILD_TYPES

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from content.models.documents import DocumentPage
        from content.models.schedules import ScheduleWeekPage

        context = super().get_context(request, *args, **kwargs)
        # Every listing is lazy, down to building its query: the template keeps them in a
        # per-site fragment (serving.fragments), so a page-cache miss whose fragment is still
        # current spends nothing on them.

        def news():
            return (
                NewsPage.objects.live()
                .public()
                .descendant_of(self)
                .select_related("image")
                .order_by("-date", "-pk")
            )

        featured = SimpleLazyObject(lambda: list(news().filter(featured=True)[:3]))
        context["featured_news"] = featured
        # An item shows once on the page: the featured ones are left out of the latest.
        context["latest_news"] = SimpleLazyObject(
            lambda: list(news().exclude(pk__in=[item.pk for item in featured])[:6])
        )
        context["latest_documents"] = SimpleLazyObject(
            lambda: list(
                DocumentPage.objects.live()
                .public()
                .descendant_of(self)
                .select_related("document_type", "issuing_body")
                .order_by("-issue_date", "-pk")[:5]
            )
        )
        context["today"] = timezone.localdate()
        context["week"] = SimpleLazyObject(lambda: ScheduleWeekPage.current_for(self))
        return context


class SectionPage(FeedRoutesMixin, PortalPage):
    """A section (chuyên mục) listing its items, newest first, a page at a time."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]
    search_fields = [*PortalPage.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = CHILD_TYPES

    PAGE_SIZE = 10

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.get_children().live().public().specific().order_by("-first_published_at")
        listed = Paginator(items, self.PAGE_SIZE).get_page(request.GET.get("trang"))
        listed.object_list = with_images(listed.object_list)
        context["items"] = listed
        return context


class NewsPage(PortalPage):
    """A news item or article (tin, bài, tin ảnh, bài ảnh, video, audio), dated and credited."""

    serve_related = ("image", "contributing_unit")

    class Kind(models.TextChoices):
        NEWS = "tin", _("Tin")
        ARTICLE = "bai", _("Bài")
        PHOTO_NEWS = "tin-anh", _("Tin ảnh")
        PHOTO_ARTICLE = "bai-anh", _("Bài ảnh")
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Âm thanh")

    kind = models.CharField(
        _("thể loại"), max_length=10, choices=Kind, default=Kind.NEWS, blank=True
    )
    date = models.DateField(_("ngày đăng"), default=timezone.localdate)
    lead = models.TextField(_("sapô"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("nội dung"))
    author = models.CharField(_("tác giả"), max_length=200, blank=True)
    contributing_unit = models.ForeignKey(
        "content.ContributingUnit",
        verbose_name=_("đơn vị cung cấp tin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    related_pages = StreamField(RelatedPagesBlock(), blank=True, verbose_name=_("tin liên quan"))
    featured = models.BooleanField(
        _("tin nổi bật"), default=False, help_text=_("Hiển thị ở mục tin nổi bật trên trang chủ.")
    )
    # Publication delay is measured from the event to the first publication (issue 5).
    event_date = models.DateField(
        _("ngày diễn ra sự kiện"),
        null=True,
        blank=True,
        help_text=_("Ngày sự kiện được đưa tin diễn ra; dùng để đo độ trễ đăng tin."),
    )
    urgent = models.BooleanField(
        _("tin hoạt động lãnh đạo, cần đăng trong ngày"),
        default=False,
        help_text=_("Người duyệt thấy tin này trước các tin khác."),
    )

    content_panels = [
        *PortalPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("date"),
                FieldPanel("event_date"),
                FieldPanel("urgent"),
                FieldPanel("featured"),
            ],
            heading=_("Phân loại"),
        ),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("contributing_unit")], heading=_("Nguồn tin")
        ),
        FieldPanel("related_pages"),
    ]
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["content.SectionPage", "content.HomePage"]
    subpage_types = []
    search_kind = "news"

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")

    def save(self, *args, **kwargs):
        self.kind = self.kind or self.Kind.NEWS  # a form without the field means a plain item
        return super().save(*args, **kwargs)

    def summary_source(self) -> str:
        return self.lead or plain_text(self.body)

    def search_extra(self) -> dict[str, str]:
        extra = {"kind": self.get_kind_display()}
        if self.contributing_unit:
            extra["contributing_unit"] = self.contributing_unit.name
        if self.author:
            extra["author"] = self.author
        return extra

    def related_items(self) -> list["Related"]:
        """The items the editor chose, else the latest other items of the same section."""
        chosen = [
            Related.of(block.value.specific)
            for block in self.related_pages
            if block.value is not None and block.value.live
        ]
        if chosen:
            return chosen
        # Every item of a section shows the same few latest: remembered once per section, as
        # small tuples (a worker may remember thousands of sections).
        parent_path = self.path[: -self.steplen]
        latest = site_memo.remembered(
            f"latest-items:{parent_path}",
            lambda: tuple(
                Related.of(item)
                for item in NewsPage.objects.live()
                .public()
                .sibling_of(self)
                .order_by("-date", "-pk")[:4]
            ),
        )
        return [item for item in latest if item.pk != self.pk][:3]


class Related(NamedTuple):
    """One entry of a news item's "Tin liên quan"."""

    pk: int
    title: str
    url: str
    date: object

    @classmethod
    def of(cls, page) -> "Related":
        return cls(page.pk, page.title, page.get_url() or "", getattr(page, "date", None))


class IntroductionPage(PortalPage):
    """The unit's introduction: functions, organisation and leaders, the locality (C1, C4, C5)."""

    functions = RichTextField(_("chức năng, nhiệm vụ, quyền hạn"), blank=True)
    organisation = RichTextField(_("cơ cấu tổ chức"), blank=True)
    org_chart = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sơ đồ tổ chức"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    leaders = StreamField([("leader", LeaderBlock())], blank=True, verbose_name=_("lãnh đạo"))
    locality = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("địa phương"),
        help_text=_(
            "Bản đồ hành chính, điều kiện tự nhiên, lịch sử, văn hóa, di tích, danh thắng."
        ),
    )

    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("functions"),
        FieldPanel("organisation"),
        FieldPanel("org_chart"),
        FieldPanel("leaders"),
        FieldPanel("locality"),
    ]
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("functions"),
        index.SearchField("organisation"),
        index.SearchField("leaders"),
        index.SearchField("locality"),
    ]
    parent_page_types = ["content.HomePage", "content.SectionPage", "content.IntroductionPage"]
    subpage_types = ["content.IntroductionPage", "content.ContactPage"]

    class Meta:
        verbose_name = _("trang giới thiệu")
        verbose_name_plural = _("trang giới thiệu")

    def summary_source(self) -> str:
        return plain_text(self.functions) or plain_text(self.organisation)


class ContactPage(PortalPage):
    """How to reach the unit: address, phone, e-mail, contact officers, hotline (C2, C3)."""

    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=60, blank=True)
    fax = models.CharField(_("fax"), max_length=60, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    hotline = models.CharField(_("đường dây nóng"), max_length=60, blank=True)
    working_hours = models.CharField(_("giờ làm việc"), max_length=300, blank=True)
    officers = StreamField(
        [("officer", ContactOfficerBlock())], blank=True, verbose_name=_("cán bộ đầu mối")
    )
    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
                FieldPanel("hotline"),
                FieldPanel("working_hours"),
            ],
            heading=_("Thông tin liên hệ"),
        ),
        FieldPanel("officers"),
    ]
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("address"),
        index.SearchField("officers"),
    ]
    parent_page_types = ["content.HomePage", "content.SectionPage", "content.IntroductionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("trang liên hệ")
        verbose_name_plural = _("trang liên hệ")

    def summary_source(self) -> str:
        parts = [self.address, self.phone, self.email]
        return " – ".join(part for part in parts if part) or plain_text(self.intro)
