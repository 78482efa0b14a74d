"""Publishing asks nginx to fetch again every page that shows the change (serving.refresh,
issue 19: publish → visible on the cached home page and section within a second): the item,
its section, the home page, the feed and the sitemap (and the parent portal's home page), each
with the refresh header, after the commit. A real HTTP listener stands in for nginx. Without an
nginx configured, nothing is sent. And what nginx fetches is rendered with the site's
generation read afresh."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import connection
from django_tenants.utils import get_public_schema_name, schema_context
from wagtail.models import Page

from tests.conftest import site_client
from tests.editorial.conftest import fresh, make_board_site, member, write
from tests.serving.test_page_invalidation import _section_accepting_news

SECRET = "refresh-secret-of-the-test"


class _Quiet(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the app leaves once it has sent its request: the answer finds no one, as in nginx


class _Listener:
    """An HTTP server on the loopback that records each request and answers 200."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                listener.requests.append((self.path, dict(self.headers)))
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = _Quiet(("127.0.0.1", 0), Handler)
        self.port = self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def received(self) -> list[tuple[str, dict[str, str]]]:
        """The requests, once none has come for a moment: the app sends them and leaves, and
        the server reads each in its own thread."""
        count, quiet_since, deadline = -1, time.monotonic(), time.monotonic() + 5
        while time.monotonic() < deadline and time.monotonic() - quiet_since < 0.3:
            if len(self.requests) != count:
                count, quiet_since = len(self.requests), time.monotonic()
            time.sleep(0.02)
        return self.requests

    def paths(self) -> set[str]:
        return {path for path, _headers in self.received()}

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def nginx(settings):
    listener = _Listener()
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "serving.refresh.NginxRefreshBackend",
            "LOCATION": f"http://127.0.0.1:{listener.port}",
            "SECRET": SECRET,
        }
    }
    yield listener
    listener.close()


@pytest.fixture
def site(db, demo_network, cached):
    return make_board_site(demo_network, "Xã Làm Mới", 1)


def test_publishing_asks_nginx_again_for_the_item_its_section_home_feed_and_sitemap(
    site, nginx, django_capture_on_commit_callbacks
):
    chief = member(site, "truongban")
    with django_capture_on_commit_callbacks(execute=True):
        response = write(chief, site, "Khánh thành nhà văn hóa", action="action-publish")
    assert response.status_code == 302
    assert fresh(site, "Khánh thành nhà văn hóa").live
    host = site.get_primary_domain().domain
    requests = nginx.received()
    assert {path for path, headers in requests if headers["Host"] == host} == {
        "/",
        "/tin-tuc/",
        "/tin-tuc/khanh-thanh-nha-van-hoa/",
        "/rss.xml",
        "/sitemap.xml",
    }
    # The parent portal's home page lists its members' news ("Tin từ các xã/phường").
    parent = site.parent.get_primary_domain().domain
    assert [path for path, headers in requests if headers["Host"] == parent] == ["/"]
    assert len(requests) == 6
    for _path, headers in requests:
        assert headers["X-Portal-Refresh"] == SECRET
        assert headers["X-Forwarded-Proto"] == "http"
        assert "bot" in headers["User-Agent"]  # not counted as a visitor's view


def test_nothing_is_asked_before_the_publish_commits(
    site, nginx, django_capture_on_commit_callbacks
):
    chief = member(site, "truongban")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        write(chief, site, "Tin chưa ghi xong", action="action-publish")
    assert nginx.received() == []  # inside the transaction: nginx would fetch the old page
    for callback in callbacks:
        callback()
    assert "/tin-tuc/tin-chua-ghi-xong/" in nginx.paths()


def test_unpublishing_and_moving_ask_again_for_the_pages_that_showed_the_item(
    site, nginx, django_capture_on_commit_callbacks
):
    chief = member(site, "truongban")
    with django_capture_on_commit_callbacks(execute=True):
        write(chief, site, "Tin đổi chỗ", action="action-publish")
    page = fresh(site, "Tin đổi chỗ")
    target_id = _section_accepting_news(site)
    nginx.received().clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert chief.post(f"/admin/pages/{page.pk}/move/{target_id}/confirm/").status_code == 302
    moved = fresh(site, "Tin đổi chỗ")
    with schema_context(site.schema_name):
        section = Page.objects.get(pk=target_id).url  # "/<its slug>/"
    # The new address and its section, the former section, the home page.
    assert {"/", "/tin-tuc/", section, f"{section}tin-doi-cho/"} <= nginx.paths()
    nginx.received().clear()
    with django_capture_on_commit_callbacks(execute=True):
        chief.post(f"/admin/pages/{moved.pk}/unpublish/", {"reason": "Sai"})
    assert {"/", section, "/rss.xml", "/sitemap.xml"} <= nginx.paths()


