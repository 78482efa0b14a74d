"""Serving benchmark (issue 19): req/s, p50, p95 and errors of public pages in three modes.

    .venv/bin/python bench/serve.py [--seconds 10] [--sites 50] [--modes uncached,django,nginx]

Builds a scratch network on the embedded PostgreSQL (the demo network of ``seed_demo``, plus
``--sites`` more communes for the memory figure), then for each mode starts ``gunicorn
portal.wsgi`` with the production settings (4 sync workers) and drives it with
``wrk -t2 -c16`` on the loopback with a commune's Host header:

- uncached: the page cache off (PORTAL_PAGE_CACHE=0), per-site fragments on: a cache miss;
- cold: the fragments off too (PORTAL_FRAGMENT_CACHE=0): the first visitor after a publish,
  which makes the site's pages and fragments unreachable at once (only with ``--modes cold``);
- django: the page cache on, answered by gunicorn;
- nginx: Debian's nginx configured as docker/nginx.conf in front (its 1-second cache).

Then every worker is sent the home page of every site, and the resident memory of each worker
is printed. The machine's load average is printed with each run: on a shared machine the
figures are noisy. Needs ``nginx`` and ``wrk`` (apt-get install nginx wrk).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import local_nginx
from local_nginx import stop
from scratch import ROOT, build_demo_network, recreate_database, use_scratch_database

SCRATCH = "bench_serve"
HOST = "iabang.localhost"
REFRESH_SECRET = "bench-refresh-not-secret"
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %.3f %.3f %d %d\\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status, summary.requests))
end
"""


def say(line: str = "") -> None:
    print(line, flush=True)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


def build_network(extra_sites: int) -> tuple[dict[str, str], list[str]]:
    """The scratch database with the demo network and ``extra_sites`` communes; returns the
    paths measured and every site's host name."""
    import django

    django.setup()
    from django_tenants.utils import schema_context

    from tenants.models import Domain, Tenant
    from tenants.services import create_site

    say(f"demo network built in {build_demo_network(SCRATCH):.0f} s")
    parent = Tenant.objects.get(slug="dakdoa")
    started = time.monotonic()
    for number in range(1, extra_sites + 1):
        create_site(
            name=f"Xã Đo Tải {number}", slug=f"dotai{number:04d}", kind="commune", parent=parent
        )
    if extra_sites:
        say(f"{extra_sites} more communes in {time.monotonic() - started:.0f} s")
    tenant = Domain.objects.get(domain=HOST).tenant
    with schema_context(tenant.schema_name):
        from content.models import NewsPage

        news = NewsPage.objects.live().order_by("-first_published_at").first().url
    paths = {
        "home": "/",
        "section": "/tin-tuc/",
        "news": news,
        "documents": "/van-ban/",
        "search": "/tim-kiem/?q=chuyen+doi+so",
    }
    hosts = list(Domain.objects.filter(is_primary=True).values_list("domain", flat=True))
    return paths, hosts


def database_url(name: str = SCRATCH) -> str:
    from django.db import connection

    host = connection.settings_dict["HOST"].replace("/", "%2F")
    return f"postgres://postgres@{host}/{name}"


def production_env(
    url: str, page_cache: bool, static_root: Path, fragments: bool = True
) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-serve-not-secret-" + "x" * 40,
        "ALLOWED_HOSTS": ".localhost,localhost",
        "DATABASE_URL": url,
        "SECURE_COOKIES": "0",
        "PORTAL_PAGE_CACHE": "1" if page_cache else "0",
        "PORTAL_FRAGMENT_CACHE": "1" if fragments else "0",
        "PORTAL_SPARE_SCHEMAS": "0",
        "PYTHONPATH": f"{ROOT / 'platform'}:{ROOT}",
        "LOG_LEVEL": "ERROR",
    }


