"""Leaders' weekly work schedules (lịch công tác, C16): one page per week, under an index
that opens on the current week and lets a citizen walk back through the previous ones."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from content.blocks import ScheduleEntryBlock
from content.models.base import PortalPage


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class ScheduleIndexPage(PortalPage):
    """The leaders' schedules: this week first, earlier weeks a page at a time."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]
    search_fields = [*PortalPage.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = ["content.ScheduleWeekPage"]

    PAGE_SIZE = 10

    class Meta:
        verbose_name = _("lịch công tác")
        verbose_name_plural = _("lịch công tác")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        current = ScheduleWeekPage.current_for(self)
        weeks = ScheduleWeekPage.objects.live().public().child_of(self).order_by("-week_start")
        if current:
            weeks = weeks.exclude(pk=current.pk)
        context["current_week"] = current
        context["previous_weeks"] = Paginator(weeks, self.PAGE_SIZE).get_page(
            request.GET.get("trang")
        )
        return context


class ScheduleWeekPage(PortalPage):
    """The leaders' schedule of one week (Monday to Sunday)."""

    week_start = models.DateField(
        _("tuần bắt đầu từ thứ Hai"), help_text=_("Ngày thứ Hai của tuần.")
    )
    entries = StreamField(
        [("entry", ScheduleEntryBlock())], blank=True, verbose_name=_("lịch công tác")
    )

    content_panels = [*PortalPage.content_panels, FieldPanel("week_start"), FieldPanel("entries")]
    search_fields = [*PortalPage.search_fields, index.SearchField("entries")]
    parent_page_types = ["content.ScheduleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lịch công tác tuần")
        verbose_name_plural = _("lịch công tác tuần")

    @classmethod
    def current_for(cls, ancestor) -> "ScheduleWeekPage | None":
        """This week's schedule under ``ancestor``, else the latest week already begun."""
        today = timezone.localdate()
        return (
            cls.objects.live()
            .public()
            .descendant_of(ancestor)
            .filter(week_start__lte=today)
            .order_by("-week_start")
            .first()
        )

    @property
    def week_end(self) -> date:
        return self.week_start + timedelta(days=6)

    def is_current(self) -> bool:
        return self.week_start == monday_of(timezone.localdate())

    def clean(self):
        super().clean()
        if self.week_start and self.week_start.weekday() != 0:
            raise ValidationError({"week_start": _("Tuần phải bắt đầu từ một ngày thứ Hai.")})
        if self.week_start:
            for entry in self.entries:
                day = entry.value["day"]
                if day and not self.week_start <= day <= self.week_end:
                    raise ValidationError(
                        {
                            "entries": _("Ngày %(day)s không thuộc tuần từ %(start)s đến %(end)s.")
                            % {
                                "day": day.strftime("%d/%m/%Y"),
                                "start": self.week_start.strftime("%d/%m/%Y"),
                                "end": self.week_end.strftime("%d/%m/%Y"),
                            }
                        }
                    )

    def days(self):
        """Entries grouped by day, in order: [(date, [entry values])]."""
        grouped: dict[date, list] = {}
        for entry in sorted(self.entries, key=lambda e: (e.value["day"], e.value["time"])):
            grouped.setdefault(entry.value["day"], []).append(entry)
        return list(grouped.items())

    def search_date(self):
        return self.week_start

    def summary_source(self) -> str:
        return " ".join(entry.value["content"] for entry in self.entries)[:500]
