"""What each dataset of a site publishes: exactly what its public pages show, as JSON.

Every page dataset starts from ``live().public()`` (no draft, nothing behind a password,
login or group restriction, nor under such a page), as the public lists do; questions from
``Question.published()``, as the Hỏi – Đáp list does. The asker's name and contact, the
board's internal status, and anything else the public pages do not show are never in an item.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Site

from content.models import DocumentPage, NewsPage, ProcedurePage, Question, ScheduleWeekPage
from content.models.base import plain_text


def _day(value) -> str | None:
    if isinstance(value, datetime):
        return timezone.localdate(value).isoformat()
    return value.isoformat() if isinstance(value, date) else None


def _moment(value) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def _name(item) -> str | None:
    return item.name if item else None


def _page_fields(page, request) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request),
        "locale": page.locale.language_code,
        "first_published_at": _moment(page.first_published_at),
        "last_published_at": _moment(page.last_published_at),
    }


def news_item(page: NewsPage, request) -> dict:
    return {
        **_page_fields(page, request),
        "date": _day(page.date),
        "type": page.kind,
        "type_label": page.get_kind_display(),
        "lead": page.lead,
        "summary": page.search_summary(),
        "author": page.author,
        "contributing_unit": _name(page.contributing_unit),
    }


def _file_url(document, request) -> str | None:
    if document is None or document.collection.get_view_restrictions().exists():
        return None
    return request.build_absolute_uri(document.url)


def document_item(page: DocumentPage, request) -> dict:
    return {
        **_page_fields(page, request),
        "number": page.number,
        "type": page.document_type.code if page.document_type else None,
        "type_label": _name(page.document_type),
        "issuing_body": _name(page.issuing_body),
        "issue_date": _day(page.issue_date),
        "effective_date": _day(page.effective_date),
        "signer": page.signer,
        "sector": _name(page.sector),
        "abstract": page.abstract,
        "file_url": _file_url(page.file, request),
    }


def procedure_item(page: ProcedurePage, request) -> dict:
    return {
        **_page_fields(page, request),
        "code": page.code,
        "type": page.level,
        "type_label": page.get_level_display(),
        "sector": _name(page.sector),
        "agency": page.agency,
        "processing_time": page.processing_time,
        "fees": page.fees,
        "required_documents": plain_text(page.required_documents),
        "steps": plain_text(page.steps),
        "online_service_url": page.online_service_url or None,
    }


def schedule_item(page: ScheduleWeekPage, request) -> dict:
    return {
        **_page_fields(page, request),
        "week_start": _day(page.week_start),
        "week_end": _day(page.week_end),
        "entries": [
            {
                "day": _day(entry.value["day"]),
                "time": entry.value["time"],
                "content": entry.value["content"],
                "attendees": entry.value["attendees"],
                "location": entry.value["location"],
            }
            for entry in page.entries
        ],
    }


def question_item(question: Question, request) -> dict:
    return {
        "code": question.code,
        "question": question.question,
        "answer": plain_text(question.answer),
        "answered_by": question.answered_by,
        "answered_at": _moment(question.answered_at),
        "sector": _name(question.sector),
        "url": question.public_url(request) or None,
    }


def _pages(model, request) -> QuerySet:
    site = Site.find_for_request(request)
    pages = model.objects.live().public()
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages.select_related("locale")


@dataclass(frozen=True)
class Dataset:
    key: str  # its URL segment
    title: str
    items: Callable[[object], QuerySet]  # request → the visible objects, newest first
    serialize: Callable[[object, object], dict]
    date_field: str  # what ``from`` and ``to`` filter on
    type_field: str = ""  # what ``type`` filters on
    types: tuple[str, ...] = ()


def _news(request):
    return _pages(NewsPage, request).select_related("contributing_unit").order_by("-date", "-pk")


def _documents(request):
    return (
        _pages(DocumentPage, request)
        .select_related("document_type", "issuing_body", "sector", "file__collection")
        .order_by("-issue_date", "-pk")
    )


def _procedures(request):
    return _pages(ProcedurePage, request).select_related("sector").order_by("title", "pk")


def _schedules(request):
    return _pages(ScheduleWeekPage, request).order_by("-week_start", "-pk")


def _questions(request):
    return Question.published().select_related("sector").order_by("-answered_at", "-pk")


def _document_types() -> tuple[str, ...]:
    from content.models import DocumentType

    return tuple(code for code in DocumentType.objects.values_list("code", flat=True) if code)


DATASETS = {
    dataset.key: dataset
    for dataset in (
        Dataset(
            "tin-tuc", "Tin tức", _news, news_item, "date", "kind",
            tuple(NewsPage.Kind.values),
        ),
        Dataset(
            "van-ban", "Văn bản", _documents, document_item, "issue_date",
            "document_type__code",
        ),
        Dataset(
            "thu-tuc", "Thủ tục hành chính", _procedures, procedure_item,
            "last_published_at__date", "level", tuple(ProcedurePage.Level.values),
        ),
        Dataset("lich-cong-tac", "Lịch công tác", _schedules, schedule_item, "week_start"),
        Dataset("hoi-dap", "Hỏi – Đáp", _questions, question_item, "answered_at__date"),
    )
}  # fmt: skip


def types_of(dataset: Dataset) -> tuple[str, ...]:
    if dataset.key == "van-ban":
        return _document_types()
    return dataset.types
