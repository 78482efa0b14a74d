"""Load test of the production path (issue 21, part 3): nginx → gunicorn → PostgreSQL, Redis.

    .venv/bin/python bench/load.py [--users 100] [--minutes 5] [--sites 50] [--workers 4]
                                   [--admin-workers 2] [--diagnose]

Everything runs on the loopback and is started here: a scratch network on the embedded
PostgreSQL (the demo network of ``seed_demo``, plus communes up to ``--sites``, each with a few
news items), Redis (Debian's ``redis-server``, installed with apt if missing) as Django's cache
(REDIS_URL), ``gunicorn portal.wsgi`` with the production settings in two pools as in
docker/compose.yaml (citizens' ``--workers``, editors' ``--admin-workers``; 0 puts the editors
in the citizens' pool), Debian's nginx configured as docker/nginx.conf is (``bench/serve.py``'s
helpers, which route /admin/ to the editors' pool), and the task worker (``manage.py
db_worker``: search outbox, cached-view counts, periodic jobs). Locust (``bench/
requirements-load.txt``, in its own environment var/bench-venv: it brings gevent and Flask,
which the application does not need) then plays ``bench/load_locust.py``: citizens reading
home pages, sections, news, document lists and documents, searching and asking questions
(real form posts, CSRF and the form's start-time guard included), while boards publish news
through the Wagtail admin's page form (a real editor's login and post, not a shortcut).

Printed at the end: requests and errors, p50/p95/p99 per request class, resident memory of
every process at start (after a warm-up: each gunicorn worker has served every site, the
task worker has been up 20 s and run its first periodic jobs) and end with
growth, the CPU each group of processes used during the run beside what the rest of the
machine took (on a shared machine, others' work competes for the same cores), and how fast
every item published during the run showed on its site's home page as an anonymous visitor
sees it (through nginx's and Django's caches). Goals: 0 errors, p95 ≤ 200 ms, memory growth
≤ 10 %. ``--citizens-nice``, ``--worker-nice`` and ``--admin-threads`` are there to try those
(issue 21: none is a default; see the README). ``--diagnose`` times each editors' request
inside its worker (``bench/gunicorn_diagnose.py``) and prints that beside Locust's figures:
the worker's own time apart from a wait for a free worker. Everything started is stopped and
the scratch database dropped on exit, Ctrl-C included (``--keep`` keeps the database,
``--reuse`` starts from it).

The question form's per-address limit: citizens each send their own address in
X-Forwarded-For, as a TLS terminator in front of nginx would, and the app runs with
PORTAL_BEHIND_PROXY=2, so the limit counts per citizen, not for the whole loopback.
"""

import argparse
import csv
import http.cookiejar
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from board_forms import add_news_path, csrf_token, login_form, news_form
from scratch import (
    ROOT,
    build_demo_network,
    percentile,
    recreate_database,
    use_scratch_database,
)
from serve import (
    REFRESH_SECRET,
    collect_static,
    database_url,
    fetch,
    load,
    production_env,
    say,
    start_gunicorn,
    start_nginx,
    start_redis,
    stop,
    wait_for,
)

SCRATCH = "bench_load"
# Processes that grow as the pages' caches fill, up to a limit of their configuration; the goal
# of ≤ 10 % growth (no leak) is the app's processes'.
BOUNDED = {
    "redis": "maxmemory 256 MB, LRU, as docker/compose.yaml runs it",
    "nginx worker": "the page cache's index, keys_zone 32 MB, docker/nginx.conf",
}
BENCH_VENV = ROOT / "var" / "bench-venv"
EDITOR_PASSWORD = "Thu-tai-2026-bench"
NEWS_PER_NEW_SITE = 4
CITIZENS = {"home", "section", "news", "documents list", "document", "search", "question form"}
CITIZENS |= {"question post"}  # the p95 ≤ 200 ms goal is theirs
CLASSES = [  # request classes in print order (Locust's names, load_locust.py)
    "home",
    "section",
    "news",
    "documents list",
    "document",
    "search",
    "question form",
    "question post",
    "admin login form",
    "admin login",
    "admin add form",
    "admin publish",
    "home (poll after publish)",
]


def as_root(*command: str) -> None:
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*prefix, *command], check=True, stdout=subprocess.DEVNULL)


