"""What a crawler and a link preview read in the ``<head>`` of every public page (issue 16,
part 2): a description, an absolute og:image, JSON-LD, a canonical address, Dublin Core; and
each site's own robots.txt. Walked on a commune created here."""

import io
import json
import re
from datetime import date

import pytest
from django_tenants.utils import schema_context

from tests.conftest import site_client
from tests.factories import commune, document, news


def _meta(html: str, name: str) -> str | None:
    found = re.search(rf'<meta (?:name|property)="{re.escape(name)}" content="([^"]*)">', html)
    return found.group(1) if found else None


def _canonical(html: str) -> str | None:
    found = re.search(r'<link rel="canonical" href="([^"]*)">', html)
    return found.group(1) if found else None


def _json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def _of_type(html: str, kind: str) -> dict:
    found = [block for block in _json_ld(html) if block["@type"] == kind]
    assert len(found) == 1, f"{kind}: {found}"
    return found[0]


@pytest.fixture
def site(db, demo_network):
    return commune(demo_network["dakdoa"], "Xã Ia Mơ Nông")


def _with_photo(tenant, item):
    from django.core.files.images import ImageFile
    from wagtail.images.models import Image

    from content.demo import png_bytes

    with schema_context(tenant.schema_name):
        photo = Image(
            title="Ảnh lễ ra quân",
            file=ImageFile(io.BytesIO(png_bytes(800, 600, (30, 120, 60))), name="ra-quan.png"),
        )
        photo.save()
        item.image = photo
        item.save_revision().publish()
        return item.url


def test_a_news_item_has_its_lead_as_description_its_photo_and_a_news_article(site):
    item = news(
        site,
        "Ra quân làm đường giao thông nông thôn",
        date=date(2026, 11, 20),
        lead="Hơn 300 người dân ra quân bê tông hóa 2 km đường liên thôn.",
    )
    item_url = _with_photo(site, item)
    html = site_client(site).get(item_url).content.decode()
    host = "http://" + site.get_primary_domain().domain

    lead = "Hơn 300 người dân ra quân bê tông hóa 2 km đường liên thôn."
    assert _meta(html, "description") == lead
    assert _meta(html, "DC.description") == lead
    image = _meta(html, "og:image")
    assert image.startswith(f"{host}/media/") and "fill-1200x630" in image
    assert _canonical(html) == f"{host}{item_url}"
    assert '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">' in html

    article = _of_type(html, "NewsArticle")
    assert article["headline"] == "Ra quân làm đường giao thông nông thôn"
    assert article["datePublished"] == "2026-11-20"
    assert article["dateModified"].startswith("20")
    assert article["image"] == [image]
    assert article["publisher"]["name"] == "Ủy ban nhân dân xã Ia Mơ Nông"
    assert article["author"]["name"]
    assert article["inLanguage"] == "vi"

    organization = _of_type(html, "GovernmentOrganization")
    assert organization["name"] == "Ủy ban nhân dân xã Ia Mơ Nông"
    assert organization["url"] == f"{host}/"
    assert organization["logo"] == f"{host}/static/themes/img/emblem.png"

    trail = _of_type(html, "BreadcrumbList")["itemListElement"]
    assert [step["position"] for step in trail] == [1, 2, 3]
    assert trail[0]["item"] == f"{host}/" and trail[-1]["item"] == f"{host}{item_url}"
    assert trail[-1]["name"] == "Ra quân làm đường giao thông nông thôn"


def test_a_document_is_legislation_with_its_number_date_type_and_issuing_body(site):
    item = document(
        site, "Kế hoạch phòng chống lụt bão", number="12/KH-UBND", issue_date=date(2026, 10, 5)
    )
    with schema_context(site.schema_name):
        url = item.url
        kind, body = item.document_type.name, item.issuing_body.name
    html = site_client(site).get(url).content.decode()
    law = _of_type(html, "Legislation")
    assert law["legislationIdentifier"] == "12/KH-UBND"
    assert law["legislationDate"] == "2026-10-05"
    assert law["legislationType"] == kind
    assert law["legislationPassedBy"] == {"@type": "GovernmentOrganization", "name": body}
    assert law["inLanguage"] == "vi"
    assert law["name"] == "Kế hoạch phòng chống lụt bão"
    assert _meta(html, "og:type") == "article"


@pytest.mark.parametrize(
    "path", ["/", "/tin-tuc/", "/van-ban/", "/hoi-dap/", "/so-do-trang/", "/tim-kiem/"]
)
def test_every_page_type_has_a_description_an_absolute_image_and_the_organization(site, path):
    html = site_client(site).get(path).content.decode()
    host = "http://" + site.get_primary_domain().domain
    description = _meta(html, "description")
    assert description, path
    assert _meta(html, "og:image").startswith(f"{host}/"), path
    assert _of_type(html, "GovernmentOrganization")["name"] == "Ủy ban nhân dân xã Ia Mơ Nông"
    assert _meta(html, "DC.language") == "vi"
    assert _canonical(html) == f"{host}{path}", path


