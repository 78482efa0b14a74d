"""Counting page views without writing to the database on the request path (issue 9, part 1).

A page view increments counters in the ``visits`` cache alias, which is tenant-aware (its keys carry
the schema name), so each site's counters are its own: one for the site and day, one per page
and day. ``flush_visits`` moves them into ``DailyVisit`` and ``PageVisit`` in the public
schema: the worker runs it every five minutes (``reports.tasks.flush_visits_task``, scheduled
in ``tasks.periodic``), so the counters live in a cache the worker shares with the web
processes: Redis, or without ``REDIS_URL`` a file cache under ``var/`` (settings).

Pages a process has never seen are found again at flush time through numbered slots: the first
view of a page on a day takes the next slot number (an atomic ``incr``) and stores its page id
there, so the flush reads slots 1…n instead of listing keys, which the cache API cannot do.

Nothing about the visitor is stored: no address, no agent, no cookie. Bots are recognised by
their user agent and not counted.
"""

import re
from datetime import date, timedelta

from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context

BOT_AGENTS = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetch|scan|monitor|preview|curl|wget|httpclient"
    r"|python-|java/|go-http|okhttp|headless|lighthouse|facebookexternalhit|zalo.*link",
    re.IGNORECASE,
)
KEY_TTL = 3 * 24 * 3600  # counters outlive a missed flush or two
DAYS_KEPT = 3  # the flush looks at today and the two days before
FOOTER_CACHE_SECONDS = 300


class _Counters:
    """The ``visits`` cache alias (tenant-aware keys, no culling), looked up at each use."""

    def __getattr__(self, name):
        return getattr(caches["visits"], name)


cache = _Counters()


def is_bot(user_agent: str) -> bool:
    """No agent at all, or one that names itself a robot, a fetcher or a script."""
    return not user_agent or BOT_AGENTS.search(user_agent) is not None


def _increment(key: str) -> int:
    try:
        return cache.incr(key)
    except ValueError:  # the first view of the day
        if cache.add(key, 1, KEY_TTL):
            return 1
        return cache.incr(key)


def _keys(day: date) -> dict[str, str]:
    d = day.isoformat()
    return {
        "site": f"visits:site:{d}",
        "slots": f"visits:slots:{d}",
        "slot": f"visits:slot:{d}:",
        "seen": f"visits:seen:{d}:",
        "page": f"visits:page:{d}:",
    }


def record_view(request, page) -> None:
    """Count one view of ``page`` on the current site: two cache increments, no query."""
    if request.method != "GET" or is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return
    keys = _keys(timezone.localdate())
    _increment(keys["site"])
    if cache.add(f"{keys['seen']}{page.pk}", 1, KEY_TTL):
        slot = _increment(keys["slots"])
        cache.set(f"{keys['slot']}{slot}", page.pk, KEY_TTL)
    _increment(f"{keys['page']}{page.pk}")


def _read_site(day: date) -> tuple[int, list[tuple[int, int]]]:
    """The pending counts of the current schema for ``day``: site total and (page, views)."""
    keys = _keys(day)
    total = cache.get(keys["site"]) or 0
    slots = cache.get(keys["slots"]) or 0
    pages = []
    if slots:
        slot_keys = [f"{keys['slot']}{n}" for n in range(1, slots + 1)]
        page_ids = [pk for pk in cache.get_many(slot_keys).values() if pk]
        counts = cache.get_many([f"{keys['page']}{pk}" for pk in page_ids])
        for pk in page_ids:
            views = counts.get(f"{keys['page']}{pk}") or 0
            if views:
                pages.append((pk, views))
    return total, pages


def _subtract(day: date, total: int, pages: list[tuple[int, int]]) -> None:
    """Take what was stored off the counters; views counted meanwhile stay for next time."""
    keys = _keys(day)
    if total:
        cache.decr(keys["site"], total)
    for pk, views in pages:
        cache.decr(f"{keys['page']}{pk}", views)


def flush_visits(tenants=None) -> int:
    """Move every site's pending counters into the public tables; return the views moved.

    The rows are written (added to what is there) in one transaction, then subtracted from the
    cache: a crash between the two counts a few views twice rather than losing them.
    """
    from reports.network.models import DailyVisit, PageVisit
    from tenants.models import Tenant

    if tenants is None:
        tenants = Tenant.objects.exclude(schema_name=get_public_schema_name())
    today = timezone.localdate()
    days = [today - timedelta(days=n) for n in range(DAYS_KEPT)]
    pending = []  # (tenant, day, total, pages)
    for tenant in tenants:
        with schema_context(tenant.schema_name):
            for day in days:
                total, pages = _read_site(day)
                if total or pages:
                    pending.append((tenant, day, total, pages))
    if not pending:
        return 0
    site_rows = [(t.pk, day, total) for t, day, total, _ in pending if total]
    page_rows = [(t.pk, day, pk, views) for t, day, _, pages in pending for pk, views in pages]
    with (
        schema_context(get_public_schema_name()),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        _upsert(cursor, DailyVisit._meta.db_table, ("tenant_id", "day"), site_rows)
        _upsert(cursor, PageVisit._meta.db_table, ("tenant_id", "day", "page_id"), page_rows)
    for tenant, day, total, pages in pending:
        with schema_context(tenant.schema_name):
            _subtract(day, total, pages)
    return sum(total for _, _, total in site_rows)


def _upsert(cursor, table: str, key: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    columns = (*key, "views")
    placeholders = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(rows))
    cursor.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES {placeholders}"  # noqa: S608
        f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET views = {table}.views + EXCLUDED.views",
        [value for row in rows for value in row],
    )


def visits_between(tenant, start: date, end: date) -> int:
    from reports.network.models import DailyVisit

    return (
        DailyVisit.objects.filter(tenant=tenant, day__gte=start, day__lte=end).aggregate(
            total=Sum("views")
        )["total"]
        or 0
    )


def starting_total(site) -> int:
    """The figure the site brought from its old platform (0 if none), read in its schema."""
    from reports.models import VisitSettings

    if site is None:
        return 0
    rows = VisitSettings.objects.filter(site=site).values_list("starting_total", flat=True)
    return rows.first() or 0


def cumulative_visits(tenant, site, until: date | None = None) -> int:
    """All views up to ``until`` (inclusive; all so far if None), plus the starting figure."""
    from reports.network.models import DailyVisit

    rows = DailyVisit.objects.filter(tenant=tenant)
    if until:
        rows = rows.filter(day__lte=until)
    return starting_total(site) + (rows.aggregate(total=Sum("views"))["total"] or 0)


FOOTER_KEY = "visits:footer"


def footer_counter(request) -> int | None:
    """The public counter's figure, or None when the site does not show it.

    Kept in the cache for five minutes per site (and dropped when the settings change), so a
    page view reads neither the settings nor the counters from the database.
    """
    from wagtail.models import Site

    from reports.models import VisitSettings

    def compute():
        site = Site.find_for_request(request)
        shown = VisitSettings.objects.filter(site=site, show_counter=True).exists()
        return (cumulative_visits(request.tenant, site),) if shown else (None,)

    return cache.get_or_set(FOOTER_KEY, compute, FOOTER_CACHE_SECONDS)[0]


def forget_footer_counter(**kwargs) -> None:
    """Connected to the settings' post_save: the change shows on the next page view."""
    cache.delete(FOOTER_KEY)