def ensure_tools() -> Path:
    """nginx and redis-server from Debian, Locust in its own environment; Locust's path."""
    missing = [name for name in ("nginx", "redis-server") if shutil.which(name) is None]
    if missing:
        say(f"installing {', '.join(missing)} with apt")
        packages = ["nginx" if name == "nginx" else "redis-server" for name in missing]
        as_root("apt-get", "update", "-qq")
        as_root("apt-get", "install", "-y", "-qq", *packages)
    locust = BENCH_VENV / "bin" / "locust"
    if not locust.exists():
        say("installing Locust into var/bench-venv (bench/requirements-load.txt)")
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        subprocess.run(
            [str(BENCH_VENV / "bin" / "pip"), "install", "-q", "-r",
             str(ROOT / "bench" / "requirements-load.txt")],
            check=True,
        )  # fmt: skip
    return locust


# ------------------------------------------------------------------ the scratch network


def build_network(sites: int, editors: int) -> None:

    from tenants.models import Tenant
    from tenants.services import create_site

    say(f"demo network built in {build_demo_network(SCRATCH):.0f} s")
    parent = Tenant.objects.get(slug="dakdoa")
    extra = max(0, sites - Tenant.objects.exclude(schema_name="public").count())
    started = time.monotonic()
    for number in range(1, extra + 1):
        tenant = create_site(
            name=f"Xã Thử Tải {number}", slug=f"thutai{number:04d}", kind="commune", parent=parent
        ).tenant
        _seed_news(tenant, number)
    if extra:
        say(f"{extra} more communes with {NEWS_PER_NEW_SITE} news each in "
            f"{time.monotonic() - started:.0f} s")  # fmt: skip
    _make_editors(editors)


def _seed_news(tenant, number: int) -> None:
    from django_tenants.utils import schema_context
    from wagtail.models import Page

    from content.models import NewsPage

    with schema_context(tenant.schema_name):
        section = Page.objects.get(slug="tin-tuc")
        for item in range(1, NEWS_PER_NEW_SITE + 1):
            page = NewsPage(
                title=f"Tin số {item} của xã Thử Tải {number}",
                slug=f"tin-so-{item}",
                lead="Tin có sẵn trước khi thử tải.",
            )
            section.add_child(instance=page)
            page.save_revision().publish()


def _sites_in_order():
    from tenants.models import Tenant

    return list(Tenant.objects.exclude(schema_name="public").order_by("pk"))


def _make_editors(count: int) -> None:
    """A chief editor (Trưởng ban) with a known password in the first ``count`` communes."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django_tenants.utils import schema_context

    from editorial.roles import CHIEF

    communes = [t for t in _sites_in_order() if not t.is_parent_portal][:count]
    for tenant in communes:
        with schema_context(tenant.schema_name):
            user, _ = get_user_model().objects.get_or_create(username="thutai")
            user.set_password(EDITOR_PASSWORD)
            user.email = "thutai@example.gov.vn"
            user.save()
            user.groups.add(Group.objects.get(name=CHIEF.group_name))


def inventory(sites: int, editors: int) -> dict:
    """What the citizens read on each site, and the editors' logins."""
    from django_tenants.utils import schema_context
    from wagtail.models import Page

    from content.models import DocumentPage, NewsPage, QuestionIndexPage, SectionPage

    def urls(queryset, limit=10):
        return [page.url for page in queryset.order_by("-first_published_at")[:limit]]

    chosen, editor_rows = [], []
    for tenant in _sites_in_order()[:sites]:
        with schema_context(tenant.schema_name):
            host = tenant.domains.get(is_primary=True).domain
            sections = [p.url for p in SectionPage.objects.live().filter(depth=3)] or ["/"]
            documents_list = Page.objects.live().filter(slug="van-ban").first()
            questions = QuestionIndexPage.objects.live().first()
            chosen.append(
                {
                    "host": host,
                    "sections": sections,
                    "news": urls(NewsPage.objects.live()),
                    "documents_list": documents_list.url if documents_list else "",
                    "documents": urls(DocumentPage.objects.live()),
                    "questions": questions.url if questions else "",
                }
            )
            news_section = Page.objects.filter(slug="tin-tuc").first()
            from django.contrib.auth import get_user_model

            if news_section and get_user_model().objects.filter(username="thutai").exists():
                editor_rows.append(
                    {
                        "host": host,
                        "username": "thutai",
                        "password": EDITOR_PASSWORD,
                        "news_section_id": news_section.pk,
                    }
                )
    return {"sites": chosen, "editors": editor_rows[:editors]}


