"""After an index migration every site's entries are pruned against its live pages: an entry
deleted while the old index was being copied does not come back (review finding of session
6). Run here on the PostgreSQL backend, which implements the same ``prune``; the command's
Elasticsearch path calls the same function."""

from django_tenants.utils import schema_context

from search.backends.postgres import PostgresBackend
from search.indexing import prune_every_site
from search.outbox import UPSERT, Event
from tests.search.conftest import publish_news


def test_an_entry_whose_page_is_gone_is_pruned_and_live_entries_stay(network):
    from search.models import Entry

    site = network["iabang"]
    kept = publish_news(site, "Tin vẫn còn sau khi chuyển chỉ mục")
    backend = PostgresBackend()
    backend.apply([Event(site.pk, kept.pk, UPSERT, _doc(site, kept.pk, kept.title))])
    # What a copy started before a delete brings back: the entry of a page no longer live.
    ghost = publish_news(site, "Tin đã gỡ trong lúc sao chép")
    copied = Event(site.pk, ghost.pk, UPSERT, _doc(site, ghost.pk, ghost.title))
    with schema_context(site.schema_name):
        ghost.unpublish()
    backend.apply([copied])
    assert Entry.objects.filter(site_id=site.pk, page_id=ghost.pk).exists()

    prune_every_site(backend)

    titles = set(Entry.objects.filter(site_id=site.pk).values_list("title", flat=True))
    assert "Tin vẫn còn sau khi chuyển chỉ mục" in titles
    assert "Tin đã gỡ trong lúc sao chép" not in titles


def _doc(site, page_id, title):
    from search.documents import page_document

    with schema_context(site.schema_name):
        from wagtail.models import Page

        return page_document(Page.objects.get(pk=page_id).specific, site.pk)
