"""The query budget of an uncached page (issue 19): a page-cache miss, with the per-site
fragments, the host's site and branding and the site's facts (routes, view restrictions,
filter choices: serving.site_facts) remembered, on a site with many items.

The issue's target is 8 queries per page type, whatever the content; what each type spends
is pinned here (README, "Serving pages fast": where they go), so that no change adds queries
unnoticed. Each figure must only go down.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context

from tests import factories
from tests.conftest import site_client

TARGET = 8
BUDGET = {
    "home": 2,
    "section": 5,
    "news": 2,
    "documents": 4,
    "document": 2,
    "questions": 4,
    "search": 7,
    "feed": 5,
    "html sitemap": 3,
}
# The first visitor after a publish: the site's generation moved, so its fragments and facts
# are all asked again (the home page also builds the header, the footer and the site's routes).
COLD_BUDGET = {
    "home": 28,
    "section": 8,
    "news": 10,
    "documents": 10,
    "document": 12,
    "questions": 6,
    "search": 8,
    "feed": 5,
    "html sitemap": 4,
}


@pytest.fixture
def busy_site(db, demo_network, cached, settings):
    settings.PORTAL_PAGE_CACHE = False  # what a page-cache miss costs
    settings.PORTAL_GENERATION_SECONDS = 60  # as warm as a busy worker
    site = factories.commune(demo_network["dakdoa"], "Xã Nhiều Tin")
    news = [factories.news(site, f"Tin số {n} của xã") for n in range(30)]
    documents = [factories.document(site, f"Văn bản số {n}") for n in range(15)]
    return site, news[-1], documents[-1]


def _paths(site, item, document):
    with schema_context(site.schema_name):
        item_url, document_url = item.url, document.url
    connection.set_schema_to_public()
    return {
        "home": "/",
        "section": "/tin-tuc/",
        "news": item_url,
        "documents": "/van-ban/",
        "document": document_url,
        "questions": "/hoi-dap/",
        "search": "/tim-kiem/?q=tin",
        "feed": "/rss.xml",
        "html sitemap": "/so-do-trang/",
    }


def test_every_public_page_type_keeps_its_query_budget(busy_site):
    site, item, document = busy_site
    client = site_client(site)
    spent, cold = {}, {}
    for name, path in _paths(site, item, document).items():
        with CaptureQueriesContext(connection) as first:
            assert client.get(path).status_code == 200, path  # warms fragments and lookups
        cold[name] = len(first)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        spent[name] = len(queries)
    over = {name: (spent[name], BUDGET[name]) for name in spent if spent[name] > BUDGET[name]}
    assert not over, f"over budget (spent, budget): {over}; all: {spent}"
    over = {
        name: (cold[name], COLD_BUDGET[name]) for name in cold if cold[name] > COLD_BUDGET[name]
    }
    assert not over, f"first visitor over budget (spent, budget): {over}; all: {cold}"
    assert max(spent.values()) <= TARGET


def test_the_home_page_and_a_section_stay_in_budget_with_twice_the_items(
    busy_site, django_assert_max_num_queries
):
    site, _, _ = busy_site
    for n in range(30):
        factories.news(site, f"Tin thêm {n}")
    client = site_client(site)
    for name, path in (("home", "/"), ("section", "/tin-tuc/")):
        client.get(path)
        with django_assert_max_num_queries(BUDGET[name]):
            assert client.get(path).status_code == 200