# ------------------------------------------------------------------ processes and memory


def start_worker(env: dict[str, str], folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker"],
        cwd=ROOT,
        env=env,
        stdout=open(folder / "worker.log", "w"),  # noqa: SIM115 - closed with the process
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def processes(named: dict[str, subprocess.Popen]) -> list[tuple[str, int]]:
    """(role, pid) of every process measured: each started one, its children, and the
    scratch database's backends."""
    import psutil
    from django.db import connection

    found = []
    for role, process in named.items():
        if process is None or process.poll() is not None:
            continue
        parent = psutil.Process(process.pid)
        found.append((f"{role} (master)" if parent.children() else role, process.pid))
        for child in parent.children(recursive=True):
            title = " ".join(child.cmdline())  # nginx names its processes ("nginx: worker…")
            kind = title.split(":", 1)[1].strip() if title.startswith("nginx:") else "worker"
            found.append((f"{role} {kind.removesuffix(' process')}", child.pid))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [SCRATCH],
        )
        found += [("postgres backend", pid) for (pid,) in cursor.fetchall()]
    return found


def memory(found: list[tuple[str, int]]) -> dict[int, tuple[str, float, float]]:
    """pid → (role, RSS MB, private MB). RSS of a PostgreSQL backend counts the shared
    buffers it has touched; the private (USS) figure does not."""
    import psutil

    sizes = {}
    for role, pid in found:
        try:
            info = psutil.Process(pid).memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        sizes[pid] = (role, info.rss / 2**20, info.uss / 2**20)
    return sizes


def cpu_seconds(found: list[tuple[str, int]]) -> dict[str, float]:
    """CPU time (user + system) used so far by each group of processes (role without its
    master/worker suffix); PostgreSQL's as its whole server's (backends come and go: the
    postmaster counts those it has reaped); the whole machine's busy time as "machine"."""
    import psutil

    totals: dict[str, float] = {}
    for role, pid in found:
        try:
            process = psutil.Process(pid)
            if role == "postgres backend":
                if "postgres server" not in totals:
                    server = psutil.Process(process.ppid())
                    times = server.cpu_times()
                    reaped = times.children_user + times.children_system
                    live = sum(_cpu(child) for child in server.children())
                    totals["postgres server"] = _cpu(server) + reaped + live
                continue
            used = _cpu(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        group = role.removesuffix(" (master)").removesuffix(" worker")
        group = group.split(" master")[0] if group.startswith("nginx") else group
        totals[group] = totals.get(group, 0.0) + used
    machine = psutil.cpu_times()
    totals["machine"] = sum(machine) - machine.idle - getattr(machine, "iowait", 0.0)
    return totals


def _cpu(process) -> float:
    try:
        times = process.cpu_times()
    except Exception:  # a backend that ended meanwhile
        return 0.0
    return times.user + times.system


def print_cpu(before: dict[str, float], after: dict[str, float], seconds: float) -> None:
    """Where the cores went during the run: each group of ours, and what the rest of the
    machine (other work on a shared machine) took beside them."""
    cores = os.cpu_count() or 1
    machine = after.pop("machine") - before.get("machine", 0.0)
    say(f"\nCPU during the run ({seconds:.0f} s; {cores} cores = {cores * seconds:.0f} CPU-s):")
    ours = 0.0
    for group in sorted(after, key=lambda g: -(after[g] - before.get(g, 0.0))):
        used = after[group] - before.get(group, 0.0)
        ours += used
        say(f"  {group:24s} {used:8.1f} CPU-s  {100 * used / seconds:5.1f}% of one core")
    say(f"  {'(all of the above)':24s} {ours:8.1f} CPU-s  {100 * ours / seconds:5.1f}% of one core")
    say(f"  {'(the rest of the machine)':24s} {machine - ours:8.1f} CPU-s  "
        f"{100 * (machine - ours) / seconds:5.1f}% of one core")  # fmt: skip


def warm_up(port: int, hosts: list[str], workers: int) -> None:
    """Each site's home page once per worker, most likely: the start figures are those of a
    running server, not of a cold one."""
    for _ in range(workers):
        for host in hosts:
            fetch(port, "/", host)


def warm_up_admin(port: int, editor: dict, workers: int) -> None:
    """The editors' pages (login, the add form and a publish) a few times in every worker at
    once, as on a server that has been running: each worker's first admin page loads Wagtail's
    admin templates (~0.1-0.2 s), its first publish the code of saving and publishing, which
    with a few dozen samples per class would be the p95."""
    from concurrent.futures import ThreadPoolExecutor

    def session() -> None:
        cookies = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        opener = urllib.request.build_opener(cookies, _NoRedirect)
        base, host = f"http://127.0.0.1:{port}", editor["host"]
        headers = {"Host": host, "Origin": f"http://{host}"}

        def post(path: str, form: dict) -> None:
            """Posts ``form``; the admin answers a success with a redirect."""
            data = urllib.parse.urlencode(form).encode()
            try:
                opener.open(urllib.request.Request(base + path, data, headers)).read()
                raise SystemExit(f"warm-up: {path} was refused (no redirect)")
            except urllib.error.HTTPError as redirect:
                if redirect.code != 302:
                    raise

        def token(path: str) -> str:
            with opener.open(urllib.request.Request(base + path, headers=headers)) as response:
                return csrf_token(response.read().decode()) or ""

        post("/admin/login/", login_form(token("/admin/login/"), editor["username"],
                                         editor["password"]))  # fmt: skip
        add = add_news_path(editor["news_section_id"])
        token(add)
        stamp = f"{time.time_ns()}"
        post(add, news_form(token(add), f"Tin khởi động {stamp}", f"tin-khoi-dong-{stamp}",
                            "Tin đăng khi khởi động phép thử tải."))  # fmt: skip

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda _: session(), range(workers * 2)))


