"""RSS feeds and sitemaps list exactly the live pages of their own site, and no other's."""

import re
import xml.etree.ElementTree as ET

from django_tenants.utils import schema_context

from tests.conftest import site_client
from tests.factories import commune, document, news


def _unpublish_one_news_item(tenant):
    from content.models import NewsPage

    with schema_context(tenant.schema_name):
        item = NewsPage.objects.live().order_by("-date").first()
        item.unpublish()
        return item.title, item.url_path


def _live_urls(tenant):
    from wagtail.models import Page

    with schema_context(tenant.schema_name):
        return {
            p.get_full_url() for p in Page.objects.live().public().filter(depth__gte=2).specific()
        }


def test_sitemap_xml_lists_exactly_the_live_pages_of_its_site(db, demo_network):
    tenant = demo_network["iabang"]
    _unpublish_one_news_item(tenant)
    response = site_client(tenant).get("/sitemap.xml")
    assert response.status_code == 200
    locations = {
        element.text
        for element in ET.fromstring(response.content).iter(
            "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
        )
    }
    assert locations == _live_urls(tenant)
    assert all(url.startswith("http://iabang.localhost/") for url in locations)


def test_the_site_feed_lists_the_latest_live_news_and_documents_of_its_site_only(db, demo_network):
    """On a new commune, items of known dates: the feed's order is written here, not taken
    from the function that builds the feed (issue 17)."""
    from datetime import date

    site = commune(demo_network["dakdoa"], "Xã Ia Pết")
    news(site, "Tin tháng Chín", date=date(2026, 9, 1))
    document(site, "Thông báo lịch tiếp công dân", number="5/TB-UBND", issue_date=date(2026, 10, 1))
    news(site, "Tin tháng Mười Một", date=date(2026, 11, 1))
    news(site, "Bản nháp chưa đăng", date=date(2026, 11, 2), publish=False)
    withdrawn = news(site, "Tin đã gỡ", date=date(2026, 11, 3))
    with schema_context(site.schema_name):
        withdrawn.unpublish()

    response = site_client(site).get("/rss.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.iter("item")]
    links = [item.findtext("link") for item in channel.iter("item")]
    assert titles == ["Tin tháng Mười Một", "Thông báo lịch tiếp công dân", "Tin tháng Chín"]
    host = site.get_primary_domain().domain
    assert all(link.startswith(f"http://{host}/") for link in links)


def test_a_section_feed_lists_only_that_sections_items(db, demo_network):
    tenant = demo_network["glar"]
    response = site_client(tenant).get("/van-ban/rss/")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    links = [item.findtext("link") for item in channel.iter("item")]
    assert len(links) == 5
    assert all(link.startswith("http://glar.localhost/van-ban/") for link in links)
    news_feed = site_client(tenant).get("/tin-tuc/rss/").content.decode()
    assert "/van-ban/" not in re.sub(r"<channel>.*?<item>", "", news_feed, flags=re.S)


def test_the_html_sitemap_shows_the_sections_of_its_site(db, demo_network):
    from wagtail.models import Page

    from content.models import DocumentPage, NewsPage, ProcedurePage, ScheduleWeekPage

    tenant = demo_network["namyang"]
    with schema_context(tenant.schema_name):
        home = Page.objects.get(depth=2, locale__language_code="vi")
        sections = {
            p.url
            for p in home.get_descendants()
            .live()
            .not_type(NewsPage, DocumentPage, ProcedurePage, ScheduleWeekPage)
        }
        hidden = home.get_children().get(slug="tiep-can-thong-tin")
        hidden.unpublish()
        sections.discard(hidden.url)
    html = site_client(tenant).get("/so-do-trang/").content.decode()
    listed = set(re.findall(r'<li><a href="([^"]+)">', html)) - {"/"}
    assert listed == sections
    assert "<h1>Sơ đồ trang</h1>" in html
