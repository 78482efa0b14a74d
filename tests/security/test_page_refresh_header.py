"""nginx's refresh header (docker/nginx.conf, serving.refresh) is honoured only from the app:
from a private address AND with the shared secret. An anonymous visitor sending it, with or
without the right secret, gets the cached copy like everyone else; the secret never reaches
the app; whatever nginx fetches asks the app for the generation afresh. And the app's refresh,
which sends its request and leaves at once, still replaces the copy.

Debian's nginx runs docker/nginx.conf as the benches do (bench/local_nginx.py), in front of a
stand-in app that numbers its answers (tests/portal/nginx_front.py)."""

import http.client
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from bench import local_nginx
from tests.portal.nginx_front import Pool, free_port

SECRET = "the-secret-of-the-test-0123456789"
HOST = "xa-mau.localhost"
pytestmark = pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")


@pytest.fixture
def folder():
    """nginx's workers run as another user: its folder must be reachable (pytest's is not)."""
    path = Path(tempfile.mkdtemp(prefix="nginx-refresh-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def nginx(folder):
    app = Pool("app", numbered=True)
    port = free_port()
    conf = local_nginx.render(folder, app.port, port, folder, SECRET)
    process = local_nginx.start(conf, port)
    try:
        yield app, port
    finally:
        local_nginx.stop(process)
        app.close()


def _get(port: int, headers: dict | None = None, source: str = "127.0.0.1") -> tuple[str, str]:
    """(body, X-Nginx-Cache) of the home page, asked from address ``source``."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=10, source_address=(source, 0)
    )
    try:
        connection.request("GET", "/", headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        return response.read().decode(), response.getheader("X-Nginx-Cache", "")
    finally:
        connection.close()


def test_the_rendered_configuration_passes_nginx_t(folder):
    conf = local_nginx.render(folder, 8000, free_port(), folder, SECRET)
    checked = local_nginx.check(conf)
    assert checked.returncode == 0, checked.stderr
    assert "${PORTAL_REFRESH_SECRET}" in local_nginx.CONF.read_text()  # put in at deployment


def test_an_anonymous_visitor_with_the_header_gets_the_cached_copy(nginx):
    app, port = nginx
    assert _get(port) == ("v1", "MISS")
    # From outside the private networks, even with the right secret.
    assert _get(port, {"X-Portal-Refresh": SECRET}, source="127.0.0.2") == ("v1", "HIT")
    # From an allowed address with a wrong or empty secret.
    assert _get(port, {"X-Portal-Refresh": "guess"}) == ("v1", "HIT")
    assert _get(port, {"X-Portal-Refresh": ""}) == ("v1", "HIT")
    assert _get(port, {"X-Portal-Refresh": SECRET + "x"}) == ("v1", "HIT")
    assert len(app.seen) == 1


def test_the_apps_refresh_replaces_the_cached_copy_for_everyone(nginx):
    app, port = nginx
    assert _get(port) == ("v1", "MISS")
    assert _get(port, {"X-Portal-Refresh": SECRET}) == ("v2", "BYPASS")
    assert _get(port, source="127.0.0.2") == ("v2", "HIT")
    # One copy for every browser: the refresh (which sends neither header) replaced theirs too.
    browser = {"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.8", "Accept-Encoding": "gzip, br"}
    assert _get(port, browser, source="127.0.0.2") == ("v2", "HIT")
    assert len(app.seen) == 2


def test_the_secret_stays_in_nginx_and_the_app_is_asked_for_fresh_generations(nginx):
    app, port = nginx
    _get(port, {"X-Portal-Refresh": SECRET, "X-Portal-Fresh-Generation": "0"})
    sent = app.seen[-1]["headers"]
    assert "X-Portal-Refresh" not in sent
    assert sent["X-Portal-Fresh-Generation"] == "1"


def test_a_refresh_whose_asker_has_left_still_replaces_the_copy(nginx):
    """serving.refresh sends its requests and closes them at once, so the editors' worker does
    not wait for the renders: nginx must finish the fetch and store it anyway."""
    from serving.refresh import NginxRefreshBackend

    app, port = nginx
    assert _get(port) == ("v1", "MISS")
    app.seconds = 0.3  # the asker is long gone when the page comes
    backend = NginxRefreshBackend({"LOCATION": f"http://127.0.0.1:{port}", "SECRET": SECRET})
    started = time.monotonic()
    backend.ask(f"http://{HOST}/")
    assert time.monotonic() - started < 0.1
    deadline = time.monotonic() + 3
    while len(app.seen) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.5)  # the render, and nginx storing it
    app.seconds = 0
    assert _get(port, source="127.0.0.2") == ("v2", "HIT")
    assert len(app.seen) == 2