def renice(master: subprocess.Popen, niceness: int) -> None:
    """A lower priority for a gunicorn pool: its master and workers (a worker it forks later
    inherits the master's)."""
    import psutil

    parent = psutil.Process(master.pid)
    for process in [parent, *parent.children(recursive=True)]:
        process.nice(niceness)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# ------------------------------------------------------------------ the report


def print_requests(stats_csv: Path, failures_csv: Path) -> None:
    rows = {row["Name"]: row for row in csv.DictReader(stats_csv.open(encoding="utf-8"))}
    total = rows.pop("Aggregated", None)
    say(f"\n{'request class':28s} {'requests':>9s} {'errors':>7s} {'p50':>7s} {'p95':>7s} "
        f"{'p99':>7s}  (ms)")  # fmt: skip
    names = [n for n in CLASSES if n in rows] + sorted(set(rows) - set(CLASSES))
    for name in [*names, "Aggregated"]:
        row = total if name == "Aggregated" else rows[name]
        if row is None:
            continue
        p95 = float(row["95%"]) if row["95%"].replace(".", "").isdigit() else 0.0
        flag = "  > 200 ms" if p95 > 200 and name in CITIZENS else ""
        say(f"{name:28s} {int(row['Request Count']):9d} {int(row['Failure Count']):7d} "
            f"{row['50%']:>7s} {row['95%']:>7s} {row['99%']:>7s}{flag}")  # fmt: skip
    if total is not None:
        say(f"\nrequests {total['Request Count']}, errors {total['Failure Count']} (goal 0), "
            f"{float(total['Requests/s']):.1f} req/s")  # fmt: skip
    if failures_csv.exists():
        for row in list(csv.DictReader(failures_csv.open(encoding="utf-8")))[:10]:
            say(f"  error x{row['Occurrences']}: {row['Name']}: {row['Error'][:160]}")


