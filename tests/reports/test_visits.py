"""Visits: counted in the cache, flushed exactly, bots left out, nothing personal stored."""

from datetime import timedelta

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Site

from content.skeleton import find_section
from reports.network.models import DailyVisit, PageVisit
from reports.visits import flush_visits, is_bot
from tests.conftest import site_client
from tests.reports.conftest import admin_client

BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0)",
    "curl/8.5.0",
    "python-requests/2.32",
    "",
]


def _visit(tenant, path, agent=BROWSER, times=1, address="203.113.7.9"):
    client = site_client(tenant, HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
    for _ in range(times):
        assert client.get(path).status_code == 200


def test_views_are_buffered_then_flushed_exactly_per_site_day_and_page(commune):
    with schema_context(commune.schema_name):
        home = Site.objects.get().root_page
        news = find_section(home, "news")
    _visit(commune, "/", times=3)
    _visit(commune, f"/{news.slug}/", times=2)
    assert not DailyVisit.objects.filter(tenant=commune).exists()  # nothing written yet

    assert flush_visits() >= 5
    today = timezone.localdate()
    assert DailyVisit.objects.get(tenant=commune, day=today).views == 5
    pages = dict(PageVisit.objects.filter(tenant=commune).values_list("page_id", "views"))
    assert pages == {home.pk: 3, news.pk: 2}

    flush_visits()  # a second flush adds nothing: the counters were taken off the cache
    assert DailyVisit.objects.get(tenant=commune, day=today).views == 5
    _visit(commune, "/", times=2)
    call_command("flush_visits", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert DailyVisit.objects.get(tenant=commune, day=today).views == 7
    assert PageVisit.objects.get(tenant=commune, page_id=home.pk).views == 5


def test_a_page_view_writes_nothing_to_the_database(commune):
    client = site_client(commune, HTTP_USER_AGENT=BROWSER)
    client.get("/")  # warm caches (site root paths, settings)
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]
    assert writes == []
    assert not [q for q in queries if "reports_" in q["sql"]]  # the counter costs no query


def test_bots_are_not_counted(commune):
    for agent in BOTS:
        _visit(commune, "/", agent=agent)
    _visit(commune, "/", times=1)
    flush_visits()
    assert DailyVisit.objects.get(tenant=commune).views == 1
    assert all(is_bot(agent) for agent in BOTS)
    assert not is_bot(BROWSER)


def test_no_address_or_agent_is_stored(commune):
    _visit(commune, "/", address="198.51.100.77")
    flush_visits()
    for model in (DailyVisit, PageVisit):
        assert {f.column for f in model._meta.fields} <= {
            "id",
            "tenant_id",
            "day",
            "page_id",
            "views",
        }
    with connection.cursor() as cursor:
        cursor.execute("SELECT row_to_json(v)::text FROM reports_network_dailyvisit v")
        stored = " ".join(row[0] for row in cursor.fetchall())
    assert "198.51.100.77" not in stored and "Mozilla" not in stored


def test_cumulative_total_includes_the_starting_figure_and_the_footer_counter(commune):
    from reports.models import VisitSettings

    with schema_context(commune.schema_name):
        site = Site.objects.get()
        settings = VisitSettings.for_site(site)
        settings.starting_total = 96_811
        settings.save()
    DailyVisit.objects.create(
        tenant=commune, day=timezone.localdate() - timedelta(days=40), views=9
    )
    page = site_client(commune, HTTP_USER_AGENT=BROWSER).get("/").content.decode()
    assert "visit-counter" not in page  # off until the board turns it on

    with schema_context(commune.schema_name):
        settings.show_counter = True
        settings.save()
    page = site_client(commune, HTTP_USER_AGENT=BROWSER).get("/").content.decode()
    assert "96.820" in page or "96,820" in page or "96820" in page

    client = admin_client(commune)
    report = client.get("/admin/bao-cao/", {"ky": "nam", "nam": timezone.localdate().year})
    html = report.content.decode()
    assert 'id="visits-cumulative">96820<' in html
