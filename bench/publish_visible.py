"""Publish → visible through nginx (issue 19: "the new item visible on the cached home page and
section ≤ 1 s"), in the worst case.

    flock /work/bench.lock .venv/bin/python bench/publish_visible.py [--items 30]
        [--modes refresh,expiry] [--reuse] [--keep]

Starts ``gunicorn portal.wsgi`` (production settings, 4 sync workers) and Debian's nginx
configured as docker/nginx.conf is, on the demo network of a scratch database. A chief editor
of one commune publishes ``--items`` news items through the Wagtail admin's page form (through
nginx, as editors do), one every 1.5-2.5 s (so publishes fall anywhere in nginx's seconds),
while two visitors read the home page and the news section through nginx every 20 ms each,
as a browser asks (gzip). An item is visible when both pages show it. Printed, per mode:
mean, p95 and max of publish → visible, from the moment the form was sent (the editor's click)
and from its answer (the page reloaded), and the editor's publish request time.

- refresh: the app refreshes nginx's copies on publish (PORTAL_NGINX_URL, serving.refresh);
- expiry: no refresh, nginx's copies expire (the behaviour before serving.refresh).
"""

import argparse
import gzip
import http.client
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from board_forms import add_news_path, csrf_token, login_form, news_form
from scratch import ROOT, build_demo_network, recreate_database, use_scratch_database
from serve import (
    HOST,
    REFRESH_SECRET,
    collect_static,
    database_url,
    load,
    production_env,
    say,
    start_gunicorn,
    start_nginx,
    stop,
)

SCRATCH = "bench_publish"
PASSWORD = "Cong-bo-2026-bench"
USERNAME = "congbo"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
PAGES = ("/", "/tin-tuc/")


def build() -> None:
    import django

    django.setup()

    say(f"demo network built in {build_demo_network(SCRATCH):.0f} s")


def make_editor() -> int:
    """A chief editor of the measured commune; the news section's id."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django_tenants.utils import schema_context
    from wagtail.models import Page

    from editorial.roles import CHIEF
    from tenants.models import Domain

    tenant = Domain.objects.get(domain=HOST).tenant
    with schema_context(tenant.schema_name):
        user, _ = get_user_model().objects.get_or_create(username=USERNAME)
        user.set_password(PASSWORD)
        user.email = "congbo@example.gov.vn"
        user.save()
        user.groups.add(Group.objects.get(name=CHIEF.group_name))
        return Page.objects.get(slug="tin-tuc").pk


class Browser:
    """One visitor or editor: its cookies, on one connection per request (as nginx sees it)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        headers = {
            "Host": HOST,
            "User-Agent": BROWSER,
            "Accept-Encoding": "gzip, deflate, br",
            "Accept-Language": "vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7",
        }
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            from urllib.parse import urlencode

            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{HOST}"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key.strip()] = rest.split(";", 1)[0]
            if response.getheader("Content-Encoding") == "gzip":
                data = gzip.decompress(data)
            return response.status, data.decode("utf-8", "replace")
        finally:
            connection.close()


