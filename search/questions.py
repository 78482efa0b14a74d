"""Citizens' questions in the index (issue 7): an answered, public question is type "question".

A question is a model, not a page (it keeps the asker's contact and a handling status, not
revisions), so no Wagtail publish signal tells the index about it: ``post_save`` and
``post_delete`` do, through the outbox like every page change, in the same transaction.

The index is keyed by (site, page id); a question takes the key ``-question.pk`` so it can
never collide with a page of the same site (page ids are positive). Only what the public list
shows is stored: the question, the answer, who answered, the tracking code and the sector,
never the asker's name or contact.
"""

from django.utils import timezone

from search.documents import as_datetime, clean_text
from search.outbox import DELETE, UPSERT, Event, record


def entry_key(question) -> int:
    """The question's ``page_id`` in the index: negative, apart from the site's page ids."""
    return -question.pk


def question_document(question, site_id: int, url: str, section: str) -> dict:
    extra = {str(key): clean_text(value) for key, value in question.search_extra().items() if value}
    answered = as_datetime(question.answered_at) or timezone.now()
    # The tracking code is searchable but goes in the body, not the keywords: keywords feed
    # the lexicon the typo correction draws on, and random codes would be offered as words.
    body = clean_text(
        f"{question.question} {question.answer} {question.answered_by} {question.code}"
    )
    return {
        "site_id": site_id,
        "page_id": entry_key(question),
        "locale": "vi",
        "url": url,
        "title": clean_text(question.search_title()),
        "summary": clean_text(question.search_summary()),
        "body": body,
        "keywords": " ".join(value for key, value in extra.items() if key != "code"),
        "kind": "question",
        "section": section,
        "extra": extra,
        "published_at": (as_datetime(question.search_date()) or answered).isoformat(),
        "updated_at": answered.isoformat(),
    }


def _list_page(leaving: int | None = None):
    """The site's live, public Hỏi – Đáp page, where published questions are read (or None);
    ``leaving``: a page being deleted, which still exists while its delete signal runs."""
    from content.models import QuestionIndexPage

    return QuestionIndexPage.objects.live().public().exclude(pk=leaving).first()


def question_event(question, site_id: int, list_page) -> Event:
    """An upsert while the question is answered, public and readable on the site's Hỏi – Đáp
    page (``list_page``, None when the site has none live and public); else a delete."""
    key = entry_key(question)
    if not question.is_published or list_page is None:
        return Event(site_id, key, DELETE)
    url = f"{list_page.get_full_url()}{list_page.reverse_subpage('status')}?ma={question.code}"
    return Event(site_id, key, UPSERT, question_document(question, site_id, url, list_page.title))


def site_question_events(site_id: int, leaving: int | None = None) -> list[Event]:
    """Every published question of the current site's schema: for a rebuild, and when the
    Hỏi – Đáp page is published, unpublished or moved (the questions' address is under it)."""
    from content.models import Question

    list_page = _list_page(leaving)
    questions = Question.published().select_related("sector").order_by("pk")
    return [question_event(question, site_id, list_page) for question in questions]


def question_changed(question) -> None:
    from search.indexing import current_site_id

    site_id = current_site_id()
    if site_id is not None:
        record([question_event(question, site_id, _list_page())])


def question_deleted(question) -> None:
    from search.indexing import current_site_id

    site_id = current_site_id()
    if site_id is not None:
        record([Event(site_id, entry_key(question), DELETE)])
