"""A parent portal's home page shows its network (issue 16, part 4): "Tin từ các xã/phường"
and the count of its members, cached with the page and refreshed when a member's entry changes
in the index (publish, unpublish), whenever the index applies it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context

from search import outbox
from search.backends.postgres import PostgresBackend
from tests import factories
from tests.conftest import site_client
from tests.serving.test_query_budget import BUDGET

TITLE = "Khánh thành cầu treo thôn Ia Thử"


@pytest.fixture
def parent(demo_network, db, cached):
    return demo_network["dakdoa"]


@pytest.fixture
def member(parent):
    # A name (so a schema) of its own per test: search.indexing remembers each schema's site
    # id for the process, and a schema reused after a rolled-back test would index elsewhere.
    return factories.commune(parent)


def _home(parent) -> str:
    response = site_client(parent).get("/")
    assert response.status_code == 200
    return response.content.decode()


def _fill_cache(parent) -> str:
    html = _home(parent)
    again = site_client(parent).get("/")
    assert again["X-Page-Cache"] == "hit"  # the next anonymous request is served from the cache
    return html


def _unpublish(member, page) -> None:
    with schema_context(member.schema_name):
        page.refresh_from_db()
        page.unpublish()


def test_a_members_news_reaches_the_parents_cached_home_and_leaves_it(parent, member):
    assert TITLE not in _fill_cache(parent)
    page = factories.news(member, TITLE)
    outbox.drain()  # as the worker would (PostgreSQL applied it at publish already)
    html = _home(parent)
    assert TITLE in html
    assert 'class="usa-collection"' in html and "Tin từ các xã/phường" in html
    with schema_context(member.schema_name):
        url = page.full_url
    assert f'href="{url}"' in html
    assert url.startswith(f"http://{member.get_primary_domain().domain}/")
    section = html.split('id="member-news"')[1].split("</section>")[0]
    assert member.name in section
    _unpublish(member, page)
    outbox.drain()
    assert TITLE not in _home(parent)


class DeferredPostgres(PostgresBackend):
    """Delivers only when the outbox is drained, as the Elasticsearch backend does."""

    applies_in_transaction = False


def test_with_a_deferred_index_the_home_changes_when_the_worker_delivers(
    parent, member, monkeypatch
):
    monkeypatch.setattr("search.backends.get_backend", lambda: DeferredPostgres())
    assert TITLE not in _fill_cache(parent)
    page = factories.news(member, TITLE)
    assert outbox.pending() >= 1  # waiting for the worker; the index does not have it yet
    assert TITLE not in _home(parent)
    assert outbox.drain() >= 1
    assert TITLE in _home(parent)
    _unpublish(member, page)
    assert TITLE in _home(parent)  # still in the index until delivered
    outbox.drain()
    assert TITLE not in _home(parent)


def test_the_parents_own_news_are_not_news_from_the_communes(parent, member):
    factories.news(parent, "Tin riêng của huyện Đak Đoa")
    html = _home(parent)
    section = html.split('id="member-news"')[1].split("</section>")[0]
    assert "Tin riêng của huyện Đak Đoa" not in section


def test_the_home_links_to_the_directory_with_the_count_of_members(parent, member):
    html = _home(parent)
    block = html.split('id="member-directory"')[1].split("</section>")[0]
    count = parent.members.exclude(status="suspended").exclude(status="archived").count()
    assert f"{count} trang thành viên" in block
    assert 'href="/xa-phuong/"' in block


def test_a_member_site_home_shows_no_network_block(member):
    html = _home(member)
    assert 'id="member-news"' not in html and 'id="member-directory"' not in html


def test_the_english_home_lists_english_entries_only(parent, member):
    from search.network import member_news

    backend = PostgresBackend()
    for page_id, locale, title in ((9001, "vi", "Tin tiếng Việt"), (9002, "en", "English news")):
        document = {
            "site_id": member.pk, "page_id": page_id, "locale": locale,
            "url": f"http://x.localhost/{locale}/{page_id}/", "title": title,
            "summary": "", "body": "", "keywords": "", "kind": "news", "section": "",
            "extra": {}, "published_at": "2026-11-30T09:00:00+07:00",
            "updated_at": "2026-11-30T09:00:00+07:00",
        }  # fmt: skip
        backend.apply([outbox.Event(member.pk, page_id, outbox.UPSERT, document)])
    connection.set_schema_to_public()
    assert [e.title for e in member_news(parent, "en")] == ["English news"]
    assert "English news" not in [e.title for e in member_news(parent, "vi")]


def test_the_parents_home_stays_within_two_queries_of_the_budget(parent, member, settings):
    settings.PORTAL_PAGE_CACHE = False  # what a page-cache miss costs, fragments warm
    settings.PORTAL_GENERATION_SECONDS = 60
    for n in range(5):
        factories.news(member, f"Tin xã số {n}")
    client = site_client(parent)
    assert client.get("/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200 and "Tin xã số 4" in response.content.decode()
    assert len(queries) <= BUDGET["home"] + 2, [q["sql"][:120] for q in queries]