class Poller(threading.Thread):
    """A visitor reading one page every ``every`` seconds; the first time each title showed."""

    def __init__(self, port: int, path: str, every: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.browser, self.path, self.every = Browser(port), path, every
        self.watched: dict[str, float | None] = {}
        self.lock = threading.Lock()
        self.running = True
        self.reads = 0

    def watch(self, title: str) -> None:
        with self.lock:
            self.watched[title] = None

    def run(self) -> None:
        while self.running:
            started = time.time()
            try:
                _status, text = self.browser.request("GET", self.path)
            except OSError:
                text = ""
            self.reads += 1
            with self.lock:
                for title, seen in self.watched.items():
                    if seen is None and title in text:
                        self.watched[title] = started
            time.sleep(max(0.0, self.every - (time.time() - started)))


def publish(editor: Browser, section: int, number: int) -> tuple[str, float, float]:
    """One news item through the page form; (title, form sent at, answered at)."""
    add = add_news_path(section)
    status, text = editor.request("GET", add)
    token = csrf_token(text)
    if status != 200 or token is None:
        raise SystemExit(f"no page form ({status})")
    stamp = int(time.time())
    title = f"Tin do nhanh {number} {stamp}"
    form = news_form(token, title, f"tin-do-nhanh-{number}-{stamp}", "Tin đăng để đo.")
    sent = time.time()
    status, _text = editor.request("POST", add, form)
    answered = time.time()
    if status != 302:
        raise SystemExit(f"publish refused: {status}")
    return title, sent, answered


def app_vary(port: int) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", "/", headers={"Host": HOST, "User-Agent": BROWSER})
        response = connection.getresponse()
        response.read()
        return response.getheader("Vary", "")
    finally:
        connection.close()


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def figures(values: list[float]) -> str:
    return (
        f"mean {statistics.mean(values):5.2f} s  p95 {p95(values):5.2f} s  max {max(values):5.2f} s"
    )


def run_mode(mode: str, args, url: str, section: int, folder: Path) -> None:
    env = production_env(url, True, ROOT / "static")
    if mode == "refresh":
        env["PORTAL_NGINX_URL"] = f"http://127.0.0.1:{args.port + 1}"
        env["PORTAL_REFRESH_SECRET"] = REFRESH_SECRET
    app = start_gunicorn(env, args.port, 4)
    nginx = None
    pollers: list[Poller] = []
    try:
        nginx = start_nginx(folder, args.port, args.port + 1, ROOT / "static")
        say(f"\n[{mode}] the app's Vary on the home page: {app_vary(args.port)!r}")
        editor = Browser(args.port + 1)
        _status, text = editor.request("GET", "/admin/login/")
        status, _ = editor.request(
            "POST", "/admin/login/", login_form(csrf_token(text) or "", USERNAME, PASSWORD)
        )
        if status != 302:
            raise SystemExit(f"login refused: {status}")
        pollers = [Poller(args.port + 1, path) for path in PAGES]
        for poller in pollers:
            poller.start()
        time.sleep(2)  # every worker warm, nginx holding both pages
        records = []
        for number in range(1, args.items + 1):
            title, sent, answered = publish(editor, section, number)
            for poller in pollers:
                poller.watch(title)
            records.append((title, sent, answered))
            time.sleep(random.uniform(1.5, 2.5))
        deadline = time.time() + 10
        while time.time() < deadline and any(
            poller.watched.get(title) is None for poller in pollers for title, _s, _a in records
        ):
            time.sleep(0.1)
        from_click, from_answer, requests, missing = [], [], [], 0
        for title, sent, answered in records:
            seen = [poller.watched.get(title) for poller in pollers]
            requests.append(answered - sent)
            if any(at is None for at in seen):
                missing += 1
                continue
            from_click.append(max(seen) - sent)
            from_answer.append(max(0.0, max(seen) - answered))
        reads = sum(poller.reads for poller in pollers)
        say(f"[{mode}] {len(records)} items published, {missing} never visible; "
            f"{reads} page reads by the visitors   ({load()})")  # fmt: skip
        if from_click:
            say(f"  visible (home and section) after the click:   {figures(from_click)}")
            say(f"  visible after the editor's page answered:    {figures(from_answer)}")
        say(f"  the editor's publish request:                 {figures(requests)}")
    finally:
        for poller in pollers:
            poller.running = False
        stop(nginx)
        stop(app)
        shutil.rmtree(folder / "cache", ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--modes", default="refresh,expiry")
    parser.add_argument("--port", type=int, default=8741)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--reuse", action="store_true", help="use the kept scratch database")
    args = parser.parse_args()
    if shutil.which("nginx") is None:
        raise SystemExit("nginx is missing: apt-get install nginx")
    use_scratch_database(SCRATCH)
    if not args.reuse:
        build()
    section = make_editor()
    url = database_url(SCRATCH)
    collect_static(production_env(url, True, ROOT / "static"))
    folder = Path(tempfile.mkdtemp(prefix="bench-publish-"))
    say(f"gunicorn 4 sync workers, nginx in front; Host: {HOST}; {args.items} items")
    try:
        for mode in [mode for mode in args.modes.split(",") if mode]:
            run_mode(mode, args, url, section, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if not (args.keep or args.reuse):
            recreate_database(SCRATCH, drop_only=True)


if __name__ == "__main__":
    sys.exit(main())