def test_a_page_without_text_of_its_own_takes_the_site_description(site):
    html = site_client(site).get("/so-do-trang/").content.decode()
    assert _meta(html, "description") == (
        "Trang thông tin điện tử xã Ia Mơ Nông: tin tức, văn bản, thủ tục hành chính, lịch công"
        " tác và hỏi đáp của Ủy ban nhân dân xã Ia Mơ Nông."
    )


def test_search_and_listings_name_one_canonical_per_page_not_per_query(site):
    client = site_client(site)
    host = "http://" + site.get_primary_domain().domain
    for n in range(3):
        news(site, f"Tin số {n}")
    search = client.get("/tim-kiem/?q=tin&loai=news").content.decode()
    assert _canonical(search) == f"{host}/tim-kiem/"
    second = client.get("/tin-tuc/?trang=2&utm_source=zalo").content.decode()
    assert _canonical(second) == f"{host}/tin-tuc/?trang=2"
    first = client.get("/tin-tuc/?trang=1").content.decode()
    assert _canonical(first) == f"{host}/tin-tuc/"


def test_a_404_has_a_description_but_no_canonical(site):
    response = site_client(site).get("/khong-co-trang-nay/")
    html = response.content.decode()
    assert response.status_code == 404
    assert _meta(html, "description")
    assert _canonical(html) is None


def test_the_organization_carries_the_contact_settings_and_the_boards_emblem(site):
    from django.core.files.images import ImageFile
    from wagtail.images.models import Image
    from wagtail.models import Site

    from content.demo import png_bytes
    from themes.branding.models import SiteBranding

    with schema_context(site.schema_name):
        emblem = Image(
            title="Biểu trưng",
            file=ImageFile(io.BytesIO(png_bytes(300, 300, (200, 20, 20))), name="bieu-trung.png"),
        )
        emblem.save()
        SiteBranding.objects.update_or_create(
            site=Site.objects.get(is_default_site=True),
            defaults={
                "emblem": emblem,
                "address": "Thôn 1, xã Ia Mơ Nông",
                "phone": "0269 3800 001",
                "email": "ubnd.iamonong@gialai.gov.vn",
            },
        )
    html = site_client(site).get("/gioi-thieu/").content.decode()
    organization = _of_type(html, "GovernmentOrganization")
    host = "http://" + site.get_primary_domain().domain
    assert organization["address"]["streetAddress"] == "Thôn 1, xã Ia Mơ Nông"
    assert organization["telephone"] == "0269 3800 001"
    assert organization["email"] == "ubnd.iamonong@gialai.gov.vn"
    assert organization["logo"].startswith(f"{host}/media/")
    assert organization["logo"].endswith(".png")
    assert _meta(html, "og:image") == organization["logo"]


def test_each_site_has_its_own_robots_txt_naming_its_own_sitemap(site, demo_network):
    other = demo_network["iabang"]
    mine = site_client(site).get("/robots.txt")
    theirs = site_client(other).get("/robots.txt")
    assert mine.status_code == theirs.status_code == 200
    assert mine["Content-Type"].startswith("text/plain")
    host = site.get_primary_domain().domain
    lines = mine.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert f"Sitemap: http://{host}/sitemap.xml" in lines
    for path in ("/admin/", "/ho-tro/"):
        assert f"Disallow: {path}" in lines
    assert not any("tim-kiem" in line for line in lines)  # canonical consolidates searches
    assert "Sitemap: http://iabang.localhost/sitemap.xml" in theirs.content.decode()
    assert host not in theirs.content.decode()


def test_robots_txt_is_kept_by_the_page_cache(site, settings):
    from django.core.cache import caches

    settings.PORTAL_PAGE_CACHE = True
    caches["pages"].clear()
    client = site_client(site)
    assert client.get("/robots.txt")["X-Page-Cache"] == "miss"
    assert client.get("/robots.txt")["X-Page-Cache"] == "hit"
    caches["pages"].clear()


def test_a_pages_own_sub_route_is_its_own_canonical_without_the_query(site):
    """The Q&A tracking view (``/hoi-dap/tra-cuu/?ma=…``): its address, never the tracking
    code a citizen typed, and not the Q&A page's address either."""
    response = site_client(site).get("/hoi-dap/tra-cuu/?ma=ABC123")
    html = response.content.decode()
    host = "http://" + site.get_primary_domain().domain
    assert response.status_code == 200
    assert _canonical(html) == f"{host}/hoi-dap/tra-cuu/"
    assert _meta(html, "og:url") == f"{host}/hoi-dap/tra-cuu/"
    assert "ABC123" not in html.split("</head>")[0]
