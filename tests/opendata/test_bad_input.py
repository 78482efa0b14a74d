"""Malformed parameters get a 400 with a JSON error naming the parameter, never a 500; too
many requests from one client get a 429."""

import pytest
from django.test import override_settings

from tests.conftest import site_client

BAD = [
    ({"page": "abc"}, "page"),
    ({"page": "0"}, "page"),
    ({"page": "-1"}, "page"),
    ({"page": "99"}, "page"),  # past the last page
    ({"page": "1" * 40}, "page"),
    ({"page_size": "1000"}, "page_size"),
    ({"page_size": "2.5"}, "page_size"),
    ({"from": "2026-13-01"}, "from"),
    ({"from": "01/11/2026"}, "from"),
    ({"to": "hôm qua"}, "to"),
    ({"from": "2026-11-02", "to": "2026-11-01"}, "from"),
    ({"type": "bai-viet-la"}, "type"),
    ({"type": "'; DROP TABLE x; --"}, "type"),
    ({"search": "tin"}, "search"),  # not a parameter of this API
    ({"fields": "*"}, "fields"),
]


@pytest.mark.parametrize(("params", "parameter"), BAD)
def test_malformed_parameters_get_a_json_400(commune, params, parameter):
    response = site_client(commune).get("/du-lieu-mo/tin-tuc/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert error["parameter"] == parameter
    assert error["message"]


def test_a_repeated_parameter_is_refused(commune):
    response = site_client(commune).get("/du-lieu-mo/tin-tuc/?page=1&page=2")
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "page"


def test_a_dataset_without_types_refuses_a_type(commune):
    response = site_client(commune).get("/du-lieu-mo/lich-cong-tac/", {"type": "x"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "type"


def test_an_unknown_dataset_is_a_json_404(commune):
    response = site_client(commune).get("/du-lieu-mo/khong-co/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_network_endpoint_checks_its_parameters_too(network):
    client = site_client(network["dakdoa"])
    for params, parameter in (
        ({"type": "tin"}, "type"),
        ({"from": "2026-02-30"}, "from"),
        ({"site": "khongco"}, "site"),
    ):
        response = client.get("/du-lieu-mo/mang-luoi/", params)
        assert response.status_code == 400
        assert response.json()["error"]["parameter"] == parameter


@override_settings(OPENDATA_RATE_LIMIT=3)
def test_a_client_over_the_limit_gets_429_and_another_client_does_not(commune):
    first = site_client(commune, REMOTE_ADDR="203.0.113.7")
    answers = [first.get("/du-lieu-mo/tin-tuc/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = first.get("/du-lieu-mo/van-ban/")
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    assert limited.json()["error"]["code"] == "rate_limited"
    other = site_client(commune, REMOTE_ADDR="203.0.113.8")
    assert other.get("/du-lieu-mo/tin-tuc/").status_code == 200
