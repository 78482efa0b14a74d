"""The national monitoring code (F20): a board pastes EMC's snippet, the site keeps only its
address, every public page carries the script, the CSP admits exactly its origin, and the
console lists the members that lack it."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django_tenants.utils import schema_context

from monitoring.snippet import parse_snippet
from tests import factories
from tests.conftest import site_client

GOOD = '<!-- EMC -->\n<script src="https://emc.gov.vn/ma-giam-sat.js?id=42" async></script>'


@pytest.fixture
def commune(demo_network, db):
    return factories.commune(demo_network["dakdoa"], "Xã Giám Sát")


def login(tenant, username):
    client = site_client(tenant)
    response = client.post("/admin/login/", {"username": username, "password": factories.PASSWORD})
    assert response.status_code == 302
    return client


def settings_url(tenant) -> str:
    from wagtail.models import Site

    with schema_context(tenant.schema_name):
        return f"/admin/settings/monitoring/monitoringcode/{Site.objects.get().pk}/"


def test_the_snippet_as_emc_issues_it_is_read_to_its_address():
    assert parse_snippet(GOOD) == "https://emc.gov.vn/ma-giam-sat.js?id=42"
    plain = '<script type="text/javascript" src="https://emc.gov.vn/a.js" defer></script>'
    assert parse_snippet(plain) == "https://emc.gov.vn/a.js"


@pytest.mark.parametrize(
    ("snippet", "reason"),
    [
        ('<script src="https://evil.example.com/a.js"></script>', "không được chấp nhận"),
        ('<script src="https://emc.gov.vn.evil.com/a.js"></script>', "không được chấp nhận"),
        ('<script src="https://emc.gov.vn@evil.com/a.js"></script>', "https://"),
        ('<script src="http://emc.gov.vn/a.js"></script>', "https://"),
        ('<script src="javascript:alert(1)"></script>', "https://"),
        ('<script src="//emc.gov.vn/a.js"></script>', "https://"),
        ("<script>alert(1)</script>", "src"),
        ('<script src="https://emc.gov.vn/a.js">alert(1)</script>', "không có nội dung khác"),
        ('<script src="https://emc.gov.vn/a.js" onload="alert(1)"></script>', "onload"),
        ('<script src="https://emc.gov.vn/a.js" type="module"></script>', "JavaScript"),
        ('<script src="https://emc.gov.vn/a.js"></script><img src=x onerror=alert(1)>', "khác"),
        ('<script src="https://emc.gov.vn/a.js"></script><p>Xin chào</p>', "khác"),
        ('<script src="https://emc.gov.vn/a.js"></script>chữ', "khác"),
        (
            '<script src="https://emc.gov.vn/a.js"></script>'
            '<script src="https://emc.gov.vn/b.js"></script>',
            "đúng một thẻ",
        ),
        ("<iframe src='https://emc.gov.vn/'></iframe>", "đúng một thẻ"),
        ("x" * 3000, "quá dài"),
    ],
)
def test_anything_else_is_refused_with_the_reason(snippet, reason):
    with pytest.raises(ValidationError) as refused:
        parse_snippet(snippet)
    assert reason in " ".join(refused.value.messages)


def test_the_chief_sets_it_and_every_public_page_carries_only_the_script(commune):
    factories.board(commune)
    client = login(commune, "truongban")
    url = settings_url(commune)
    refused = client.post(url, {"snippet": '<script src="https://evil.example.com/a.js"></script>'})
    assert refused.status_code == 200
    assert "không được chấp nhận" in refused.content.decode()
    home = site_client(commune).get("/").content.decode()
    assert "evil.example.com" not in home and "emc.gov.vn" not in home

    saved = client.post(url, {"snippet": GOOD})
    assert saved.status_code == 302
    for path in ("/", "/tin-tuc/", "/lien-he/"):
        page = site_client(commune).get(path)
        html = page.content.decode()
        assert '<script src="https://emc.gov.vn/ma-giam-sat.js?id=42" async></script>' in html
        assert "<!-- EMC -->" not in html  # never the pasted HTML
        policy = page["Content-Security-Policy"]
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
        assert "https://emc.gov.vn" in script_src.split()


def test_the_public_csp_admits_exactly_the_allowed_origins(commune):
    policy = site_client(commune).get("/")["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split("; ") if part.strip()}
    for name in ("script-src", "connect-src", "img-src"):
        hosts = [v for v in directives[name] if v.startswith("https://") or v == "https:"]
        assert hosts == settings.PORTAL_MONITORING_ORIGINS, name
    for name in ("style-src", "font-src", "media-src", "default-src"):
        assert not any("emc.gov.vn" in v for v in directives[name]), name


def test_the_console_shows_which_members_lack_it(demo_network, commune):
    from django.contrib.auth import get_user_model

    parent = demo_network["dakdoa"]
    with schema_context(parent.schema_name):
        get_user_model().objects.create_superuser("giamsat", "g@x.vn", factories.PASSWORD)
    client = login(parent, "giamsat")
    page = client.get("/admin/mang-luoi-ma-giam-sat/").content.decode()
    row = page[page.index("Xã Giám Sát") :][:400]
    assert "Chưa gắn mã giám sát" in row
    # The demo communes have theirs (sitebuild.demo).
    iabang = page[page.index("Xã Ia Băng") :][:400]
    assert "Đã gắn" in iabang

    with schema_context(commune.schema_name):
        from wagtail.models import Site

        from monitoring.models import MonitoringCode

        code = MonitoringCode.for_site(Site.objects.get())
        code.snippet = GOOD
        code.save()
    page = client.get("/admin/mang-luoi-ma-giam-sat/").content.decode()
    assert "Đã gắn" in page[page.index("Xã Giám Sát") :][:400]
