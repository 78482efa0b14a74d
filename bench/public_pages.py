"""Public pages checked by independent tools (issue 16): the W3C Nu checker, axe-core and
Lighthouse, on every page type, served as in production.

    .venv/bin/python bench/public_pages.py [--only vnu,axe,lighthouse] [--keep] [--reuse]

Builds a scratch network on the embedded PostgreSQL (the demo network of ``seed_demo`` plus a
commune created today, which holds only what the site blueprint gives it), starts ``gunicorn
portal.wsgi`` with the production settings behind Debian's nginx configured as
docker/nginx.conf, then prints, per page type:

- the Nu HTML checker's errors (npm ``vnu-jar``, run with the machine's Java);
- axe-core's violations with all its rules, in the normal and the high-contrast display, at
  360 and 1280 px (Debian's chromium driven by Playwright);
- Lighthouse 12.2.3's mobile scores in its four categories (npm, on Node 20, with Debian's
  chromium) on the pages the issue names.

The tools are fetched from the npm registry at pinned versions into var/ on first use.
"""

import argparse
import json
import shutil
import subprocess
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from scratch import ROOT, build_demo_network, recreate_database, use_scratch_database
from serve import (
    collect_static,
    database_url,
    load,
    production_env,
    say,
    start_gunicorn,
    start_nginx,
    stop,
)

SCRATCH = "bench_pages"
VNU_VERSION = "26.9.27"
AXE_VERSION = "4.10.3"
LIGHTHOUSE_VERSION = "12.2.3"
TOOLS = ROOT / "var" / "bench-tools"
COMMUNE = "iabang.localhost"
PARENT = "dakdoa.localhost"
LIGHTHOUSE_PAGES = ("commune home", "news", "documents list", "search")
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build_network() -> None:
    import django

    django.setup()
    from tenants.models import Tenant
    from tenants.services import create_site

    started = time.monotonic()
    build_demo_network(SCRATCH)
    create_site(
        name="Xã Mới Tạo", slug="moitao", kind="commune", parent=Tenant.objects.get(slug="dakdoa")
    )
    # The demo sites carry the national monitoring script (issue 20), whose host this offline
    # machine cannot resolve: Lighthouse would count that failed request against our pages.
    from django_tenants.utils import schema_context

    from monitoring.models import MonitoringCode

    for tenant in Tenant.objects.exclude(schema_name="public"):
        with schema_context(tenant.schema_name):
            MonitoringCode.objects.update(snippet="", script_src="")
    say(f"network built in {time.monotonic() - started:.0f} s")


def page_paths() -> list[tuple[str, str, str]]:
    """(page type, host, path) of one live page of every type the issue names."""
    import django

    django.setup()
    from django_tenants.utils import schema_context
    from wagtail.models import Locale

    from content.models import (
        ContactPage,
        DocumentIndexPage,
        DocumentPage,
        NewsPage,
        ProcedurePage,
        QuestionIndexPage,
        ScheduleIndexPage,
        SectionPage,
    )
    from tenants.models import Domain

    def first(model):
        page = model.objects.live().public().filter(locale__language_code="vi").first()
        if page is None:
            raise SystemExit(f"the demo commune has no live {model.__name__}")
        return page.url

    fresh = Domain.objects.get(tenant__slug="moitao", is_primary=True).domain
    with schema_context(Domain.objects.get(domain=COMMUNE).tenant.schema_name):
        english = None
        if Locale.objects.filter(language_code="en").exists():
            found = NewsPage.objects.live().public().filter(locale__language_code="en").first()
            english = found.url if found else "/en/"
        paths = [
            ("parent home", PARENT, "/"),
            ("commune home", COMMUNE, "/"),
            ("fresh commune home", fresh, "/"),
            ("section", COMMUNE, first(SectionPage)),
            ("news", COMMUNE, first(NewsPage)),
            ("documents list", COMMUNE, first(DocumentIndexPage)),
            ("document", COMMUNE, first(DocumentPage)),
            ("procedure", COMMUNE, first(ProcedurePage)),
            ("schedule", COMMUNE, first(ScheduleIndexPage)),
            ("Q&A", COMMUNE, first(QuestionIndexPage)),
            ("contact", COMMUNE, first(ContactPage)),
            ("search", COMMUNE, "/tim-kiem/?q=chuyen+doi+so"),
            ("sitemap page", COMMUNE, "/so-do-trang/"),
            ("404", COMMUNE, "/khong-co-trang-nay/"),
        ]
        if english:
            paths.append(("English page", COMMUNE, english))
    return paths


def npm_pack(package: str, version: str, member: str, target: Path) -> Path:
    """``member`` of an npm package's tarball, fetched once (npm checks its integrity)."""
    if not target.exists():
        TOOLS.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            ["npm", "pack", f"{package}@{version}", "--silent"],
            cwd=TOOLS,
            check=True,
            capture_output=True,
            text=True,
        )
        with tarfile.open(TOOLS / result.stdout.strip().splitlines()[-1]) as archive:
            target.write_bytes(archive.extractfile(f"package/{member}").read())
    return target


def fetch_html(port: int, host: str, path: str) -> str:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.read().decode()
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        return error.read().decode()


def nu_checker(port: int, paths, folder: Path) -> dict[str, list[str]]:
    jar = npm_pack("vnu-jar", VNU_VERSION, "build/dist/vnu.jar", TOOLS / f"vnu-{VNU_VERSION}.jar")
    files = {}
    for number, (name, host, path) in enumerate(paths):
        file = folder / f"page{number}.html"
        file.write_text(fetch_html(port, host, path), encoding="utf-8")
        files[str(file)] = name
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
    )
    errors = {name: [] for name in files.values()}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        name = files.get(message.get("url", "").removeprefix("file:"), "?")
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine')}: {message.get('message')}"
        )
    return errors


