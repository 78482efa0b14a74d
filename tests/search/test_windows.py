"""The PostgreSQL backend looks for the newest matches in windows of the newest entries first
(and in the years asked for): what it returns must be what a search of everything returns."""

import pytest
from django.db import connection

from search.backends import postgres
from search.query import COUNTED, SearchQuery

ENTRIES = 30_000


@pytest.fixture
def corpus(db, demo_network):
    """30,000 entries over 2023–2024; "sầu riêng" in every other title, "nhà rông" in one
    in forty: two syllables of one word that the planner takes as independent, so it expects a
    quarter of the entries where half match (the case windows are for)."""
    site = demo_network["iabang"].pk
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM public.search_entry")
        cursor.execute(
            """
            INSERT INTO public.search_entry (site_id, page_id, locale, url, title, summary, body,
                keywords, kind, section, extra, published_at, updated_at)
            SELECT %s, g, 'vi', 'http://iabang.localhost/muc/' || g || '/',
                   CASE WHEN g %% 2 = 0 THEN 'Giá sầu riêng tuần ' || g
                        WHEN g %% 40 = 1 THEN 'Lễ hội nhà rông ' || g
                        ELSE 'Thông báo số ' || g END,
                   '', '', '', CASE WHEN g %% 3 = 0 THEN 'document' ELSE 'news' END, '', '{}',
                   t, t
            FROM generate_series(1, %s) g,
                 LATERAL (SELECT '2023-01-01'::timestamptz
                                 + (g::float / %s) * interval '2 years' AS t) d
            """,
            [site, ENTRIES, ENTRIES],
        )
        cursor.execute("ANALYZE public.search_entry")
    return site


def _truth(condition, params):
    """Years of the newest COUNTED matches, and the newest match: by a plain query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT year, count(*), max(published_at) FROM (SELECT year, published_at"
            f" FROM public.search_entry WHERE {condition}"  # noqa: S608
            " ORDER BY published_at DESC LIMIT %s) m GROUP BY year",
            [*params, COUNTED],
        )
        rows = cursor.fetchall()
    return {str(year): count for year, count, _newest in rows}, max(row[2] for row in rows)


@pytest.fixture
def windows_used(monkeypatch):
    """The windows each search tried, so a test can check it exercised them."""
    used = []
    query = postgres.PostgresBackend._query

    def spy(self, cursor, search, path, filters, params):
        used.append(params.get("window"))
        return query(self, cursor, search, path, filters, params)

    monkeypatch.setattr(postgres.PostgresBackend, "_query", spy)
    return used


@pytest.mark.parametrize(
    ("filters", "condition", "windowed"),
    [
        ({}, "", True),
        ({"years": [2023]}, " AND year = 2023", True),
        ({"years": [2024], "kinds": ["document"]}, " AND year = 2024 AND kind = 'document'", False),
    ],
)
def test_a_search_returns_the_newest_matches_of_a_plain_query(
    corpus, windows_used, filters, condition, windowed
):
    result = postgres.PostgresBackend().search(SearchQuery.build("sau rieng", **filters))
    years, newest = _truth(f"title LIKE %s{condition}", ["%sầu riêng%"])
    assert any(windows_used) == windowed  # the windows were (or were not) what was tested
    assert result.total == COUNTED and not result.total_is_exact
    assert {bucket.key: bucket.count for bucket in result.facets["year"]} == years
    assert max(hit.date for hit in result.hits) == newest


def test_fewer_matches_than_counted_are_counted_exactly(corpus):
    result = postgres.PostgresBackend().search(SearchQuery.build("nha rong", years=[2024]))
    years, _newest = _truth("title LIKE %s AND year = 2024", ["%nhà rông%"])
    assert result.total == sum(years.values()) < COUNTED
    assert result.total_is_exact
