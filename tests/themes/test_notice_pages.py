"""The pages a visitor meets when there is no page to serve (issue 16, left over): a suspended
site, a change refused on an archived one, an unknown address, a server error. They wear the
design system like every public page, keep their status codes, and run under the strict CSP.
"""

import re

import pytest
from csp.utils import build_policy
from django.conf import settings
from django.test import Client, RequestFactory
from django.views.defaults import server_error

from portal.csp import public_directives
from tenants.models import Tenant
from tests.browser import site_pages
from tests.conftest import site_client
from tests.factories import commune
from tests.themes.axe import all_violations, axe_source


def _strict(html: str, response) -> None:
    """No inline style or script the CSP would block, and the CSP header that blocks them."""
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"<script(?![^>]*\ssrc=)", html), "an inline script"
    assert not re.search(r"\son[a-z]+=", html), "an inline event handler"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def _set_status(tenant, status):
    tenant.status = status
    tenant.save()


@pytest.fixture
def member(db, demo_network):
    return commune(Tenant.objects.get(pk=demo_network["dakdoa"].pk), "Xã Ia Thử")


def test_a_suspended_site_wears_the_design_system_and_leads_to_its_parent_portal(member):
    _set_status(member, Tenant.Status.SUSPENDED)
    response = site_client(member).get("/tin-tuc/")
    html = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] == "3600"
    assert 'class="site-header"' in html and 'class="emblem"' in html
    assert f'<span class="site-name">{member.site_title}</span>' in html
    assert "usa-alert usa-alert--warning" in html
    assert f"{member.site_title} đang tạm ngừng hoạt động</h1>" in html
    assert "themes/css/portal.css" in html
    parent = member.parent
    assert f'href="http://{parent.get_primary_domain().domain}/">Đến {parent.site_title}' in html
    _strict(html, response)


def test_a_change_on_an_archived_site_is_refused_on_the_design_system(member):
    _set_status(member, Tenant.Status.ARCHIVED)
    response = site_client(member).post("/hoi-dap/", {"content": "?"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "usa-alert usa-alert--info" in html
    assert f"{member.site_title} đã ngừng cập nhật</h1>" in html
    assert f'href="/">Về trang chủ {member.site_title}' in html
    assert f"Đến {member.parent.site_title}" in html
    _strict(html, response)


def test_an_unknown_address_answers_404_on_the_design_system(db):
    response = Client(HTTP_HOST="khongco.localhost").get("/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "usa-alert usa-alert--error" in html and 'class="emblem"' in html
    assert "<strong>khongco.localhost</strong>" in html
    assert 'class="site-name"' not in html, "no site, no name"
    _strict(html, response)


def test_the_server_error_page_renders_with_no_database_and_no_context():
    """No ``db`` fixture: any query here fails the test (pytest-django blocks the database)."""
    from django.utils import translation

    with translation.override("vi"):  # as LocaleMiddleware left it for a Vietnamese page
        response = server_error(RequestFactory().get("/tin-tuc/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="vi">' in html
    assert '<h1 class="usa-alert__heading">Lỗi hệ thống</h1>' in html
    assert "Xin vui lòng thử lại sau ít phút." in html
    assert 'href="/">Về trang chủ</a>' in html
    assert "themes/css/portal.css" in html and 'class="emblem"' in html
    assert "<style" not in html and not re.search(r"<script(?![^>]*\ssrc=)", html)


def test_the_server_error_page_of_an_english_page_is_in_english():
    from django.utils import translation

    with translation.override("en"):
        html = server_error(RequestFactory().get("/en/")).content.decode()
    assert '<html lang="en">' in html and "Go to the home page" in html


@pytest.mark.browser
def test_notice_pages_fit_a_phone_and_have_no_accessibility_violation(member):
    """axe-core, every rule, at 360 and 1280 px in normal and high-contrast modes."""
    source = axe_source()
    member_host = f"http://{member.get_primary_domain().domain}"
    figures, problems = {}, []
    error_html = server_error(RequestFactory().get("/")).content
    policy = build_policy(config=public_directives())

    def answer_error(route):
        headers = {"Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": policy}
        route.fulfill(status=500, headers=headers, body=error_html)

    with site_pages() as new_page:
        notices = {
            "server-error": ("error", "http://loi.localhost/", 500),
            "not-found": ("get", "http://khongco.localhost/", 404),
            "suspended": ("suspended", member_host + "/", 503),
        }
        for width in (360, 1280):
            for high_contrast in (False, True):
                page = new_page(width, 800, high_contrast=high_contrast)
                page.route("http://loi.localhost/", answer_error)
                for name, (kind, url, status) in notices.items():
                    if kind == "suspended":
                        new_page.in_test(_set_status, member, Tenant.Status.SUSPENDED)
                    response = page.goto(url)
                    assert response.status == status
                    assert page.evaluate(
                        "document.documentElement.scrollWidth <= window.innerWidth"
                    ), f"{name} scrolls sideways at {width} px"
                    assert page.locator(".site-header .emblem").is_visible()
                    assert page.get_by_role("heading", level=1).is_visible()
                    folder = settings.BASE_DIR / "var" / "test-output"
                    folder.mkdir(parents=True, exist_ok=True)
                    mode = "contrast" if high_contrast else "normal"
                    page.screenshot(path=str(folder / f"notice-{name}-{width}-{mode}.png"))
                    found = all_violations(page, source)
                    figures[(name, width, mode)] = len(found)
                    problems += [f"{name} {width} {mode}: {line}" for line in found]
                page.context.close()
    print("\naxe-core violations on notice pages:", figures)  # noqa: T201 - the figures
    assert len(figures) == 12
    assert not problems, "\n".join(problems)
