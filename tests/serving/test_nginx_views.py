"""Views nginx served from its own cache are counted from its log (docker/nginx.conf,
``count_cached_views``): each line once, robots left out, a line still being written left for
the next run."""

import io

from django.core.management import call_command
from django.utils import timezone
from django_tenants.utils import schema_context

from tests.conftest import site_client

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


def test_views_served_by_nginx_are_counted_once_from_its_log(network, cached, tmp_path):
    from reports import visits

    iabang = network["iabang"]
    host = iabang.get_primary_domain().domain
    page_id = site_client(iabang).get("/tin-tuc/")["X-Page-Id"]
    log = tmp_path / "cached_views.log"
    log.write_text(
        f'{host} {page_id} "{BROWSER}"\n' * 3
        + f'{host} {page_id} "Googlebot/2.1"\n'
        + f'{host} {page_id} "{BROWSER}"'  # still being written
    )
    key = f"visits:page:{timezone.localdate().isoformat()}:{page_id}"
    with schema_context(iabang.schema_name):
        before = visits.cache.get(key) or 0
    call_command("count_cached_views", log=str(log), stdout=io.StringIO())
    call_command("count_cached_views", log=str(log), stdout=io.StringIO())  # nothing new
    with schema_context(iabang.schema_name):
        assert (visits.cache.get(key) or 0) == before + 3


def test_a_long_log_is_emptied_once_counted_and_nginx_goes_on_appending(network, cached, tmp_path):
    from reports import visits

    iabang = network["iabang"]
    host = iabang.get_primary_domain().domain
    page_id = site_client(iabang).get("/tin-tuc/")["X-Page-Id"]
    log = tmp_path / "cached_views.log"
    log.write_text(f'{host} {page_id} "{BROWSER}"\n' * 4)
    key = f"visits:page:{timezone.localdate().isoformat()}:{page_id}"
    with schema_context(iabang.schema_name):
        before = visits.cache.get(key) or 0
    call_command("count_cached_views", log=str(log), empty_above=100, stdout=io.StringIO())
    assert log.stat().st_size == 0
    with log.open("a") as nginx:  # nginx's next line lands at the new end
        nginx.write(f'{host} {page_id} "{BROWSER}"\n')
    call_command("count_cached_views", log=str(log), empty_above=100, stdout=io.StringIO())
    with schema_context(iabang.schema_name):
        assert (visits.cache.get(key) or 0) == before + 5