def collect_static(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def start_gunicorn(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    # Not docker/gunicorn.conf.py: no max_requests, so the memory figure is that of workers
    # that never restarted.
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [
            str(gunicorn),
            "portal.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            "-",
            "--log-level",
            "error",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        wait_for(port)
    except BaseException:
        stop(process)
        raise
    return process


def wait_for(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            fetch(port, "/")
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"nothing answers on port {port}")


def fetch(port: int, path: str, host: str = HOST) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        return response.status


def start_nginx(
    folder: Path, app_port: int, port: int, static_root: Path, admin_port: int | None = None
) -> subprocess.Popen:
    """Debian's nginx with docker/nginx.conf's server block, pointed at this machine."""
    conf = render_nginx(folder, app_port, port, static_root, admin_port)
    return local_nginx.start(conf, port)


def render_nginx(
    folder: Path, app_port: int, port: int, static_root: Path, admin_port: int | None = None
) -> Path:
    """The benches' nginx.conf; the editors' pool is the gunicorn on ``admin_port``, or the
    one on ``app_port`` when only one is started."""
    return local_nginx.render(
        folder, app_port, port, static_root, REFRESH_SECRET, admin_port=admin_port
    )


def drive(port: int, path: str, seconds: int, folder: Path) -> str:
    script = folder / "report.lua"
    script.write_text(WRK_SCRIPT)
    # Warm: one second of the same load first, so every worker has loaded its templates and
    # filled its in-process caches for this path (a busy server is warm; the figure is not
    # about a worker's first request).
    _wrk(port, path, 1, script)
    match = re.search(
        r"RESULT (\d+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", _wrk(port, path, seconds, script)
    )
    requests, duration, p50, p95, errors = match.groups()
    rate = int(requests) / float(duration)
    return f"{rate:8.0f} req/s  p50 {float(p50):7.1f} ms  p95 {float(p95):7.1f} ms  errors {errors}"


def _wrk(port: int, path: str, seconds: int, script: Path) -> str:
    return subprocess.run(
        [
            "wrk",
            "-t2",
            "-c16",
            f"-d{seconds}s",
            "-s",
            str(script),
            "-H",
            f"Host: {HOST}",
            "-H",
            "User-Agent: Mozilla/5.0 (bench) Firefox/128.0",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def start_redis(folder: Path, port: int) -> subprocess.Popen:
    """Debian's redis-server on the loopback, nothing written to disk, its memory bounded as
    docker/compose.yaml bounds it."""
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(folder), "--daemonize", "no",
         "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru", "--loglevel", "warning"],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        ping = subprocess.run(
            ["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True
        )
        if ping.stdout.strip() == "PONG":
            return process
        time.sleep(0.2)
    stop(process)
    raise SystemExit("redis-server did not answer")


def worker_memory(master: subprocess.Popen) -> list[float]:
    children = subprocess.run(
        ["ps", "--ppid", str(master.pid), "-o", "rss="], capture_output=True, text=True
    ).stdout.split()
    return [int(kb) / 1024 for kb in children]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per page")
    parser.add_argument("--sites", type=int, default=50, help="communes added for memory")
    parser.add_argument("--modes", default="uncached,django,nginx", help="'' for memory only")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--redis", action="store_true", help="Django's caches in redis-server")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--reuse", action="store_true", help="use the kept scratch database")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: apt-get install nginx wrk")

    use_scratch_database(SCRATCH)
    if args.reuse:
        import django

        django.setup()
        from tenants.models import Domain

        paths = {
            "home": "/",
            "section": "/tin-tuc/",
            "news": None,
            "documents": "/van-ban/",
            "search": "/tim-kiem/?q=chuyen+doi+so",
        }
        from django_tenants.utils import schema_context

        with schema_context(Domain.objects.get(domain=HOST).tenant.schema_name):
            from content.models import NewsPage

            paths["news"] = NewsPage.objects.live().order_by("-first_published_at").first().url
        hosts = list(Domain.objects.filter(is_primary=True).values_list("domain", flat=True))
    else:
        paths, hosts = build_network(args.sites)
    url = database_url()
    folder = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    static_root = ROOT / "static"
    collect_static(production_env(url, True, static_root))
    say(
        f"{len(hosts)} sites; gunicorn {args.workers} sync workers; wrk -t2 -c16 "
        f"-d{args.seconds}s; Host: {HOST}"
    )
    app = nginx = redis = None
    if args.redis:  # as in production (docker/compose.yaml): pages and fragments out of process
        redis = start_redis(folder, args.port + 2)
        os.environ["REDIS_URL"] = f"redis://127.0.0.1:{args.port + 2}/0"
    try:
        modes = [mode for mode in args.modes.split(",") if mode]
        for mode in modes:
            page_cache = mode not in ("uncached", "cold")
            env = production_env(url, page_cache, static_root, fragments=mode != "cold")
            app = start_gunicorn(env, args.port, args.workers)
            port = args.port
            if mode == "nginx":
                nginx = start_nginx(folder, args.port, args.port + 1, static_root)
                port = args.port + 1
            say(f"\n[{mode}]")
            for name, path in paths.items():
                say(f"  {name:10s} {drive(port, path, args.seconds, folder)}   ({load()})")
            stop(nginx)
            nginx = None
            if mode != modes[-1]:
                stop(app)
                app = None
        if app is None:
            app = start_gunicorn(production_env(url, True, static_root), args.port, args.workers)
        for _ in range(args.workers * 3):  # every worker has served a few pages
            for host in hosts[:5]:
                fetch(args.port, "/", host)
        warm = worker_memory(app)
        started = time.monotonic()
        for _ in range(args.workers):  # each site reaches every worker, most likely
            for host in hosts:
                fetch(args.port, "/", host)
        sizes = worker_memory(app)
        say(
            "\nresident memory per worker after the home page of 5 sites: "
            + ", ".join(f"{size:.0f} MB" for size in warm)
            + f"\n... after the home page of {len(hosts)} sites x{args.workers}"
            f" ({time.monotonic() - started:.0f} s): "
            + ", ".join(f"{size:.0f} MB" for size in sizes)
            + f"   ({load()})"
        )
    finally:
        stop(nginx)
        stop(app)
        stop(redis)
        shutil.rmtree(folder, ignore_errors=True)
        if not args.keep:
            recreate_database(SCRATCH, drop_only=True)


if __name__ == "__main__":
    main()
