"""Helpers for the search tests: publishing pages in a demo site, searching as a citizen."""

import pytest
from django.db import connection
from wagtail.models import Site

from search.backends import get_backend
from search.query import SearchQuery


def search(text, **filters):
    connection.set_schema_to_public()
    return get_backend().search(SearchQuery.build(text, **filters))


def titles(result) -> list[str]:
    from django.utils.html import strip_tags

    return [strip_tags(hit.title) for hit in result.hits]


def section(tenant, slug):
    """A section page of ``tenant`` by slug (call inside the site's schema)."""
    home = Site.objects.get(is_default_site=True).root_page
    return home.get_children().get(slug=slug).specific


def publish_news(tenant, title, *, section_slug="tin-tuc", body="", lead="", publish=True):
    """A news item in ``tenant``'s section, published through Wagtail (signals fire)."""
    from tests.factories import news

    return news(tenant, title, section=section_slug, body=body, lead=lead, publish=publish)


@pytest.fixture
def network(demo_network, db):
    return demo_network
