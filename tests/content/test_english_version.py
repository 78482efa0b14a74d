"""A true English version (issue 16, part 3): ``/en/…`` answers only where a live English page
exists, otherwise a 404 in English pointing to the Vietnamese page; English pages wear English
chrome; feeds and sitemaps are per language, with hreflang alternates. Walked on communes
created here: one with an English tree, one without."""

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.core.cache import caches
from django_tenants.utils import schema_context

from tests.conftest import site_client
from tests.content.english import english_news
from tests.factories import commune, news

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def vietnamese_only(db, demo_network):
    site = commune(demo_network["dakdoa"], "Xã Ia Băng Thử")
    news(site, "Tin chỉ có tiếng Việt", date=date(2026, 11, 2))
    return site


@pytest.fixture
def bilingual(db, demo_network):
    """A commune whose home, news section and one news item are published in English."""
    site = commune(demo_network["dakdoa"], "Xã Song Ngữ")
    news(site, "Tin không dịch", date=date(2026, 11, 1))
    item = news(site, "Khai trương chợ nông sản", date=date(2026, 11, 3), lead="Chợ mới mở.")
    english = english_news(site, item, "Farm produce market opens", lead="A new market opens.")
    with schema_context(site.schema_name):
        return site, item.url, english.url


def _vietnamese_link(html: str) -> str | None:
    found = re.search(r'<a href="([^"]*)" hreflang="vi" lang="vi">Xem bản tiếng Việt</a>', html)
    return found.group(1) if found else None


def test_without_an_english_tree_every_english_address_is_an_english_404(vietnamese_only):
    client = site_client(vietnamese_only)
    for path in ("/en/", "/en/tin-tuc/", "/en/gioi-thieu/", "/en/rss.xml", "/en/so-do-trang/"):
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 404, path
        assert '<html lang="en">' in html, path
        assert "<h1>Page not found</h1>" in html, path
        assert "Tin chỉ có tiếng Việt" not in html, path  # never the Vietnamese page as English
    assert _vietnamese_link(client.get("/en/tin-tuc/").content.decode()) == "/tin-tuc/"
    assert _vietnamese_link(client.get("/en/").content.decode()) == "/"
    assert _vietnamese_link(client.get("/en/so-do-trang/").content.decode()) == "/so-do-trang/"
    nothing = client.get("/en/khong-co-trang-nay/").content.decode()
    assert _vietnamese_link(nothing) is None
    assert "This page has no English version yet." not in nothing
    # The Vietnamese pages themselves are untouched.
    assert client.get("/tin-tuc/").status_code == 200
    assert client.get("/rss.xml").status_code == 200


def test_with_an_english_tree_only_translated_pages_answer_in_english(bilingual):
    site, vietnamese_url, english_url = bilingual
    client = site_client(site)
    assert english_url.startswith("/en/tin-tuc/")
    assert client.get("/en/").status_code == 200
    assert client.get("/en/tin-tuc/").status_code == 200
    assert client.get(english_url).status_code == 200
    untranslated = client.get("/en/van-ban/")
    assert untranslated.status_code == 404
    assert _vietnamese_link(untranslated.content.decode()) == "/van-ban/"
    assert 'href="/en/">Go to the home page</a>' in untranslated.content.decode()


def test_an_english_page_wears_english_chrome_and_metadata(bilingual):
    site, vietnamese_url, english_url = bilingual
    html = site_client(site).get(english_url).content.decode()
    assert '<html lang="en">' in html
    for english in (
        "Skip to main content",
        'placeholder="Search…"',
        '<span class="usa-search__submit-text">Search</span>',
        'action="/en/tim-kiem/"',
        ">High contrast</button>",
        '<span class="usa-sr-only"> Larger text</span>',
        ">Home</a>",
        "How satisfied are you with this page?",
        "Owner: People&#x27;s Committee of xã Song Ngữ",
        '<span class="site-name">Website of xã Song Ngữ</span>',
        "<strong>Website of xã Song Ngữ</strong>",
        '<meta property="og:site_name" content="Website of xã Song Ngữ">',
    ):
        assert english in html, english
    for vietnamese in (
        "Tương phản cao",
        "Tìm kiếm…",
        "Bỏ qua, đến nội dung chính",
        "Trang chủ",
        "Trang thông tin điện tử",
        "Cơ quan chủ quản",
    ):
        assert vietnamese not in html, vietnamese
    assert '<meta name="description" content="A new market opens.">' in html
    assert '<meta property="og:locale" content="en_GB">' in html
    assert '"inLanguage":"en"' in html
    assert '"@type":"GovernmentOrganization","name":"People' in html


