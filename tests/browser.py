"""Playwright with Debian's chromium; the browser tests skip, saying why, where it is absent."""

import shutil
from contextlib import contextmanager

import pytest

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _is_third_party(url: str) -> bool:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return url.startswith(("http://", "https://")) and not (
        host in ("localhost", "127.0.0.1") or host.endswith(".localhost")
    )


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def phone_page(width: int = 375, height: int = 740):
    """A headless Chromium page the size of a phone screen."""
    executable = chromium_path()
    if executable is None:
        pytest.skip("Debian's chromium is not installed (scripts/test installs it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        try:
            context = browser.new_context(
                viewport={"width": width, "height": height}, locale="vi-VN", is_mobile=True
            )
            # The pages' only third-party request is the national monitoring script (the demo
            # sites have one, issue 20): refused here, so no test waits on or calls out to it.
            context.route(_is_third_party, lambda route: route.abort())
            yield context.new_page()
        finally:
            browser.close()


def _serve_file(folder, relative: str):
    """(status, content type, bytes) of a file under ``folder``, refusing any path outside."""
    import mimetypes
    from pathlib import Path

    root = Path(folder).resolve()
    file = (root / relative).resolve()
    if root not in file.parents or not file.is_file():
        return 404, "text/plain", b"not found"
    return 200, mimetypes.guess_type(file.name)[0] or "application/octet-stream", file.read_bytes()


def _static(path: str):
    from django.conf import settings
    from django.contrib.staticfiles import finders

    found = finders.find(path[len(settings.STATIC_URL) :])
    if not found:
        return 404, "text/plain", b"not found"
    from pathlib import Path

    return _serve_file(Path(found).parent, Path(found).name)


@contextmanager
def site_pages(width: int = 390, height: int = 844):
    """A headless Chromium whose requests to any ``*.localhost`` host are answered by Django
    itself, in this test's thread and transaction: pages of a site the test created (and rolls
    back) reach a real browser with their real headers (CSP included), static files and media.

    Yields ``new_page(width, height)``, which opens a page in a fresh browser context (its own
    localStorage) of that size. One browser per call: tests reuse it for many pages."""
    executable = chromium_path()
    if executable is None:
        pytest.skip("Debian's chromium is not installed (scripts/test installs it as root)")
    from urllib.parse import urlsplit

    from django.conf import settings
    from django.db import connections
    from django.test import Client
    from playwright.sync_api import sync_playwright

    # Playwright calls route handlers in greenlets of their own, where Django would open a new
    # database connection, outside the test's transaction: hand it the test's connection.
    test_connection = connections["default"]
    clients: dict[str, Client] = {}

    def answer(route, request):
        url = urlsplit(request.url)
        path = url.path + (f"?{url.query}" if url.query else "")
        if url.path.startswith(settings.STATIC_URL):
            status, kind, body = _static(url.path)
            route.fulfill(status=status, content_type=kind, body=body)
            return
        if url.path.startswith(settings.MEDIA_URL):
            status, kind, body = _serve_file(
                settings.MEDIA_ROOT, url.path[len(settings.MEDIA_URL) :]
            )
            route.fulfill(status=status, content_type=kind, body=body)
            return
        connections["default"] = test_connection
        client = clients.setdefault(url.netloc, Client(HTTP_HOST=url.netloc))
        extra = {}
        if request.headers.get("origin"):
            extra["HTTP_ORIGIN"] = request.headers["origin"]
        if request.method == "POST":
            response = client.generic(
                "POST",
                path,
                data=request.post_data_buffer or b"",
                content_type=request.headers.get("content-type", ""),
                **extra,
            )
        else:
            response = client.get(path, **extra)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        headers = {k: v for k, v in response.items() if k.lower() != "content-length"}
        route.fulfill(status=response.status_code, headers=headers, body=body)

    import os

    # The handlers run while Playwright's event loop is current in this thread, which Django's
    # guard takes for async code; they are plain synchronous calls of this one thread.
    allow_before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )

        def new_page(
            w: int = width, h: int = height, *, script: bool = True, high_contrast: bool = False
        ):
            context = browser.new_context(
                viewport={"width": w, "height": h},
                locale="vi-VN",
                is_mobile=w < 800,
                java_script_enabled=script,
            )
            if high_contrast:  # as the reader's earlier click on "Tương phản cao" left it
                context.add_init_script("localStorage.setItem('portal-contrast', 'high')")
            context.route(_is_third_party, lambda route: route.abort())
            context.route(lambda u: not _is_third_party(u), answer)
            return context.new_page()

        def in_test(function, *args, **kwargs):
            """Call Django code inside the ``with`` block: there, Playwright's running loop
            makes Django take this thread for async code and open another connection."""
            connections["default"] = test_connection
            return function(*args, **kwargs)

        new_page.in_test = in_test
        try:
            yield new_page
        finally:
            browser.close()
            if allow_before is None:
                os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            else:
                os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = allow_before
