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