def test_cached_fragments_keep_each_language_apart(bilingual, settings):
    """The header, footer and organisation are per-site fragments: the Vietnamese page
    rendered first must not lend its chrome to the English one, nor the other way round."""
    site, vietnamese_url, english_url = bilingual
    settings.PORTAL_FRAGMENT_CACHE = True
    caches["pages"].clear()
    client = site_client(site)
    try:
        vietnamese = client.get(vietnamese_url).content.decode()
        english = client.get(english_url).content.decode()
        again = client.get(vietnamese_url).content.decode()
    finally:
        caches["pages"].clear()
    assert ">Tương phản cao</button>" in vietnamese and ">Tương phản cao</button>" in again
    assert ">High contrast</button>" in english
    assert '"name":"Ủy ban nhân dân xã Song Ngữ"' in again
    assert '"name":"People&#x27;s Committee' not in english  # JSON, not HTML-escaped
    assert '"name":"People\'s Committee of xã Song Ngữ"' in english


def test_each_language_has_its_own_feed(bilingual):
    site, _vietnamese_url, english_url = bilingual
    client = site_client(site)

    def titles(path):
        response = client.get(path)
        assert response.status_code == 200, path
        return [i.findtext("title") for i in ET.fromstring(response.content).iter("item")]

    assert titles("/rss.xml") == ["Khai trương chợ nông sản", "Tin không dịch"]
    assert titles("/en/rss.xml") == ["Farm produce market opens"]
    english_links = [
        i.findtext("link") for i in ET.fromstring(client.get("/en/rss.xml").content).iter("item")
    ]
    assert english_links == [f"http://{site.get_primary_domain().domain}{english_url}"]


def test_the_sitemap_names_each_translation_as_an_alternate_like_the_head_does(bilingual):
    site, vietnamese_url, english_url = bilingual
    client = site_client(site)
    host = f"http://{site.get_primary_domain().domain}"
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in response.content
    urls = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in ET.fromstring(response.content).iter(f"{SITEMAP}url")
    }
    pair = {
        "vi": host + vietnamese_url,
        "en": host + english_url,
        "x-default": host + vietnamese_url,
    }
    assert urls[host + vietnamese_url] == pair
    assert urls[host + english_url] == pair
    assert urls[f"{host}/"]["en"] == f"{host}/en/"
    assert urls[f"{host}/van-ban/"] == {}  # untranslated: no alternates
    assert all(
        link.get("rel") == "alternate"
        for link in ET.fromstring(response.content).iter(f"{XHTML}link")
    )

    head = client.get(english_url).content.decode().split("</head>")[0]
    in_head = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head))
    assert in_head == pair


def test_the_parent_portal_has_english_news_and_an_english_feed(db, demo_network):
    from tenants.models import Tenant

    parent = next(t for t in demo_network.values() if t.parent_id is None)
    client = site_client(parent)
    assert client.get("/en/tin-tuc/").status_code == 200
    feed = ET.fromstring(client.get("/en/rss.xml").content)
    titles = [item.findtext("title") for item in feed.iter("item")]
    assert "Provincial digital transformation week opens" in titles
    assert all(title.isascii() for title in titles)
    assert Tenant.objects.filter(parent__isnull=True).count() >= 1


def test_an_english_visitor_searches_in_english_and_a_vietnamese_one_in_vietnamese(bilingual):
    site, _vietnamese_url, _english_url = bilingual
    english = site_client(site).get("/en/tim-kiem/", {"q": "song ngu"})
    assert english.status_code == 200
    html = english.content.decode()
    assert '<html lang="en">' in html and 'action="/en/tim-kiem/"' in html
    assert "Tương phản cao" not in html
    vietnamese = site_client(site).get("/tim-kiem/", {"q": "song ngu"}).content.decode()
    assert '<html lang="vi">' in vietnamese and 'action="/tim-kiem/"' in vietnamese
