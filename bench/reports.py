"""Report figures: the board report of a site with 5,000 items, the network report over 170
member sites, the flush of 170 sites' counters, and the visit counter's cost per page view.

Run:  .venv/bin/python bench/reports.py [--sites 170] [--items 5000] [--keep]

Works on a scratch database (``bench_reports``) of the embedded server, or of the server in
DATABASE_URL, dropped at the end unless --keep. Sites are made by ``create_site``, as always.
"""

import argparse
import statistics
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from scratch import recreate_database, use_scratch_database

SCRATCH = "bench_reports"


def timings(function, repeat: int) -> list[float]:
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        durations.append(time.perf_counter() - started)
    return durations


def fill_site(count: int) -> None:
    """``count`` live items over the last year, spread over 20 units, in the current schema."""
    from wagtail.models import Site
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from content.models import ContributingUnit, NewsPage
    from content.skeleton import find_section

    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    units = [
        ContributingUnit.objects.create(name=f"Đơn vị {n}", group="board" if n < 12 else "outside")
        for n in range(20)
    ]
    section = find_section(Site.objects.get().root_page, "news")
    start = datetime(2025, 1, 1, 7, tzinfo=zone)
    with disable_reference_index_auto_update():
        for n in range(count):
            published = start + timedelta(hours=n * 364 * 24 // count)  # all within 2025
            section.add_child(
                instance=NewsPage(
                    title=f"Tin thử {n}",
                    slug=f"tin-thu-{n}",
                    kind=NewsPage.Kind.values[n % 6],
                    contributing_unit=units[n % 20],
                    event_date=(published - timedelta(days=n % 5)).date(),
                    live=True,
                    first_published_at=published,
                    last_published_at=published,
                )
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=170)
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument(
        "--reuse", action="store_true", help="time the network a --keep run left behind"
    )
    args = parser.parse_args()

    use_scratch_database(SCRATCH)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import RequestFactory
    from django_tenants.utils import tenant_context
    from wagtail.models import Site

    from content.models import NewsPage
    from reports import exports, periods, visits
    from reports.board import build_board_report, published_items
    from reports.network_figures import network_report
    from tenants.models import Tenant
    from tenants.services import create_site

    if args.reuse:
        members = list(Tenant.objects.filter(parent__slug="gialai").order_by("slug"))
    else:
        recreate_database(SCRATCH)
        call_command("migrate", verbosity=0)
        parent = create_site(
            name="Tỉnh Gia Lai", slug="gialai", kind="province", domain="gialai.bench.localhost"
        ).tenant
        started = time.perf_counter()
        members = [
            create_site(
                name=f"Xã Báo Cáo {n}", slug=f"xa{n:04d}", kind="commune", parent=parent
            ).tenant
            for n in range(1, args.sites + 1)
        ]
        print(f"created {args.sites} member sites in {time.perf_counter() - started:.0f} s")

    big = members[0]
    year = periods.whole_year(2025)
    with tenant_context(big):
        if not args.reuse:
            started = time.perf_counter()
            fill_site(args.items)
            seconds = time.perf_counter() - started
            print(f"created {args.items} items in one site in {seconds:.0f} s")
        items = NewsPage.objects.live().count()
        in_year = published_items(year.start, year.end).count()
        site = Site.objects.get()
        board = timings(lambda: build_board_report(big, year, site), 5)
        report = build_board_report(big, year, site)
        assert report.grand_total == in_year, (report.grand_total, in_year)
        xlsx = timings(lambda: exports.board_report_xlsx(report), 3)
        docx = timings(lambda: exports.board_report_docx(report), 3)
    print(
        f"board report, {items} items ({in_year} in the year):"
        f"  median {statistics.median(board):.3f} s  max {max(board):.3f} s"
    )
    print(f"  XLSX {statistics.median(xlsx):.3f} s, DOCX {statistics.median(docx):.3f} s")

    network = timings(lambda: network_report(members, year, "nd224-2026"), 5)
    rows = network_report(members, year, "nd224-2026")
    assert sum(r.items for r in rows) == in_year
    print(
        f"network report, {len(members)} sites:        median {statistics.median(network):.3f} s"
        f"  max {max(network):.3f} s"
    )

    # The counter: what a page view pays (two or three cache operations), with this cache.
    request = RequestFactory(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux) Firefox/130.0").get("/")
    backend = settings.CACHES["visits"]["BACKEND"].rsplit(".", 1)[-1]
    with tenant_context(big):
        page = Site.objects.get().root_page
        visits.record_view(request, page)
        per_view = timings(lambda: visits.record_view(request, page), 20_000)
    per_view_us = sorted(v * 1e6 for v in per_view)
    print(
        f"visit counter per page view ({backend}):  median {statistics.median(per_view_us):.1f} µs"
        f"  p99 {per_view_us[int(len(per_view_us) * 0.99)]:.1f} µs"
    )
    for member in members[1:]:
        with tenant_context(member):
            visits.record_view(request, page)
    started = time.perf_counter()
    moved = visits.flush_visits()
    assert moved == len(per_view) + len(members), moved  # every view, none culled
    print(f"flush of {len(members)} sites' counters:     {time.perf_counter() - started:.3f} s"
          f" ({moved} views)")  # fmt: skip

    if not args.keep:
        recreate_database(SCRATCH, drop_only=True)


if __name__ == "__main__":
    main()
