"""The console's backup download (issue 21): an archive holds a whole site, password hashes and
citizens' contact data included, so only the parent portal's network administrators get it,
and only for their own members."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings

from editorial.roles import NETWORK_ADMINS
from tenants.models import Tenant
from tenants.services import create_site
from tests.conftest import site_client
from tests.tenants.test_console import CONSOLE, PASSWORD, _login, _user

SECRET = b"toan bo trang iabang"


@pytest.fixture
def network(db, demo_network):
    folder = Path(settings.PORTAL_BACKUP_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "iabang-20261130T010000000000Z.tar").write_bytes(b"older")
    (folder / "iabang-20261130T020000000000Z.tar").write_bytes(SECRET)
    # another network's site whose slug starts the same way, backed up later
    (folder / "iabang-moi-20261130T030000000000Z.tar").write_bytes(b"another site")
    yield {slug: Tenant.objects.get(pk=t.pk) for slug, t in demo_network.items()}
    shutil.rmtree(folder, ignore_errors=True)


def _url(network):
    return f"{CONSOLE}{network['iabang'].pk}/sao-luu/"


def test_a_network_admin_downloads_the_newest_archive_of_a_member(network):
    client = _login(network["dakdoa"], _user(network["dakdoa"], "mangluoi", NETWORK_ADMINS))
    detail = client.get(f"{CONSOLE}{network['iabang'].pk}/").content.decode()
    assert "iabang-20261130T020000000000Z.tar" in detail
    response = client.get(_url(network))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SECRET
    assert "iabang-20261130T020000000000Z.tar" in response["Content-Disposition"]
    assert "iabang-moi" not in detail
    # who took a copy of the whole site is in the parent portal's audit log
    from django_tenants.utils import schema_context
    from wagtail.models import ModelLogEntry

    with schema_context(network["dakdoa"].schema_name):
        entry = ModelLogEntry.objects.get(action="portal.backup_download")
    assert entry.user.username == "mangluoi"
    assert entry.data["archive"] == "iabang-20261130T020000000000Z.tar"


def test_an_anonymous_visitor_cannot_download_a_backup(network):
    response = site_client(network["dakdoa"]).get(_url(network))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_editor_of_the_parent_cannot_download_a_backup(network):
    editor = _login(network["dakdoa"], _user(network["dakdoa"], "bientap", "Biên tập viên"))
    response = editor.get(_url(network))
    assert response.status_code != 200 and SECRET not in response.content


def test_a_members_own_superuser_cannot_download_through_its_own_admin(network):
    commune_admin = _login(network["iabang"], "admin", PASSWORD)
    response = commune_admin.get(_url(network))
    assert response.status_code != 200 and SECRET not in response.content


def test_another_networks_admin_cannot_download_this_networks_backup(network):
    other = create_site(
        name="Tỉnh Kon Tum", slug="kontum", kind="province", domain="kontum.localhost"
    ).tenant
    client = _login(other, _user(other, "mangluoi", NETWORK_ADMINS))
    assert client.get(_url(network)).status_code == 404
