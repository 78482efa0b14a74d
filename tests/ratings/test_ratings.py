"""Satisfaction ratings (F8) on a site created in the test: a citizen rates a page and the site,
a second rating of the same page the same day is refused, nothing that names the rater is
stored, bad input and other sites' forms are refused, and the reports show the results."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django_tenants.utils import schema_context

from tests import factories
from tests.conftest import site_client
from tests.reports.conftest import admin_client

AGENT = "Mozilla/5.0 (Linux; Android 13) Chrome/120"
SCORES = {"interface": "5", "content": "4", "quality": "4", "support": "3"}


@pytest.fixture
def commune(db, demo_network):
    return factories.commune(demo_network["dakdoa"])


@pytest.fixture
def item(commune):
    page = factories.news(commune, "Tin về ngày hội đại đoàn kết", lead="Tin thử.")
    with schema_context(commune.schema_name):
        page.path_on_site = page.url  # asked outside the schema below
    return page


def host(tenant) -> str:
    return f"http://{tenant.get_primary_domain().domain}"


def rate(client, tenant, page=None, *, address="203.0.113.5", agent=AGENT, origin=None, **data):
    payload = {**SCORES, **data}
    if page is not None:
        payload["trang"] = page.pk
    headers = {"HTTP_ORIGIN": origin if origin is not None else host(tenant)}
    return client.post("/danh-gia/", payload, REMOTE_ADDR=address, HTTP_USER_AGENT=agent, **headers)


def ratings(tenant):
    from ratings.models import Rating

    with schema_context(tenant.schema_name):
        return list(Rating.objects.values("page_id", "interface", "support", "comment", "day"))


def test_the_widget_is_a_plain_form_on_content_pages_and_for_the_site_on_the_home(commune, item):
    client = site_client(commune)
    html = client.get(item.path_on_site).content.decode()
    form = BeautifulSoup(html, "html.parser").select_one(".rating-widget form")
    assert form["action"] == "/danh-gia/" and form["method"] == "post"
    assert form.select_one('input[name="trang"]')["value"] == str(item.pk)
    assert not form.select('input[name="csrfmiddlewaretoken"]')  # same HTML for everyone
    assert {i["name"] for i in form.select('input[type="radio"]')} == set(SCORES)
    assert "<script" not in str(form) and "style=" not in str(form)
    home = BeautifulSoup(client.get("/").content, "html.parser").select_one(".rating-widget")
    assert "về cổng thông tin" in home.get_text() and not home.select('input[name="trang"]')


def test_rating_journey_duplicate_refused_and_the_reports_show_it(commune, item, demo_network):
    client = site_client(commune)
    first = rate(client, commune, item, comment="Tin rõ ràng, dễ đọc.")
    assert first.status_code == 201
    assert "Cảm ơn bạn đã đánh giá" in first.content.decode()
    again = rate(client, commune, item, interface="1")
    assert again.status_code == 409
    assert "Bạn đã đánh giá trang này hôm nay" in again.content.decode()
    assert rate(client, commune, agent="Firefox/121").status_code == 201  # the site, other browser
    assert rate(client, commune, item, address="198.51.100.20").status_code == 201  # other person

    stored = ratings(commune)
    assert len(stored) == 3
    assert {r["page_id"] for r in stored} == {item.pk, None}
    assert "Tin rõ ràng, dễ đọc." in [r["comment"] for r in stored]

    report = admin_client(commune).get("/admin/bao-cao/").content.decode()
    section = BeautifulSoup(report, "html.parser").find(id="ratings")
    assert section.find(id="ratings-count").get_text() == "3"
    assert section.find(id="ratings-site-count").get_text() == "1"
    assert section.find(id="ratings-overall").get_text() == "4,00"
    rated = section.find(id="rated-pages").get_text(" ", strip=True)
    assert "Tin về ngày hội đại đoàn kết" in rated and " 2 " in f" {rated} "
    assert "Tin rõ ràng, dễ đọc." in section.get_text()

    network = admin_client(demo_network["dakdoa"]).get("/admin/bao-cao/mang-luoi/").content
    table = BeautifulSoup(network, "html.parser").find(id="network-ratings")
    row = table.find("tr", attrs={"data-site": commune.slug})
    assert [c.get_text(strip=True) for c in row.find_all(["th", "td"])] == [
        commune.name,
        "3",
        "4,00",
    ]


def test_nothing_stored_names_the_rater_and_the_days_keys_are_forgotten(commune, item):
    from ratings.models import Rating, RatingKey, RatingMark, purge

    client = site_client(commune)
    assert rate(client, commune, item, address="203.0.113.77").status_code == 201
    with schema_context(commune.schema_name):
        columns = {f.name for f in Rating._meta.get_fields()}
        assert columns == {
            "id", "page", "day", "interface", "content", "quality", "support", "comment"
        }  # fmt: skip
        rows = [str(v) for row in RatingMark.objects.values_list() for v in row]
        rows += [str(v) for row in Rating.objects.values_list() for v in row]
        assert not any("203.0.113.77" in v or "Android" in v for v in rows)
        assert RatingKey.objects.count() == 1 and RatingMark.objects.count() == 1
        tomorrow = timezone.localdate() + timedelta(days=1)
        purge(tomorrow)
        assert RatingKey.objects.count() == 0 and RatingMark.objects.count() == 0
        assert Rating.objects.count() == 1  # the rating stays, with nothing to link it back
    assert "sessionid" not in client.cookies and "csrftoken" not in client.cookies


@pytest.mark.parametrize(
    "data, message",
    [
        ({"interface": "9"}, "Hãy chọn một mức từ 1 đến 5"),
        ({"support": ""}, "Hãy chọn một mức từ 1 đến 5"),
        ({"comment": "x" * 1001}, "Ý kiến dài quá 1.000 ký tự"),
        ({"comment": "<img src=x onerror=alert(1)>"}, "không được chứa mã HTML"),
        ({"website": "http://spam.example"}, "Không gửi được đánh giá"),
    ],
)
def test_bad_ratings_are_refused_and_the_form_comes_back_filled(commune, item, data, message):
    response = rate(site_client(commune), commune, item, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'name="trang" value="{item.pk}"' in html  # the same page, to try again
    assert ratings(commune) == []


@pytest.mark.parametrize("origin", ["", "null", "http://evil.example", "http://iabang.localhost"])
def test_a_rating_posted_from_elsewhere_is_refused(commune, item, origin):
    client = site_client(commune)
    response = rate(client, commune, item, origin=origin)
    assert response.status_code == 403
    assert "Đánh giá phải được gửi từ chính trang này" in response.content.decode()
    assert ratings(commune) == []


def test_the_referer_stands_in_for_a_missing_origin(commune, item):
    client = site_client(commune)
    response = client.post(
        "/danh-gia/",
        {**SCORES, "trang": item.pk},
        HTTP_REFERER=f"{host(commune)}{item.path_on_site}",
        REMOTE_ADDR="203.0.113.8",
    )
    assert response.status_code == 201


def test_a_page_not_live_cannot_be_rated_and_get_is_not_allowed(commune):
    draft = factories.news(commune, "Bản nháp chưa đăng", publish=False)
    client = site_client(commune)
    response = rate(client, commune, draft)
    assert response.status_code == 404
    assert "Trang này không còn nhận đánh giá" in response.content.decode()
    assert client.get("/danh-gia/").status_code == 405
    assert ratings(commune) == []


def test_ratings_are_rate_limited_per_client(commune, monkeypatch):
    from ratings import views

    monkeypatch.setattr(views, "RATE_LIMIT", 2)
    client = site_client(commune)
    assert rate(client, commune, agent="A").status_code == 201
    assert rate(client, commune, agent="B").status_code == 201
    limited = rate(client, commune, agent="C")
    assert limited.status_code == 429
    assert "Bạn đã gửi nhiều đánh giá trong một giờ qua" in limited.content.decode()
    assert rate(client, commune, agent="C", address="198.51.100.9").status_code == 201
