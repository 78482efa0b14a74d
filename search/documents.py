"""What the index stores about a page: a plain dict built in the page's own schema.

The content page types follow a small contract (issue 7, coded with defaults because the
types are built in parallel): ``search_kind`` (news, document, procedure, question, page),
``search_summary()``, ``search_date()`` and ``search_extra()``. The text to index comes from
the model's Wagtail ``search_fields``, with rich text and StreamField flattened to plain text.
"""

import datetime
import re
import unicodedata

from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.search import index

KINDS = ("news", "document", "procedure", "question", "consultation", "page")
SUMMARY_LENGTH = 300
BODY_LIMIT = 100_000  # characters; a pasted decree must not make one row huge

_SPACES = re.compile(r"\s+")


def clean_text(value) -> str:
    """NFC, no tags, single spaces: NFD text pasted from Word must match NFC queries."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", strip_tags(str(value)))
    return _SPACES.sub(" ", text).strip()


def _field_texts(page, field_name: str) -> list[str]:
    try:
        field = page._meta.get_field(field_name)
    except Exception:  # a property or method listed in search_fields
        value = getattr(page, field_name, None)
        value = value() if callable(value) else value
        return [clean_text(value)]
    value = field.value_from_object(page)
    if hasattr(field, "get_searchable_content"):  # RichTextField, StreamField
        return [clean_text(text) for text in field.get_searchable_content(value)]
    return [clean_text(value)]


def body_text(page) -> str:
    """Every ``index.SearchField`` of the page but the title, flattened, in declared order."""
    texts = []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField):
            continue
        if search_field.field_name in ("title", "search_description", "slug"):
            continue
        texts.extend(_field_texts(page, search_field.field_name))
    return clean_text(" ".join(text for text in texts if text))[:BODY_LIMIT]


def _summary(page, body: str) -> str:
    method = getattr(page, "search_summary", None)
    if callable(method):
        return clean_text(method())[: SUMMARY_LENGTH * 2]
    if page.search_description:
        return clean_text(page.search_description)
    if len(body) <= SUMMARY_LENGTH:
        return body
    return body[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + "…"


def as_datetime(value) -> datetime.datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    if isinstance(value, datetime.date):
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time(12)))
    return None


def _date(page) -> datetime.datetime:
    method = getattr(page, "search_date", None)
    value = method() if callable(method) else getattr(page, "date", None)
    return (
        as_datetime(value)
        or as_datetime(page.first_published_at)
        or as_datetime(page.last_published_at)
        or timezone.now()
    )


def _section(page) -> str:
    """The title of the top section the page sits in (depth 3: root → home → section)."""
    if page.depth <= 3:
        return ""
    section = page.get_ancestors().filter(depth=3).first()
    return section.title if section else ""


def _extra(page) -> dict[str, str]:
    method = getattr(page, "search_extra", None)
    if not callable(method):
        return {}
    return {str(key): clean_text(value) for key, value in (method() or {}).items() if value}


def page_document(page, site_id: int) -> dict:
    """The document of one live page (``page`` is the specific instance)."""
    body = body_text(page)
    kind = getattr(page, "search_kind", "page")
    extra = _extra(page)
    updated = as_datetime(page.last_published_at) or timezone.now()
    return {
        "site_id": site_id,
        "page_id": page.pk,
        "locale": page.locale.language_code if page.locale_id else "vi",
        "url": page.get_full_url() or page.url_path,
        "title": clean_text(page.title),
        "summary": _summary(page, body),
        "body": body,
        "keywords": " ".join(extra.values()),
        "kind": kind if kind in KINDS else "page",
        "section": _section(page),
        "extra": extra,
        "published_at": _date(page).isoformat(),
        "updated_at": updated.isoformat(),
    }


def is_indexable(page) -> bool:
    """Live, public, and a real page of the site (not the tree's root)."""
    if page.depth < 2 or not page.live:
        return False
    return not page.get_view_restrictions().exists()
