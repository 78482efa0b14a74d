"""What a serving process keeps per site stays small and bounded (issue 19: resident memory
per gunicorn worker after 1,000 sites)."""

import gc
import os
import subprocess
import sys
import weakref
from pathlib import Path

from django_tenants.utils import schema_context

from serving import hosts
from tests.conftest import site_client


def _site_name(tenant) -> str:
    from wagtail.models import Site

    with schema_context(tenant.schema_name):
        return Site.objects.get(is_default_site=True).site_name


def _home(tenant) -> str:
    response = site_client(tenant).get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_host_cache_keeps_the_hosts_used_last_and_serves_a_dropped_one_its_own_site(
    network, cached, monkeypatch
):
    monkeypatch.setattr(hosts, "MAX_HOSTS", 2)
    iabang, habau, dakdoa = network["iabang"], network["habau"], network["dakdoa"]
    for site in (iabang, habau, iabang, dakdoa):  # iabang used again: habau is the oldest
        _home(site)

    kept = {
        site.slug for site in network.values() if site.get_primary_domain().domain in hosts._hosts
    }
    assert kept == {"iabang", "dakdoa"}
    assert len(hosts._sites) == 2

    page = _home(habau)  # looked up again: its visitor gets Hà Bầu, not a neighbour
    assert f"{_site_name(habau)}</" in page
    assert f"{_site_name(iabang)}</" not in page
    assert {s.slug for s in network.values() if s.get_primary_domain().domain in hosts._hosts} == {
        "dakdoa",
        "habau",
    }


def test_no_request_is_kept_alive_by_the_host_cache(network, cached):
    """Wagtail hangs the request that first reads a site setting on the setting; the host
    cache keeps the setting per site, so it must not keep that request (its environ, user and
    session) for as long as the site is remembered."""
    response = site_client(network["iabang"]).get("/")  # a miss: site and branding kept
    assert response.status_code == 200
    request = weakref.ref(response.wsgi_request)
    del response
    gc.collect()

    assert request() is None
    assert len(hosts._sites) == 1


# Imported by what only the admin's downloads, commands or tasks use; ~11 MB resident in every
# gunicorn worker when imported at module level (measured: 138 -> 127 MB after the first page).
NOT_FOR_SERVING = ("openpyxl", "docx", "holidays", "elasticsearch")


def test_a_serving_process_does_not_import_what_only_downloads_and_tasks_use():
    """A fresh process as gunicorn's worker starts one: the WSGI application, its middleware
    and both URLconfs (loaded by the first request), and every view module they name."""
    root = Path(__file__).resolve().parents[2]
    script = (
        "import sys\n"
        "from django.core.wsgi import get_wsgi_application\n"
        "get_wsgi_application()\n"
        "from django.urls import get_resolver\n"
        "for urlconf in ('portal.urls_tenants', 'portal.urls_public'):\n"
        "    get_resolver(urlconf).url_patterns\n"
        f"print(sorted(m for m in {NOT_FOR_SERVING!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{root / 'platform'}"}
    env.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    done = subprocess.run(  # noqa: S603 - our interpreter, our script
        [sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
