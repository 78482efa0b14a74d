"""Production answers with HSTS and a Content-Security-Policy, public pages without any
'unsafe-inline' script, and `check --deploy` is clean (issue 14, #6)."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

from tests.conftest import site_client

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-production-key-for-the-security-headers-test-0123456789",
    "ALLOWED_HOSTS": ".gialai.gov.vn",
    "DATABASE_URL": "postgres://portal:secret@db.invalid:5432/portal",
}
HSTS = {"SECURE_HSTS_SECONDS": 31_536_000, "SECURE_HSTS_INCLUDE_SUBDOMAINS": True}


def _production(*args: str, **extra: str) -> subprocess.CompletedProcess:
    keep = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k != "HSTS_SECONDS"}
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env={
            **keep,
            **PRODUCTION_ENV,
            **extra,
            "PYTHONPATH": f"{settings.BASE_DIR}/platform:{settings.BASE_DIR}",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def _production_values(**extra: str) -> list[str]:
    code = (
        "from portal.settings import production as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT,"
        " getattr(s, 'SENDFILE_BACKEND', 'django'), s.WAGTAILDOCS_SERVE_METHOD)"
    )
    result = _production("-c", code, **extra)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_production_with_tls_sends_hsts_for_a_year_and_redirects_plain_http():
    assert _production_values() == [
        "31536000",
        "True",
        "True",
        "portal.sendfile_nginx",
        "serve_view",
    ]


def test_production_without_tls_sends_no_hsts_and_hsts_can_be_tuned():
    assert _production_values(SECURE_COOKIES="0")[:3] == ["0", "False", "False"]
    assert _production_values(HSTS_SECONDS="300")[:2] == ["300", "True"]
    assert _production_values(PORTAL_SENDFILE="django")[3] == "django"


def test_check_deploy_is_clean_with_production_settings():
    result = _production("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
@override_settings(**HSTS)
def test_a_public_page_sends_hsts_and_a_policy_that_runs_only_its_own_files(demo_network):
    """No inline script at all, and inline styles only by their hash: a page kept in the page
    cache (serving/, issue 19) is the same for every visitor, so it can carry no nonce."""
    import base64
    import hashlib

    response = site_client(demo_network["iabang"]).get("/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    policy = _policy(response)
    # our own files, and the national monitoring script's origins only (F20, portal.csp)
    origins = [origin.rstrip("/") for origin in settings.PORTAL_MONITORING_ORIGINS]
    assert policy["script-src"] == ["'self'", *origins]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"] and policy["default-src"] == ["'self'"]
    html = response.content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    # Data blocks (JSON, JSON-LD: issue 16) are never executed, so the policy needs no nonce.
    data = ('type="application/json"', 'type="application/ld+json"')
    inline = [tag for tag in scripts if "src=" not in tag and not any(t in tag for t in data)]
    assert not inline, inline
    assert 'type="application/ld+json"' in html, "the site's JSON-LD is there, and allowed"
    assert any("display_prefs.js" in tag for tag in scripts), "text size and contrast"
    for style in re.findall(r"<style[^>]*>(.*?)</style>", html, re.S):
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy["style-src"], "each inline style by its hash"
    assert [s for s in policy["style-src"] if s.startswith("'sha256-")] == [
        s for s in policy["style-src"] if s != "'self'"
    ], "nothing but 'self' and hashes"
    assert not re.search(r"\son[a-z]+=", html), "no inline event handler may be left"


@pytest.mark.django_db
def test_public_responses_carry_no_nonce_so_a_cached_copy_is_the_same_for_all(demo_network):
    client = site_client(demo_network["iabang"])
    first, second = (client.get("/")["Content-Security-Policy"] for _ in range(2))
    assert first == second
    assert "nonce-" not in first


@pytest.mark.django_db
@override_settings(**HSTS)
def test_the_admin_sends_hsts_and_a_policy_limited_to_its_own_origin(demo_network):
    client = site_client(demo_network["iabang"])
    response = client.get("/admin/login/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    policy = _policy(response)
    # Wagtail writes inline scripts (panels, date pickers) and style attributes: allowed here
    # only, with no nonce (which would make browsers ignore 'unsafe-inline').
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    for directive in ("default-src", "connect-src", "font-src", "form-action"):
        assert policy[directive] == ["'self'"], directive
    assert "https:" not in policy["img-src"], "no avatars or images from third parties"


def _violations(page) -> list[str]:
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


@pytest.mark.browser
def test_a_public_page_runs_its_display_tools_under_the_policy(db, site_server):
    from tests.browser import phone_page

    with phone_page() as page:
        violations = _violations(page)
        page.goto(f"http://iabang.localhost:{site_server}/")
        # On a phone the display tools open with the menu: both scripts run under the policy.
        page.get_by_role("button", name="Danh mục").click()
        assert page.get_by_role("button", name="Danh mục").get_attribute("aria-expanded") == "true"
        page.locator("[data-contrast-toggle]").click()
        assert page.evaluate("document.documentElement.classList.contains('high-contrast')")
        assert not violations, violations


@pytest.mark.browser
def test_the_admin_page_editor_runs_under_its_policy(db, site_server, demo_network):
    from django_tenants.utils import schema_context

    from content.models import NewsPage
    from tests.browser import phone_page

    with schema_context(demo_network["iabang"].schema_name):
        page_id = NewsPage.objects.live().first().pk
    origin = f"http://iabang.localhost:{site_server}"
    with phone_page(1280, 900) as page:
        violations = _violations(page)
        page.goto(f"{origin}/admin/login/")
        page.fill("#id_username", "admin")
        page.fill("#id_password", settings.PORTAL_DEMO_PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url(f"{origin}/admin/")
        page.goto(f"{origin}/admin/pages/{page_id}/edit/")
        page.wait_for_load_state("networkidle")
        assert page.locator("#id_title").is_visible()
        page.goto(f"{origin}/admin/images/")
        page.wait_for_load_state("networkidle")
        assert not violations, violations
