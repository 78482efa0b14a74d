"""The editors' own pool (docker/nginx.conf's ``admin_pool``, issue 21) changes nothing of who
reaches what: it gets the same Host and X-Forwarded-* as the citizens' pool, by which the app
picks the site and counts an address's failed logins, so a commune's editor still reaches
only his own site's admin. That the app itself keeps sessions per site whatever the pool is
pinned by test_cross_site_matrix.py::test_a_board_member_of_a_is_anonymous_on_site_bs_host;
here, the same check with the headers exactly as nginx hands them to the editors' pool."""

import re
import shutil

import pytest
from django.conf import settings
from django.test import Client

from tests.portal.nginx_front import get, nginx_in_front
from tests.security.conftest import login

FORWARDED = ("Host", "X-Forwarded-For", "X-Forwarded-Proto")


def proxy_headers(block: str) -> set[str]:
    return {line.strip() for line in block.splitlines() if "proxy_set_header" in line}


def test_every_editors_location_sets_the_citizens_proxy_headers():
    conf = (settings.BASE_DIR / "docker" / "nginx.conf").read_text()
    blocks = dict(re.findall(r"\n    location ([^{]+) \{([^}]*)\}", conf))
    citizens = proxy_headers(blocks["/"])
    assert {"proxy_set_header Host $host;", "proxy_set_header X-Forwarded-For "
            "$proxy_add_x_forwarded_for;"} <= citizens  # fmt: skip
    editors = [head for head, body in blocks.items() if "proxy_pass http://admin_pool;" in body]
    assert editors == ["^~ /admin/", "~ ^/ho-tro/(ket-thuc/)?$"]
    for head in editors:
        assert proxy_headers(blocks[head]) == citizens, head


def _seen_by_both_pools(**client_headers) -> tuple[dict, dict]:
    with nginx_in_front() as (port, app, admin):
        get(port, "/admin/pages/", "XaThu.localhost", **client_headers)
        get(port, "/tin-tuc/", "XaThu.localhost", **client_headers)
        return (
            {k: admin.seen[0]["headers"].get(k) for k in FORWARDED},
            {k: app.seen[0]["headers"].get(k) for k in FORWARDED},
        )


needs_nginx = pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")


@needs_nginx
def test_the_editors_pool_gets_the_host_and_forwarded_headers_the_citizens_pool_gets():
    admin, app = _seen_by_both_pools(**{"X-Forwarded-For": "192.0.2.7"})
    assert admin == app
    assert admin == {
        "Host": "xathu.localhost",
        "X-Forwarded-For": "192.0.2.7, 127.0.0.1",  # the client's claim, then nginx's peer
        "X-Forwarded-Proto": "http",
    }
    admin, app = _seen_by_both_pools(**{"X-Forwarded-Proto": "https"})  # a TLS terminator's
    assert admin == app and admin["X-Forwarded-Proto"] == "https"
    assert admin["X-Forwarded-For"] == "127.0.0.1"


@needs_nginx
def test_with_the_editors_pools_headers_a_commune_editor_reaches_only_his_site(
    commune, parent_portal
):
    """The headers nginx forwards to the editors' pool, replayed to the app: the chief of the
    commune is in on his own host and a stranger on the district's."""
    member = login(commune, "truongban")
    cookie = member.cookies["sessionid"].value
    with nginx_in_front() as (port, _app, admin):
        for tenant in (commune, parent_portal):
            get(port, "/admin/", tenant.get_primary_domain().domain, Cookie=f"sessionid={cookie}")
        forwarded = [request["headers"] for request in admin.seen]
    own, other = (
        Client(
            HTTP_HOST=headers["Host"],
            HTTP_X_FORWARDED_FOR=headers["X-Forwarded-For"],
            HTTP_X_FORWARDED_PROTO=headers["X-Forwarded-Proto"],
        )
        for headers in forwarded
    )
    for client in (own, other):
        client.cookies["sessionid"] = cookie
    assert own.get("/admin/").status_code == 200
    response = other.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert forwarded[0]["Cookie"] == forwarded[1]["Cookie"] == f"sessionid={cookie}"
