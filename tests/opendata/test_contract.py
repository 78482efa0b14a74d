"""The open-data API (F18): the JSON shape of every dataset, its filters and its pages, on a
commune created in the test. Field sets are pinned exactly: a field added or dropped is a
change of contract that its users must hear about."""

import pytest

from tests.conftest import site_client
from tests.opendata.conftest import SECRET

META = {"total_count", "page", "page_size", "next", "previous", "dataset", "site"}
PAGE = {"id", "title", "url", "locale", "first_published_at", "last_published_at"}
SHAPES = {
    "tin-tuc": PAGE
    | {"date", "type", "type_label", "lead", "summary", "author", "contributing_unit"},
    "van-ban": PAGE
    | {
        "number",
        "type",
        "type_label",
        "issuing_body",
        "issue_date",
        "effective_date",
        "signer",
        "sector",
        "abstract",
        "file_url",
    },
    "thu-tuc": PAGE
    | {
        "code",
        "type",
        "type_label",
        "sector",
        "agency",
        "processing_time",
        "fees",
        "required_documents",
        "steps",
        "online_service_url",
    },
    "lich-cong-tac": PAGE | {"week_start", "week_end", "entries"},
    "hoi-dap": {"code", "question", "answer", "answered_by", "answered_at", "sector", "url"},
}


def get(tenant, path, **params):
    response = site_client(tenant).get(path, params)
    assert response["Content-Type"] == "application/json"
    return response, response.json()


def test_the_index_lists_every_dataset_with_its_address(commune, content):
    response, data = get(commune, "/du-lieu-mo/")
    assert response.status_code == 200
    assert data["site"]["slug"] == commune.slug
    assert [d["key"] for d in data["datasets"]] == list(SHAPES)
    news = data["datasets"][0]
    assert news["url"] == "http://testserver/du-lieu-mo/tin-tuc/".replace(
        "testserver", commune.get_primary_domain().domain
    )
    assert "tin" in news["types"]


@pytest.mark.parametrize("key", list(SHAPES))
def test_every_dataset_answers_its_shape(commune, content, key):
    response, data = get(commune, f"/du-lieu-mo/{key}/")
    assert response.status_code == 200
    assert set(data) == {"meta", "items"}
    assert set(data["meta"]) == META
    assert data["meta"]["dataset"] == key
    assert data["meta"]["site"]["slug"] == commune.slug
    assert data["items"], key
    for item in data["items"]:
        assert set(item) == SHAPES[key]
    assert SECRET not in response.content.decode()


def test_items_carry_what_the_public_pages_show(commune, content):
    _, news = get(commune, "/du-lieu-mo/tin-tuc/")
    assert [item["title"] for item in news["items"]] == ["Tin hôm nay", "Tin tháng trước"]
    assert news["items"][1]["date"] == "2026-10-05"
    assert news["items"][1]["lead"] == "Sapô tin cũ."
    assert news["items"][1]["type"] == "tin"
    assert news["items"][1]["url"].endswith("/tin-tuc/tin-thang-truoc/")

    _, documents = get(commune, "/du-lieu-mo/van-ban/")
    document = documents["items"][0]
    assert document["number"] == "12/TB-UBND"
    assert document["issue_date"] == "2026-11-02"
    assert document["type_label"] and document["issuing_body"]
    assert "/documents/" in document["file_url"]

    _, procedures = get(commune, "/du-lieu-mo/thu-tuc/")
    procedure = procedures["items"][0]
    assert (procedure["code"], procedure["type"], procedure["sector"]) == (
        "1.001193",
        "toan-trinh",
        "Hộ tịch",
    )
    assert procedure["steps"] == "Nộp hồ sơ tại bộ phận một cửa."

    _, schedules = get(commune, "/du-lieu-mo/lich-cong-tac/")
    week = schedules["items"][0]
    assert week["week_start"] == "2026-11-23"
    assert week["entries"] == [
        {
            "day": "2026-11-23",
            "time": "7 giờ 30",
            "content": "Họp giao ban",
            "attendees": "Lãnh đạo UBND",
            "location": "Hội trường",
        }
    ]

    _, questions = get(commune, "/du-lieu-mo/hoi-dap/")
    assert [q["question"] for q in questions["items"]] == ["Làm giấy khai sinh ở đâu?"]
    assert questions["items"][0]["answer"] == "Tại bộ phận một cửa của xã."
    assert f"?ma={content['question'].code}" in questions["items"][0]["url"]


def test_filters_by_date_and_type(commune, content):
    _, october = get(commune, "/du-lieu-mo/tin-tuc/", **{"from": "2026-10-01", "to": "2026-10-31"})
    assert [item["title"] for item in october["items"]] == ["Tin tháng trước"]
    assert october["meta"]["total_count"] == 1
    _, videos = get(commune, "/du-lieu-mo/tin-tuc/", type="video")
    assert videos["items"] == [] and videos["meta"]["total_count"] == 0
    _, full = get(commune, "/du-lieu-mo/thu-tuc/", type="toan-trinh")
    assert len(full["items"]) == 1
    _, partial = get(commune, "/du-lieu-mo/thu-tuc/", type="mot-phan")
    assert partial["items"] == []
    _, later = get(commune, "/du-lieu-mo/van-ban/", **{"from": "2026-11-03"})
    assert later["items"] == []


def test_pages_through_results_with_links(commune, content):
    _, first = get(commune, "/du-lieu-mo/tin-tuc/", page_size="1")
    assert first["meta"]["total_count"] == 2
    assert first["meta"]["previous"] is None
    assert "page=2" in first["meta"]["next"] and "page_size=1" in first["meta"]["next"]
    _, second = get(commune, "/du-lieu-mo/tin-tuc/", page_size="1", page="2")
    assert second["meta"]["next"] is None
    assert [i["title"] for i in first["items"] + second["items"]] == [
        "Tin hôm nay",
        "Tin tháng trước",
    ]


def test_an_empty_dataset_is_an_empty_first_page(commune):
    response, data = get(commune, "/du-lieu-mo/hoi-dap/")
    assert response.status_code == 200
    assert data["items"] == [] and data["meta"]["total_count"] == 0


def test_cors_admits_any_origin_for_reading_only(commune, content):
    client = site_client(commune)
    response = client.get("/du-lieu-mo/tin-tuc/", HTTP_ORIGIN="https://dulieu.example.vn")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/du-lieu-mo/tin-tuc/",
        HTTP_ORIGIN="https://dulieu.example.vn",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    refused = client.post("/du-lieu-mo/tin-tuc/", {"title": "x"})
    assert refused.status_code == 405
    assert refused.json()["error"]["code"] == "method_not_allowed"