def axe(port: int, paths) -> dict[tuple[str, str, int], list[str]]:
    from playwright.sync_api import sync_playwright

    source = npm_pack("axe-core", AXE_VERSION, "axe.min.js", TOOLS / f"axe-{AXE_VERSION}.js")
    source = source.read_text()
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS[1:]
        )
        try:
            for width in (360, 1280):
                context = browser.new_context(viewport={"width": width, "height": 800})
                page = context.new_page()
                for mode in ("normal", "high contrast"):
                    for name, host, path in paths:
                        page.goto(f"http://{host}:{port}/")
                        page.evaluate(
                            "high => high ? localStorage.setItem('portal-contrast', 'high')"
                            " : localStorage.removeItem('portal-contrast')",
                            mode == "high contrast",
                        )
                        page.goto(f"http://{host}:{port}{path}")
                        page.evaluate(source + "\n;0")
                        result = page.evaluate(
                            "async () => await axe.run(document, {resultTypes: ['violations']})"
                        )
                        found[(name, mode, width)] = [
                            f"{v['impact']} {v['id']}: {len(v['nodes'])} element(s)"
                            for v in result["violations"]
                        ]
                context.close()
        finally:
            browser.close()
    return found


def lighthouse(port: int, paths, folder: Path) -> dict[str, dict[str, int]]:
    prefix = TOOLS / "lighthouse"
    binary = prefix / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(prefix), f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True,
            capture_output=True,
        )
    scores = {}
    for name, host, path in paths:
        if name not in LIGHTHOUSE_PAGES:
            continue
        report = folder / "lighthouse.json"
        for attempt in (1, 2, 3):  # Chromium sometimes fails to start: tried again
            run = subprocess.run(
                [
                    str(binary),
                    f"http://{host}:{port}{path}",
                    f"--chrome-path={shutil.which('chromium')}",
                    "--chrome-flags=" + " ".join(CHROMIUM_FLAGS),
                    "--form-factor=mobile",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    "--output=json",
                    f"--output-path={report}",
                    "--quiet",
                ],
                capture_output=True,
                text=True,
            )
            if run.returncode == 0:
                break
            say(f"  lighthouse failed on {name} (try {attempt}): {run.stderr.strip()[-300:]}")
        else:
            continue
        result = json.loads(report.read_text())
        categories = result["categories"]
        scores[name] = {key: round(value["score"] * 100) for key, value in categories.items()}
        scores[name]["failed"] = sorted(
            ref["id"]
            for category in categories.values()
            for ref in category["auditRefs"]
            if ref["weight"] and (result["audits"][ref["id"]].get("score") or 0) < 0.9
        )
        console = result["audits"]["errors-in-console"].get("details", {}).get("items", [])
        scores[name]["failed"] += [
            f"({item.get('source')}: {item.get('description', '')[:120]})" for item in console
        ]
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="vnu,axe,lighthouse")
    parser.add_argument("--port", type=int, default=8741)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--reuse", action="store_true", help="use the kept scratch database")
    parser.add_argument("--verbose", action="store_true", help="print every finding")
    args = parser.parse_args()
    for tool in ("nginx", "java", "npm", "chromium"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing (apt-get install nginx default-jre npm chromium)")
    tools = args.only.split(",")

    use_scratch_database(SCRATCH)
    if not args.reuse:
        build_network()
    paths = page_paths()
    url = database_url(SCRATCH)
    static_root = ROOT / "static"
    env = production_env(url, True, static_root)
    collect_static(env)
    folder = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    app = nginx = None
    try:
        app = start_gunicorn(env, args.port, 2)
        nginx = start_nginx(folder, args.port, args.port + 1, static_root)
        port = args.port + 1
        say(f"{len(paths)} page types behind nginx on port {port}   ({load()})")
        if "vnu" in tools:
            say(f"\n[Nu HTML checker {VNU_VERSION}: errors]")
            for name, errors in nu_checker(port, paths, folder).items():
                say(f"  {name:20s} {len(errors):3d}")
                for error in errors if args.verbose else errors[:3]:
                    say(f"      {error[:160]}")
        if "axe" in tools:
            say(f"\n[axe-core {AXE_VERSION}, all rules: violations]")
            say(
                f"  {'':20s} {'normal 360':>11s} {'normal 1280':>12s} {'contrast 360':>13s}"
                f" {'contrast 1280':>14s}"
            )
            found = axe(port, paths)
            for name, _host, _path in paths:
                cells = [
                    found[(name, mode, width)]
                    for mode in ("normal", "high contrast")
                    for width in (360, 1280)
                ]
                say(f"  {name:20s} " + " ".join(f"{len(c):>12d}" for c in cells))
                for line in sorted({line for cell in cells for line in cell}):
                    say(f"      {line}")
        if "lighthouse" in tools:
            say(f"\n[Lighthouse {LIGHTHOUSE_VERSION}, mobile]")
            say(f"  {'':20s} {'perf':>5s} {'a11y':>5s} {'best':>5s} {'seo':>5s}")
            for name, score in lighthouse(port, paths, folder).items():
                say(
                    f"  {name:20s} {score['performance']:5d} {score['accessibility']:5d}"
                    f" {score['best-practices']:5d} {score['seo']:5d}   ({load()})"
                )
                if score["failed"]:
                    say("      failed: " + ", ".join(score["failed"]))
    finally:
        stop(nginx)
        stop(app)
        shutil.rmtree(folder, ignore_errors=True)
        if not args.keep:
            recreate_database(SCRATCH, drop_only=True)


if __name__ == "__main__":
    main()
