"""A site's files are served on its own host only, never on another site's, never while it is
suspended, and a restricted document only through Wagtail's document view (issue 14, #2).

Replays of the attack found on the demo: ``iabang.localhost/media/habau/documents/x.pdf``
returned Hà Bầu's file, a restricted one included.
"""

import pytest
from django.test import override_settings

from tenants import lifecycle
from tenants.models import Tenant
from tests.conftest import site_client
from tests.security.sites import body, make_site, media_url, member_client


@pytest.fixture
def two_sites(db, demo_network):
    return make_site(demo_network, "Xã Ia Tê"), make_site(demo_network, "Xã Ia Kla")


def test_a_site_serves_its_own_public_image_and_rendition(two_sites):
    a, _b = two_sites
    client = site_client(a.tenant)
    for name in (a.original_path, a.rendition_path):
        response = client.get(media_url(a, name))
        assert response.status_code == 200, name
        assert body(response).startswith(b"\x89PNG")
        assert response["Cache-Control"] == "public, max-age=604800"


@pytest.mark.parametrize("kind", ["original_path", "rendition_path", "document_path"])
def test_other_sites_host_cannot_fetch_a_file(two_sites, kind):
    a, b = two_sites
    response = site_client(a.tenant).get(media_url(b, getattr(b, kind)))
    assert response.status_code == 404
    assert b"%PDF" not in body(response) and b"PNG" not in body(response)


def test_other_sites_board_member_cannot_fetch_a_document_file(two_sites):
    a, b = two_sites
    client = member_client(a)
    for url in (media_url(b, b.document_path), media_url(b, b.private_document_path)):
        assert client.get(url).status_code == 404


def test_other_sites_host_cannot_fetch_a_document_by_its_id(two_sites):
    """Both sites have a document 2; B's URL names B's file, which A's document 2 is not."""
    a, b = two_sites
    assert b.private_document_url != a.private_document_url
    response = site_client(a.tenant).get(b.private_document_url)
    assert response.status_code == 404
    assert b"%PDF" not in body(response)


def test_a_document_file_is_never_served_from_media_even_on_its_own_host(two_sites):
    a, _b = two_sites
    client = site_client(a.tenant)
    for name in (a.document_path, a.private_document_path):
        response = client.get(media_url(a, name))
        assert response.status_code == 404
        assert b"%PDF" not in body(response)


def test_a_public_document_is_served_by_wagtails_view(two_sites):
    a, _b = two_sites
    response = site_client(a.tenant).get(a.document_url)
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF")


def test_a_restricted_document_asks_an_anonymous_visitor_to_log_in(two_sites):
    a, _b = two_sites
    response = site_client(a.tenant).get(a.private_document_url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"] or "login" in response["Location"]
    member = member_client(a)
    response = member.get(a.private_document_url)
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF")


def test_a_suspended_sites_files_are_not_served_even_on_its_own_host(two_sites):
    a, _b = two_sites
    lifecycle.set_status(a.tenant, Tenant.Status.SUSPENDED)
    client = site_client(a.tenant)
    for url in (media_url(a, a.original_path), media_url(a, a.rendition_path), a.document_url):
        response = client.get(url)
        assert response.status_code == 503, url
        assert b"PNG" not in body(response) and b"%PDF" not in body(response)


def test_an_archived_site_serves_its_public_files_as_it_serves_its_pages(two_sites):
    a, _b = two_sites
    lifecycle.set_status(a.tenant, Tenant.Status.ARCHIVED)
    client = site_client(a.tenant)
    assert client.get(media_url(a, a.rendition_path)).status_code == 200
    assert client.get(a.private_document_url).status_code == 302  # still asks for login


@pytest.mark.parametrize(
    "path",
    [
        "{schema}/../{other}/original_images/x.png",
        "{schema}/original_images/../../{other}/original_images/x.png",
        "{schema}/images/%2e%2e/%2e%2e/{other}/images/x.png",
        "{schema}//etc/passwd",
        "{schema}/",
        "{schema}/branding/x.png",
    ],
)
def test_path_tricks_do_not_leave_the_sites_public_folders(two_sites, path):
    a, b = two_sites
    response = site_client(a.tenant).get("/media/" + path.format(schema=a.schema, other=b.schema))
    assert response.status_code == 404


def test_nothing_is_written_or_removed_by_refused_requests(two_sites):
    a, b = two_sites
    from django.conf import settings

    root = settings.MEDIA_ROOT
    before = sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())
    client = site_client(a.tenant)
    client.get(media_url(b, b.private_document_path))
    client.post(media_url(b, b.original_path))
    client.delete(media_url(a, a.original_path))
    after = sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())
    assert before == after


@override_settings(SENDFILE_BACKEND="portal.sendfile_nginx", SENDFILE_URL="/_protected_media/")
def test_in_production_nginx_sends_the_bytes_of_the_sites_own_files_only(two_sites):
    from wagtail.utils.sendfile import _get_sendfile

    _get_sendfile.clear()
    try:
        a, b = two_sites
        client = site_client(a.tenant)
        response = client.get(media_url(a, a.rendition_path))
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == f"/_protected_media/{a.schema}/{a.rendition_path}"
        assert response.content == b""
        response = client.get(a.document_url)
        assert response["X-Accel-Redirect"] == f"/_protected_media/{a.schema}/{a.document_path}"
        assert "X-Accel-Redirect" not in client.get(a.private_document_url)
        assert "X-Accel-Redirect" not in client.get(media_url(b, b.rendition_path))
    finally:
        _get_sendfile.clear()


def test_nginx_sends_media_to_the_app_and_serves_files_only_from_an_internal_location():
    from django.conf import settings

    conf = (settings.BASE_DIR / "docker" / "nginx.conf").read_text()
    media = conf.split("location /media/", 1)[1].split("}", 1)[0]
    assert "proxy_pass http://app:8000" in media and "alias" not in media
    internal = conf.split("location /_protected_media/", 1)[1].split("}", 1)[0]
    assert "internal;" in internal and "alias /srv/media/;" in internal
    assert conf.count("alias /srv/media/") == 1
