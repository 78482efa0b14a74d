"""What robots.txt, JSON-LD, sitemap alternates, feeds and the English 404 may reveal
(issue 16): nothing of another site, and never a private or restricted page."""

import re
import xml.etree.ElementTree as ET

import pytest
from django_tenants.utils import schema_context

from tests.conftest import site_client
from tests.content.english import english_news, publish_in_english
from tests.factories import commune, news


@pytest.fixture
def two_sites(db, demo_network):
    mine = commune(demo_network["dakdoa"], "Xã Của Tôi")
    theirs = commune(demo_network["dakdoa"], "Xã Bên Cạnh")
    news(theirs, "Tin riêng của xã bên cạnh")
    return mine, theirs


def _restrict(tenant, page, kind="password"):
    from wagtail.models import PageViewRestriction

    with schema_context(tenant.schema_name):
        PageViewRestriction.objects.create(
            page=page,
            restriction_type=(
                PageViewRestriction.PASSWORD if kind == "password" else PageViewRestriction.LOGIN
            ),
            password="mat-khau" if kind == "password" else "",
        )


def test_robots_txt_and_the_english_404_name_nothing_of_another_site(two_sites):
    mine, theirs = two_sites
    their_host = theirs.get_primary_domain().domain
    with schema_context(theirs.schema_name):
        from content.models import NewsPage

        their_path = NewsPage.objects.get(title="Tin riêng của xã bên cạnh").url
    client = site_client(mine)
    robots = client.get("/robots.txt").content.decode()
    assert their_host not in robots and theirs.slug not in robots
    response = client.get(f"/en{their_path}")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Tin riêng của xã bên cạnh" not in html
    assert their_host not in html
    assert "Xem bản tiếng Việt" not in html  # no Vietnamese page of mine at that path


def test_a_restricted_page_is_never_linked_from_the_english_404(two_sites):
    mine, _theirs = two_sites
    item = news(mine, "Tin nội bộ của xã")
    _restrict(mine, item)
    with schema_context(mine.schema_name):
        path = item.url
    html = site_client(mine).get(f"/en{path}").content.decode()
    assert "Xem bản tiếng Việt" not in html
    assert "Tin nội bộ của xã" not in html


def test_restricted_translations_stay_out_of_json_ld_sitemap_alternates_and_feeds(two_sites):
    mine, _theirs = two_sites
    public = news(mine, "Tin công khai", lead="Công khai.")
    english_public = english_news(mine, public, "Public news", lead="Public.")
    private = news(mine, "Tin hạn chế", lead="Hạn chế.")
    english_private = publish_in_english(mine, private, title="Restricted news", lead="Secret.")
    _restrict(mine, english_private, kind="login")
    with schema_context(mine.schema_name):
        private_url, english_private_url = private.url, english_private.url
        english_public_url = english_public.url
    client = site_client(mine)

    # The Vietnamese page names no restricted English alternate, in its head or the sitemap.
    head = client.get(private_url).content.decode().split("</head>")[0]
    assert english_private_url not in head
    assert "Restricted news" not in head
    sitemap = client.get("/sitemap.xml").content.decode()
    assert english_private_url not in sitemap
    assert "/en/tin-tuc/" in sitemap and english_public_url in sitemap

    # Feeds: the restricted item in neither language's feed.
    english_feed = client.get("/en/rss.xml").content.decode()
    assert "Restricted news" not in english_feed and "Public news" in english_feed

    # JSON-LD of every page a visitor can reach names no restricted page.
    for path in ("/", "/en/", "/en/tin-tuc/", english_public_url, "/so-do-trang/"):
        html = client.get(path).content.decode()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert blocks, path
        assert all("Restricted news" not in block for block in blocks), path
        assert all(english_private_url not in block for block in blocks), path

    # The restricted page itself is not served to an anonymous visitor.
    assert client.get(english_private_url).status_code in (302, 401, 403)


def test_a_restricted_section_keeps_its_items_out_of_the_feeds(two_sites):
    mine, _theirs = two_sites
    from wagtail.models import Page

    news(mine, "Tin trong chuyên mục hạn chế")
    with schema_context(mine.schema_name):
        section = Page.objects.get(slug="tin-tuc")
    _restrict(mine, section, kind="login")
    feed = ET.fromstring(site_client(mine).get("/rss.xml").content)
    assert "Tin trong chuyên mục hạn chế" not in [i.findtext("title") for i in feed.iter("item")]