def print_memory(start: dict, end: dict) -> None:
    say(f"\n{'process':24s} {'pid':>7s} {'RSS start':>10s} {'RSS end':>9s} {'growth':>8s} "
        f"{'private start':>14s} {'private end':>12s}")  # fmt: skip
    worst, bounded = 0.0, []
    for pid in sorted(set(start) | set(end), key=lambda p: ((start.get(p) or end[p])[0], p)):
        role = (start.get(pid) or end.get(pid))[0]
        rss0, uss0 = (start[pid][1], start[pid][2]) if pid in start else (None, None)
        rss1, uss1 = (end[pid][1], end[pid][2]) if pid in end else (None, None)
        growth = ""
        if rss0 and rss1:
            percent = 100 * (rss1 - rss0) / rss0
            if role in BOUNDED:
                bounded.append(f"{role} {rss0:.1f} → {rss1:.1f} MB ({BOUNDED[role]})")
            elif "postgres" not in role:
                worst = max(worst, percent)
            growth = f"{percent:+7.1f}%"
        say(f"{role:24s} {pid:7d} {_mb(rss0):>10s} {_mb(rss1):>9s} {growth:>8s} "
            f"{_mb(uss0):>14s} {_mb(uss1):>12s}"
            + ("" if pid in start else "  (new)") + ("" if pid in end else "  (gone)"))  # fmt: skip
    backends0 = [v for v in start.values() if v[0] == "postgres backend"]
    backends1 = [v for v in end.values() if v[0] == "postgres backend"]
    if backends0 and backends1:
        mean0 = sum(v[2] for v in backends0) / len(backends0)
        mean1 = sum(v[2] for v in backends1) / len(backends1)
        say(f"postgres backends: {len(backends0)} → {len(backends1)}, private memory per "
            f"backend {mean0:.1f} → {mean1:.1f} MB (connections are renewed every minute, "
            f"CONN_MAX_AGE=60, so backends come and go)")  # fmt: skip
    say(f"largest growth of the app's processes (gunicorn, the task worker): {worst:+.1f}% "
        f"(goal ≤ 10 %)")  # fmt: skip
    for line in bounded:
        say(f"a cache filling up to its limit: {line}")


def print_diagnosis(log: Path) -> None:
    """The editors' requests as their workers saw them (``--diagnose``): beside Locust's
    figures, what is the worker's own time and what was a wait for a free worker."""
    rows = [json.loads(line) for line in log.read_text().splitlines() if line]
    names = {("GET", "login"): "admin login form", ("POST", "login"): "admin login",
             ("GET", "add"): "admin add form", ("POST", "add"): "admin publish"}  # fmt: skip
    classes: dict[str, list[dict]] = {}
    for row in rows:
        kind = "login" if row["path"] == "/admin/login/" else (
            "add" if "/pages/add/" in row["path"] else "other")  # fmt: skip
        name = names.get((row["method"], kind), f"admin, other {row['method']}")
        classes.setdefault(name, []).append(row)

    say("\ninside the editors' workers (ms; wall: until the worker was free for the next "
        "request)")  # fmt: skip
    say(
        f"{'request class':24s} {'count':>6s} {'wall p50':>9s} {'p95':>6s} {'max':>6s} "
        f"{'app p95':>8s} {'CPU p95':>8s} {'DB p95':>7s} {'queries':>8s} {'GC max':>7s}"
    )
    for name, found in sorted(classes.items()):
        wall = [row["wall_ms"] for row in found]
        p50, p95 = percentile(wall, 0.5), percentile(wall, 0.95)
        say(
            f"{name:24s} {len(found):6d} {p50:9.0f} {p95:6.0f} "
            f"{max(wall):6.0f} {percentile([r['app_ms'] for r in found], 0.95):8.0f} "
            f"{percentile([r['cpu_ms'] for r in found], 0.95):8.0f} "
            f"{percentile([r['db_ms'] for r in found], 0.95):7.0f} "
            f"{percentile([r['queries'] for r in found], 0.5):8.0f} "
            f"{max(r['gc_ms'] for r in found):7.0f}"
        )


def _mb(value) -> str:
    return "-" if value is None else f"{value:.1f} MB"


