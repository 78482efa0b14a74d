"""Where a serving process's memory goes (issue 19): one process, the production settings, the
home page of every site of a kept ``bench/serve.py`` network, with ``tracemalloc``.

    DATABASE_URL=postgres://…/bench_serve REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python bench/serve_memory.py [--first 100] [--sites 0] [--frames 12] \\
        [--top 25] [--no-trace]

Prints the resident memory after ``django.setup()``, after the first request, after
``--first`` sites and after every site, then the allocations still alive after every site
that were not there after ``--first`` sites, grouped by the code that made them (the growth
per site, what ``bench/serve.py`` measures across gunicorn workers). ``--no-trace`` prints the
resident memory only (tracing costs memory and time). Reads only: nothing is written but the
caches (use a scratch redis: ``REDIS_URL`` unset means in-process caches, as in development).
"""

import argparse
import gc
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def environ(host: str, path: str = "/") -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "HTTP_HOST": host,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": __import__("io").BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_USER_AGENT": "Mozilla/5.0 (bench) Firefox/128.0",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=int, default=100)
    parser.add_argument("--sites", type=int, default=0, help="at most this many (0: all)")
    parser.add_argument("--frames", type=int, default=12)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--no-trace", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    os.environ.setdefault("SECRET_KEY", "bench-serve-not-secret-" + "x" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", ".localhost,localhost")
    os.environ.setdefault("SECURE_COOKIES", "0")
    os.environ.setdefault("PORTAL_SPARE_SCHEMAS", "0")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    start = rss_mb()
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    print(f"RSS at start {start:.0f} MB, after django.setup() {rss_mb():.0f} MB", flush=True)
    from tenants.models import Domain

    hosts = list(Domain.objects.filter(is_primary=True).values_list("domain", flat=True))
    hosts = hosts[: args.sites] if args.sites else hosts
    statuses: dict[str, int] = {}

    def serve(host: str) -> None:
        answer = []
        body = application(environ(host), lambda status, headers: answer.append(status))
        b"".join(body)
        getattr(body, "close", lambda: None)()
        statuses[answer[0][:3]] = statuses.get(answer[0][:3], 0) + 1

    serve(hosts[0])
    print(f"RSS after the first request {rss_mb():.0f} MB", flush=True)
    for host in hosts[1:5]:
        serve(host)
    print(f"RSS after 5 sites {rss_mb():.0f} MB", flush=True)
    if not args.no_trace:
        tracemalloc.start(args.frames)
    started = time.monotonic()
    for host in hosts[5 : args.first]:
        serve(host)
    gc.collect()
    first = tracemalloc.take_snapshot() if not args.no_trace else None
    print(f"RSS after {args.first} sites {rss_mb():.0f} MB", flush=True)
    for host in hosts[args.first :]:
        serve(host)
    gc.collect()
    print(
        f"RSS after {len(hosts)} sites {rss_mb():.0f} MB ({time.monotonic() - started:.0f} s;"
        f" statuses {statuses})",
        flush=True,
    )
    if args.no_trace:
        return
    last = tracemalloc.take_snapshot()
    noise = [tracemalloc.Filter(False, tracemalloc.__file__)]
    last, first = last.filter_traces(noise), first.filter_traces(noise)
    growth = sum(stat.size_diff for stat in last.compare_to(first, "filename"))
    sites = len(hosts) - args.first
    print(f"\ntraced growth over {sites} sites: {growth / 1024:.0f} kB, "
          f"{growth / sites / 1024:.1f} kB a site\n")  # fmt: skip
    for kind in ("lineno", "traceback"):
        print(f"--- by {kind}")
        for stat in last.compare_to(first, kind)[: args.top]:
            print(f"{stat.size_diff / 1024:9.0f} kB {stat.count_diff:+7d}  ", end="")
            if kind == "lineno":
                print(stat.traceback[0])
            else:
                print()
                for frame in stat.traceback.format()[-2 * args.frames :]:
                    print("      " + frame)


if __name__ == "__main__":
    main()
