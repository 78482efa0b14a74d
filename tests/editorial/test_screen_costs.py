"""What the board's screens cost as the site fills up: queries and time of the dashboard with
items awaiting review, and of the ledger and payment list with a year of royalty lines.
Prints the figures (run with -s); the bounds catch a query per row creeping in."""

import time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context

from editorial.models import RoyaltyLine
from tests.editorial.conftest import member, write


def _measure(client, url):
    connection.set_schema_to_public()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - started
    assert response.status_code == 200
    return len(queries), elapsed


def test_dashboard_and_ledger_costs(two_step_site):
    site = two_step_site
    contributor = member(site, "ctv1")
    for n in range(10):
        write(contributor, site, f"Tin chờ duyệt số {n}", urgent="on" if n % 3 == 0 else "")
    with schema_context(site.schema_name):
        RoyaltyLine.objects.bulk_create(
            RoyaltyLine(page_title=f"Tin {n}", kind="tin", amount=100_000, authors="A")
            for n in range(300)
        )
    deputy, chief = member(site, "phoban"), member(site, "truongban")
    dashboard = _measure(deputy, "/admin/")
    ledger = _measure(chief, "/admin/nhuan-but/")
    export = _measure(chief, "/admin/nhuan-but/xuat/")
    print(
        f"\ndashboard, 10 awaiting: {dashboard[0]} queries, {dashboard[1] * 1000:.0f} ms"
        f"\nledger, 300 lines: {ledger[0]} queries, {ledger[1] * 1000:.0f} ms"
        f"\npayment list XLSX, 300 lines: {export[0]} queries, {export[1] * 1000:.0f} ms"
    )
    assert dashboard[0] < 150 and ledger[0] < 60 and export[0] < 30
