"""The console's background-task screens (issue 21): failed tasks with their error and an
import's progress. Tracebacks name sites and data, so only the parent portal's network
administrators see them: not a site's board, not an anonymous visitor, not another portal."""

import pytest
from django_tasks_db.models import DBTaskResult
from django_tenants.utils import schema_context

from editorial.roles import NETWORK_ADMINS
from tenants.models import Tenant
from tests.conftest import site_client
from tests.factories import PASSWORD as BOARD_PASSWORD
from tests.factories import board, commune
from tests.tasks import sample
from tests.tasks.conftest import DB_BACKEND, run_worker
from tests.tenants.test_console import CONSOLE, PASSWORD, _login, _user

TASKS = CONSOLE + "tac-vu/"


@pytest.fixture
def network(db, demo_network, settings):
    settings.TASKS = DB_BACKEND  # the real queue and worker
    sample.FAIL_TIMES["n"] = 99
    with schema_context(demo_network["iabang"].schema_name):
        sample.fails_a_few_times.enqueue()
    run_worker()
    return {slug: Tenant.objects.get(pk=t.pk) for slug, t in demo_network.items()}


def test_a_network_admin_sees_the_networks_failing_tasks(network):
    admin = _login(network["dakdoa"], _user(network["dakdoa"], "mangluoi", NETWORK_ADMINS))
    html = admin.get(TASKS).content.decode()
    assert "Máy chủ thư không trả lời" in html and network["iabang"].name in html


def test_an_anonymous_visitor_is_sent_to_the_login(network):
    response = site_client(network["dakdoa"]).get(TASKS)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_sites_board_gets_nothing(network):
    site = commune(network["dakdoa"], "Xã Ban Biên Tập")
    board(site)
    for username in ("truongban", "quantri"):
        client = _login(site, username, BOARD_PASSWORD)
        response = client.get(TASKS)
        assert response.status_code != 200
        assert "Máy chủ thư" not in response.content.decode()
    response = _login(network["iabang"], "admin", PASSWORD).get(TASKS)  # a member's superuser
    assert response.status_code != 200 and "Máy chủ thư" not in response.content.decode()


def test_an_editor_of_the_parent_gets_nothing(network):
    editor = _login(network["dakdoa"], _user(network["dakdoa"], "bientap", "Biên tập viên"))
    response = editor.get(TASKS)
    assert response.status_code != 200 and "Máy chủ thư" not in response.content.decode()


def test_an_import_is_seen_only_from_the_portal_that_started_it(network):
    from tenants.tasks import import_sites

    with schema_context(network["dakdoa"].schema_name):
        result = import_sites.enqueue("ten_don_vi\nXã Ia Khai\n", network["dakdoa"].pk, 2, "x", 80)
    url = f"{CONSOLE}nhap-csv/{result.id}/"
    admin = _login(network["dakdoa"], _user(network["dakdoa"], "mangluoi", NETWORK_ADMINS))
    assert admin.get(url).status_code == 200
    assert site_client(network["dakdoa"]).get(url).status_code == 302  # to the login
    other = _login(network["iabang"], "admin", PASSWORD)  # a member's own superuser
    assert other.get(url).status_code != 200
    assert not DBTaskResult.objects.filter(pk=result.id, status="SUCCESSFUL").exists()