def print_published(results: Path, visible_within: float) -> None:
    published = json.loads(results.read_text())["published"] if results.exists() else []
    say(f"\npublished during the run: {len(published)}")
    delays = []
    for item in published:
        after = item.get("visible_after")
        state = f"visible after {after:.2f} s" if after is not None else (
            f"NOT visible within {visible_within:.0f} s" if "visible_after" in item
            else "still being watched when the run stopped")  # fmt: skip
        if after is not None:
            delays.append(after)
        say(f"  {item['host']:28s} {item['title']:40s} {state}")
    if published:
        say(f"visible on the cached home page: {len(delays)} of {len(published)}"
            + (f"; slowest {max(delays):.2f} s, mean {sum(delays) / len(delays):.2f} s"
               if delays else ""))  # fmt: skip


# ------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--users", type=int, default=100, help="concurrent users (citizens and boards)"
    )
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument(
        "--sites", type=int, default=50, help="sites visited (the network is made this big)"
    )
    parser.add_argument("--editors", type=int, default=5, help="boards publishing meanwhile")
    parser.add_argument(
        "--publish-every", type=float, default=30, help="seconds between a board's items"
    )
    parser.add_argument("--workers", type=int, default=4, help="citizens' gunicorn sync workers")
    parser.add_argument(
        "--admin-workers", type=int, default=2, help="editors' gunicorn workers (0: no own pool)"
    )
    parser.add_argument(
        "--admin-threads", type=int, default=1, help="threads per editors' worker (gthread)"
    )
    parser.add_argument(
        "--citizens-nice", type=int, default=0, help="niceness of the citizens' pool"
    )
    parser.add_argument("--worker-nice", type=int, default=0, help="niceness of the db_worker")
    parser.add_argument(
        "--admin-nice", type=int, default=0, help="niceness of the editors' pool (< 0: root)"
    )
    parser.add_argument(
        "--diagnose",
        action="store_true",
        help="time each editors' request inside its worker (bench/gunicorn_diagnose.py)",
    )
    parser.add_argument("--port", type=int, default=8761)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--reuse", action="store_true", help="use the kept scratch database")
    args = parser.parse_args()
    locust = ensure_tools()

    def stop_on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_on_signal)
    use_scratch_database(SCRATCH)
    import django

    django.setup()
    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    started: dict[str, subprocess.Popen | None] = {}
    keep = args.keep or args.reuse
    interrupted = False
    try:
        if not args.reuse:
            build_network(args.sites, args.editors)
        else:
            _make_editors(args.editors)
        plan = inventory(args.sites, args.editors)
        hosts = [site["host"] for site in plan["sites"]]
        app_port, nginx_port, redis_port = args.port, args.port + 1, args.port + 2
        admin_port = args.port + 3 if args.admin_workers else app_port
        env = {
            **production_env(database_url(SCRATCH), True, ROOT / "static"),
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "PORTAL_BEHIND_PROXY": "2",
            "PORTAL_NGINX_VIEWS_LOG": str(folder / "cached_views.log"),
            # Publishing refreshes nginx's copies (serving.refresh), as in docker/compose.yaml.
            "PORTAL_NGINX_URL": f"http://127.0.0.1:{nginx_port}",
            "PORTAL_REFRESH_SECRET": REFRESH_SECRET,
        }
        diagnosis = folder / "admin_requests.jsonl"
        if args.diagnose:
            env["PORTAL_DIAGNOSE_LOG"] = str(diagnosis)
            env["GUNICORN_CMD_ARGS"] = f"--config {ROOT / 'bench' / 'gunicorn_diagnose.py'}"
        collect_static(env)
        started["redis"] = start_redis(folder, redis_port)
        started["gunicorn"] = start_gunicorn(env, app_port, args.workers)
        if args.citizens_nice:
            renice(started["gunicorn"], args.citizens_nice)
        if args.admin_workers:
            threads = {
                "GUNICORN_CMD_ARGS": f"{env.get('GUNICORN_CMD_ARGS', '')} "
                f"--threads {args.admin_threads}".strip()
            }
            started["gunicorn admin"] = start_gunicorn(
                {**env, **threads} if args.admin_threads > 1 else env,
                admin_port,
                args.admin_workers,
            )
            if args.admin_nice:
                renice(started["gunicorn admin"], args.admin_nice)
        started["nginx"] = start_nginx(folder, app_port, nginx_port, ROOT / "static", admin_port)
        started["db_worker"] = start_worker(env, folder)
        if args.worker_nice:
            renice(started["db_worker"], args.worker_nice)
        worker_started = time.monotonic()
        wait_for(nginx_port)
        pools = f"gunicorn {args.workers} sync workers" + (
            f"{f' (nice {args.citizens_nice})' if args.citizens_nice else ''}, editors' pool "
            f"{args.admin_workers} workers"
            + (f" (nice {args.admin_nice})" if args.admin_nice else "")
            + (f" x {args.admin_threads} threads" if args.admin_threads > 1 else "")
            if args.admin_workers else ", editors in the same pool")  # fmt: skip
        if args.worker_nice:
            pools += f"; db_worker nice {args.worker_nice}"
        say(f"{len(hosts)} sites, {len(plan['editors'])} boards publishing every "
            f"~{args.publish_every:.0f} s; {pools}; "
            f"{args.users} users for {args.minutes:g} min   ({load()})")  # fmt: skip
        warm = time.monotonic()
        warm_up(app_port, hosts, args.workers)
        admin_processes = args.admin_workers or args.workers
        if plan["editors"]:
            warm_up_admin(admin_port, plan["editors"][0], admin_processes)
        say(f"warm-up: home page of every site x{args.workers}, the editors' pages x"
            f"{admin_processes * 2} in {time.monotonic() - warm:.0f} s")  # fmt: skip
        settle = 20 - (time.monotonic() - worker_started)
        if settle > 0:  # the worker's first periodic jobs import what it keeps using
            time.sleep(settle)
        found = processes(started)
        before = memory(found)
        cpu_before, run_started = cpu_seconds(found), time.monotonic()

        output = folder / "published.json"
        config = folder / "load.json"
        config.write_text(json.dumps({
            **plan,
            "editor_count": min(len(plan["editors"]), args.users - 1),
            "publish_every": args.publish_every,
            "visible_within": 30,
            "output": str(output),
        }, ensure_ascii=False))  # fmt: skip
        seconds = max(10, round(args.minutes * 60))
        if args.diagnose:
            diagnosis.write_text("")  # the warm-up's requests are not the run's
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        started["locust"] = subprocess.Popen(
            [str(locust), "-f", str(ROOT / "bench" / "load_locust.py"), "--headless",
             "-u", str(args.users), "-r", str(max(1, args.users // 10)),
             "-t", f"{seconds}s", "--stop-timeout", "35",
             "--host", f"http://127.0.0.1:{nginx_port}",
             "--csv", str(folder / "stats"), "--only-summary", "--loglevel", "WARNING"],
            cwd=ROOT,
            env={**os.environ, "LOAD_CONFIG": str(config)},
            stdout=open(folder / "locust.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        started["locust"].wait(timeout=seconds + 120)
        found = processes({k: v for k, v in started.items() if k != "locust"})
        after = memory(found)
        cpu_after, run_seconds = cpu_seconds(found), time.monotonic() - run_started
        waited = resource.getrusage(resource.RUSAGE_CHILDREN)  # Locust, now it has ended
        cpu_after["locust (load generator)"] = (
            waited.ru_utime + waited.ru_stime - children.ru_utime - children.ru_stime
        )
        say(f"run finished   ({load()})")
        print_requests(folder / "stats_stats.csv", folder / "stats_failures.csv")
        print_memory(before, after)
        print_cpu(cpu_before, cpu_after, run_seconds)
        print_published(output, 30)
        if args.diagnose:
            print_diagnosis(diagnosis)
    except KeyboardInterrupt:
        say("\ninterrupted: stopping everything")
        interrupted = True
    finally:
        locust_process = started.pop("locust", None)
        if locust_process is not None and locust_process.poll() is None:
            locust_process.terminate()  # in our process group: Ctrl-C reached it too
            try:
                locust_process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                locust_process.kill()
        for name in ("db_worker", "nginx", "gunicorn admin", "gunicorn", "redis"):
            stop(started.get(name))
        log = folder / "locust.log"
        if log.exists() and "Traceback" in log.read_text():
            say(log.read_text()[-3000:])
        shutil.rmtree(folder, ignore_errors=True)
        if not keep:
            recreate_database(SCRATCH, drop_only=True)
            say(f"scratch database {SCRATCH} dropped")
    if interrupted:
        raise SystemExit(130)


if __name__ == "__main__":
    main()