def test_without_an_nginx_configured_publishing_sends_nothing(
    site, settings, django_capture_on_commit_callbacks
):
    from wagtail.contrib.frontend_cache.utils import get_backends

    listener = _Listener()  # where a refresh would go, were one configured
    try:
        assert not hasattr(settings, "WAGTAILFRONTENDCACHE")
        assert get_backends() == {}
        chief = member(site, "truongban")
        with django_capture_on_commit_callbacks(execute=True):
            write(chief, site, "Tin không có nginx", action="action-publish")
        assert fresh(site, "Tin không có nginx").live
        assert listener.received() == []
    finally:
        listener.close()


def test_an_unreachable_nginx_does_not_fail_the_publish(
    site, settings, django_capture_on_commit_callbacks
):
    listener = _Listener()
    port = listener.port
    listener.close()  # nothing listens there any more
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "serving.refresh.NginxRefreshBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
            "SECRET": SECRET,
        }
    }
    chief = member(site, "truongban")
    with django_capture_on_commit_callbacks(execute=True):
        assert write(chief, site, "Tin vẫn đăng", action="action-publish").status_code == 302
    assert fresh(site, "Tin vẫn đăng").live


def test_an_nginx_that_never_answers_holds_the_worker_half_a_second_at_most(
    db, settings, caplog, django_capture_on_commit_callbacks
):
    """A listener whose queue is full drops the connection attempt, as a host gone from the
    network does: the worker gives up after the backend's timeout, says so, and does not try
    the publish's other pages."""
    from serving import refresh

    with socket.socket() as full:
        full.bind(("127.0.0.1", 0))
        full.listen(0)
        port = full.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)):  # fills the queue
            settings.WAGTAILFRONTENDCACHE = {
                "nginx": {
                    "BACKEND": "serving.refresh.NginxRefreshBackend",
                    "LOCATION": f"http://127.0.0.1:{port}",
                    "SECRET": SECRET,
                }
            }
            started = time.monotonic()
            with django_capture_on_commit_callbacks(execute=True):
                refresh.refresh([f"http://xa-a.localhost/{path}" for path in ("", "a/", "b/")])
            waited = time.monotonic() - started
    assert 0.4 < waited < 1.0
    assert caplog.text.count("nginx not refreshed for http://xa-a.localhost/") == 1


def _bump_elsewhere(schema: str) -> None:
    """What another process's publish does: the counter moves, this process's memory does not."""
    public = get_public_schema_name()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {public}.serving_generation (scope, value)"  # noqa: S608
            f" VALUES (%s, nextval('{public}.serving_generation_seq'))"
            " ON CONFLICT (scope) DO UPDATE SET value = EXCLUDED.value",
            [f"site:{schema}"],
        )


def test_what_nginx_fetches_reads_the_generation_afresh(site, settings):
    settings.PORTAL_GENERATION_SECONDS = 60  # a worker that remembers for long
    client = site_client(site)
    first = client.get("/tin-tuc/")
    assert client.get("/tin-tuc/")["X-Page-Cache"] == "hit"
    _bump_elsewhere(site.schema_name)
    # A visitor straight to the app: the remembered generation, the page as it was.
    assert client.get("/tin-tuc/")["X-Page-Cache"] == "hit"
    # nginx (docker/nginx.conf sends the header on whatever it fetches): rendered again.
    again = client.get("/tin-tuc/", HTTP_X_PORTAL_FRESH_GENERATION="1")
    assert again["X-Page-Cache"] == "miss"
    assert again.status_code == first.status_code == 200


def test_in_a_request_nginx_is_asked_once_the_response_has_gone(
    db, nginx, django_capture_on_commit_callbacks
):
    """The pages rendered again do not compete with the editor's own request."""
    from django.core.signals import request_finished, request_started

    from serving import refresh

    request_started.send(sender=None)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            refresh.refresh(["http://xa-a.localhost/tin-tuc/"])
        assert nginx.received() == []  # committed, the response not yet sent
    finally:
        request_finished.send(sender=None)
    assert nginx.paths() == {"/tin-tuc/"}


def test_an_address_reaches_nginx_as_a_browser_sends_it(
    db, nginx, django_capture_on_commit_callbacks
):
    """nginx keys its copies by scheme (X-Forwarded-Proto), host and the request's URI."""
    from serving import refresh

    with django_capture_on_commit_callbacks(execute=True):
        refresh.refresh(["https://xa-a.localhost/tin-tức/?q=chuyển"])
    [(path, headers)] = nginx.received()
    assert path == "/tin-t%E1%BB%A9c/?q=chuy%E1%BB%83n"
    assert headers["Host"] == "xa-a.localhost"
    assert headers["X-Forwarded-Proto"] == "https"
