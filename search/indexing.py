"""Turning page changes in a site's schema into outbox events (see ``search.outbox``)."""

from django.conf import settings
from django.db import connection

from search.documents import is_indexable, page_document
from search.outbox import DELETE, UPSERT, Event, record
from search.questions import site_question_events

_site_ids: dict[str, int] = {}


def current_site_id() -> int | None:
    """The id of the site whose schema the connection is in; None outside any site.

    The public schema and the clone template are not sites: pages there are never indexed.
    """
    schema = getattr(connection, "schema_name", None)
    if not schema or schema in ("public", settings.TENANT_BASE_SCHEMA):
        return None
    tenant = getattr(connection, "tenant", None)
    tenant_id = getattr(tenant, "pk", None)
    if tenant_id is not None and getattr(tenant, "schema_name", None) == schema:
        return tenant_id
    if schema not in _site_ids:
        with connection.cursor() as cursor:
            cursor.execute("SELECT id FROM public.tenants_tenant WHERE schema_name = %s", [schema])
            row = cursor.fetchone()
        if row is None:
            return None
        _site_ids[schema] = row[0]
    return _site_ids[schema]


def page_event(page, site_id: int) -> Event:
    page = page.specific
    if is_indexable(page):
        return Event(site_id, page.pk, UPSERT, page_document(page, site_id))
    return Event(site_id, page.pk, DELETE)


def _lists_questions(pages) -> bool:
    from content.models import QuestionIndexPage

    return any(issubclass(page.specific_class or object, QuestionIndexPage) for page in pages)


def _with_questions(events: list[Event], pages, site_id: int, leaving=None) -> list[Event]:
    """Published questions are read under the Hỏi – Đáp page: they follow its address and
    its being live and public (``search.questions``)."""
    if _lists_questions(pages):
        return [*events, *site_question_events(site_id, leaving)]
    return events


def index_page(page) -> None:
    """Publish, or any change of the page itself: upsert it, or remove it if not indexable."""
    site_id = current_site_id()
    if site_id is not None:
        record(_with_questions([page_event(page, site_id)], [page], site_id))


def index_subtree(page) -> None:
    """Move, slug change, view restriction: the page and all below it change URL or access."""
    site_id = current_site_id()
    if site_id is None:
        return
    pages = list(page.get_descendants(inclusive=True).specific())
    record(_with_questions([page_event(each, site_id) for each in pages], pages, site_id))


def remove_page(page) -> None:
    """Unpublish or delete: the entry goes."""
    site_id = current_site_id()
    if site_id is not None:
        events = [Event(site_id, page.pk, DELETE)]
        record(_with_questions(events, [page], site_id, leaving=page.pk))


def index_site(site_id: int) -> int:
    """Every live page and published question of the current schema's site; their count.

    For what arrives live without any publish signal: a new site's skeleton pages, which come
    with the schema clone (``tenants.services.create_site`` calls this in its transaction).
    """
    from wagtail.models import Page, Site

    # create_site sets the Site's host name with an update, which Wagtail's cache of site root
    # paths does not see; an earlier site of the same schema name (deleted, or a rolled-back
    # transaction) may have left its host there. The URLs stored must be this site's.
    Site.clear_site_root_paths_cache()
    pages = Page.objects.filter(depth__gt=1, live=True).specific().iterator()
    events = [page_event(page, site_id) for page in pages]
    events += site_question_events(site_id)
    record(events)
    return len(events)


def reindex_site(site_id: int) -> int:
    """Make the current schema's site's entries exactly its live pages and published
    questions; return how many there are. After a restore from a backup
    (``tenants.signals.site_restored``) the entries of pages the archive lacks go, and those
    of the archive come back."""
    index_site(site_id)
    return prune_site(site_id)


def prune_site(site_id: int, backend=None) -> int:
    """Drop the index's entries of the current schema's site that are no longer live pages or
    published questions; return how many entries the site keeps."""
    from wagtail.models import Page

    from search.backends import get_backend

    keep = list(Page.objects.filter(depth__gt=1, live=True).values_list("pk", flat=True))
    keep += [event.page_id for event in site_question_events(site_id) if event.action == UPSERT]
    (backend or get_backend()).prune(site_id, keep)
    return len(keep)


def prune_every_site(backend=None) -> None:
    """``prune_site`` for every site. An Elasticsearch index migration copies the old index
    into the new one while writes already go to the new one: an entry deleted during the copy
    comes back with it, so the migration ends with this (review finding, session 6)."""
    from django_tenants.utils import schema_context

    from tenants.models import Tenant

    for site in Tenant.objects.exclude(schema_name="public").order_by("pk"):
        with schema_context(site.schema_name):
            prune_site(site.pk, backend)
