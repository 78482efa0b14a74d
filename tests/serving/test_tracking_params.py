"""A shared link's tracking parameters (fbclid, utm_*, Zalo's zarsrc) neither change the page
nor split its cache: every click on a news item shared on Facebook or Zalo carries its own
``fbclid``, and each would otherwise be a cache miss (serving.pages, docker/nginx.conf)."""

import http.server
import shutil
import socket
import tempfile
import threading
import urllib.request
from pathlib import Path

import pytest

from bench import local_nginx
from tests.conftest import site_client

SHARED = "fbclid=IwAR0xYz&utm_source=facebook&utm_medium=social"


def test_a_shared_link_is_served_the_page_cached_for_its_plain_address(network, cached):
    client = site_client(network["iabang"])
    first = client.get(f"/tin-tuc/?{SHARED}")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert b"fbclid" not in first.content and b"utm_source" not in first.content
    from_zalo = client.get("/tin-tuc/?utm_source=zalo&zarsrc=31")
    assert from_zalo["X-Page-Cache"] == "hit"
    assert from_zalo.content == first.content
    assert client.get("/tin-tuc/")["X-Page-Cache"] == "hit"


def test_the_parameters_that_choose_what_a_page_shows_are_kept(network, cached):
    client = site_client(network["iabang"])
    search = client.get(f"/tim-kiem/?q=ngan+sach&{SHARED}")
    assert search.status_code == 200
    assert search.context["query"].text == "ngan sach"
    assert client.get("/tin-tuc/?trang=2")["X-Page-Cache"] == "miss"
    assert client.get(f"/tin-tuc/?trang=2&{SHARED}")["X-Page-Cache"] == "hit"
    assert client.get("/tin-tuc/")["X-Page-Cache"] == "miss"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _CountingApp(http.server.BaseHTTPRequestHandler):
    """Stands for gunicorn: a page nginx may share for a minute, numbered by request."""

    seen: list[str] = []

    def do_GET(self):  # noqa: N802 - the http.server name
        self.seen.append(self.path)
        body = f"page {len(self.seen)}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Cache-Control", "public, max-age=0, s-maxage=60")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.skipif(shutil.which("nginx") is None, reason="Debian's nginx is not installed")
def test_nginx_keeps_one_copy_for_every_click_on_a_shared_link():
    app = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CountingApp)
    _CountingApp.seen = []
    threading.Thread(target=app.serve_forever, daemon=True).start()
    port = _free_port()
    # Not pytest's tmp_path: nginx's workers (www-data) must reach it, and its parents are 0700.
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        conf = local_nginx.render(folder, app.server_port, port, folder, "test-secret-0123")
        nginx = local_nginx.start(conf, port)
        try:

            def get(path: str) -> str:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}{path}", headers={"Host": "iabang.example.vn"}
                )
                with urllib.request.urlopen(request) as response:  # noqa: S310 - our loopback
                    return response.read().decode()

            assert get(f"/tin-tuc/a/?{SHARED}") == "page 1"
            assert get("/tin-tuc/a/?fbclid=other") == "page 1"
            assert get("/tin-tuc/a/") == "page 1"
            assert get("/tin-tuc/a/?trang=2&fbclid=x") == "page 2"  # not only tracking: its own
            assert get("/tin-tuc/a/?q=utm_source") == "page 3"
            assert _CountingApp.seen == [
                f"/tin-tuc/a/?{SHARED}",
                "/tin-tuc/a/?trang=2&fbclid=x",
                "/tin-tuc/a/?q=utm_source",
            ]
        finally:
            local_nginx.stop(nginx)
            app.shutdown()
