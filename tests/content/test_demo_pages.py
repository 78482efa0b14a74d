"""The seeded demo network, page by page: every page and every feed a citizen can open."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context

from tests.conftest import site_client


def _live_paths(tenant):
    from wagtail.models import Page

    with schema_context(tenant.schema_name):
        pages = Page.objects.live().filter(depth__gte=2).specific()
        paths = [page.url for page in pages]
        feeds = [page.feed_url() for page in pages if hasattr(page, "feed_url")]
    return paths, feeds


def test_every_demo_site_has_several_items_of_every_type(db, demo_network):
    from content.models import (
        DocumentPage,
        NewsPage,
        ProcedurePage,
        Question,
        ScheduleWeekPage,
    )

    for tenant in demo_network.values():
        with schema_context(tenant.schema_name):
            assert NewsPage.objects.live().count() >= 5, tenant.slug
            assert {"tin", "bai", "tin-anh", "audio"} <= set(
                NewsPage.objects.values_list("kind", flat=True)
            )
            assert DocumentPage.objects.live().count() >= 5
            assert all(d.file.file.read(5) == b"%PDF-" for d in DocumentPage.objects.all())
            assert ProcedurePage.objects.live().count() >= 3
            assert ScheduleWeekPage.objects.live().count() >= 2
            assert Question.published().count() >= 3


def test_every_page_feed_and_sitemap_of_every_demo_site_answers_200(db, demo_network):
    for tenant in demo_network.values():
        paths, feeds = _live_paths(tenant)
        client = site_client(tenant)
        extra = ["/rss.xml", "/sitemap.xml", "/so-do-trang/", "/hoi-dap/tra-cuu/?ma=HD-XXXX-XXXX"]
        for path in [*paths, *feeds, *extra]:
            response = client.get(path)
            assert response.status_code == 200, (tenant.slug, path)


def test_a_new_site_is_born_with_the_real_section_types_in_few_queries(db, demo_network):
    from content.models import HomePage
    from content.skeleton import REQUIRED_SECTIONS, build_site_tree

    tenant = demo_network["glar"]
    with schema_context(tenant.schema_name):
        from wagtail.models import Locale, Page

        root = Page.get_first_root_node()
        home = HomePage(title="Trang thử", slug="trang-thu", locale=Locale.get_default())
        root.add_child(instance=home)
        # Wall-clock time is at the mercy of a shared machine; the number of queries is not.
        # About 24 per section is the cost of a plain page save (validation, tree, search
        # index, log entry); a revision or the reference index would add several more each.
        with CaptureQueriesContext(connection) as queries:
            created = build_site_tree(home)
        types = {key: type(page).__name__ for key, page in created.items()}
    assert len(queries) <= 24 * len(REQUIRED_SECTIONS), len(queries)
    assert types["documents"] == "DocumentIndexPage"
    assert types["questions"] == "QuestionIndexPage"
    assert types["schedule"] == "ScheduleIndexPage"
    assert types["procedures"] == "ProcedureIndexPage"
    assert types["introduction"] == "IntroductionPage"
    assert types["contact"] == "ContactPage"
    assert len(created) == len(REQUIRED_SECTIONS)


def test_every_demo_page_has_one_h1_headings_in_order_and_alt_text_on_images(db, demo_network):
    import re

    problems = []
    for slug in ("dakdoa", "iabang"):
        tenant = demo_network[slug]
        paths, _feeds = _live_paths(tenant)
        client = site_client(tenant)
        for path in [*paths, "/so-do-trang/"]:
            html = client.get(path).content.decode()
            levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]
            if levels.count(1) != 1 or levels[0] != 1:
                problems.append((slug, path, "h1", levels))
            if any(after > before + 1 for before, after in zip(levels, levels[1:], strict=False)):
                problems.append((slug, path, "order", levels))
            if any("alt=" not in tag for tag in re.findall(r"<img [^>]*>", html)):
                problems.append((slug, path, "alt"))
    assert not problems
