"""Page types of every site. The content issue grows this set; the foundation needs three."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The front page of a site: the first thing a citizen sees, with the latest news."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["content.SectionPage"]

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live().public().descendant_of(self).order_by("-date", "-pk")[:6]
        )
        return context


class SectionPage(Page):
    """A section (chuyên mục) listing its items, newest first, a page at a time."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = ["content.SectionPage", "content.NewsPage"]

    PAGE_SIZE = 10

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.get_children().live().public().specific().order_by("-first_published_at")
        context["items"] = Paginator(items, self.PAGE_SIZE).get_page(request.GET.get("trang"))
        return context


class NewsPage(Page):
    """A news item or article, dated, with a lead a citizen reads in the list."""

    date = models.DateField(_("ngày đăng"), default=timezone.localdate)
    lead = models.TextField(_("sapô"), blank=True)
    body = RichTextField(_("nội dung"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["content.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")
