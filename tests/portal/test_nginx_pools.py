"""The editors' own pool (issue 21): nginx sends the Wagtail admin and the support hand-off to
``admin_pool`` and everything else to the citizens' ``app``, so a citizens' rush never queues
an editor; nothing of the editors' is ever answered from the page cache."""

import re
import shutil
import subprocess

import pytest
from django.conf import settings

from tests.portal.nginx_front import bench_serve, free_port, get, nginx_in_front

needs_nginx = pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
HOST = "xathu.localhost"


def conf_text() -> str:
    return (settings.BASE_DIR / "docker" / "nginx.conf").read_text()


def location(conf: str, head: str) -> str:
    return conf.split(f"location {head} {{", 1)[1].split("}", 1)[0]


def test_the_admin_location_goes_to_the_editors_pool_and_has_no_cache():
    conf = conf_text()
    assert re.search(r"upstream admin_pool \{\s*server admin:8000;\s*\}", conf)
    for head in ("^~ /admin/", "~ ^/ho-tro/(ket-thuc/)?$"):
        block = location(conf, head)
        assert "proxy_pass http://admin_pool;" in block
        assert "proxy_cache off;" in block
        assert "proxy_cache " not in block.replace("proxy_cache off;", "")
    assert "proxy_cache pages;" in location(conf, "/")


def test_compose_runs_the_editors_pool_that_nginx_names():
    """Read as text: no YAML parser in the application's lock for one test."""
    compose = (settings.BASE_DIR / "docker" / "compose.yaml").read_text()
    admin = compose.split("\n  admin:\n", 1)[1].split("\n\n", 1)[0]
    assert "dockerfile: docker/Dockerfile" in admin
    assert "environment: &app-environment" in compose.split("\n  app:\n", 1)[1]
    assert "<<: *app-environment" in admin  # the app's settings, whole
    assert "GUNICORN_WORKERS: ${ADMIN_WORKERS:-2}" in admin
    assert 'MIGRATE_ON_START: "0"' in admin  # the app migrates; two would race
    assert "- media:/app/media" in admin  # editors upload
    web = compose.split("\n  web:\n", 1)[1].split("\n\n", 1)[0]
    assert re.search(r"depends_on:\n      - app\n      - admin\n", web)


@needs_nginx
def test_the_rendered_config_passes_nginx_t(tmp_path):
    conf = bench_serve().render_nginx(tmp_path, 8000, free_port(), tmp_path, admin_port=8001)
    text = conf.read_text()
    assert "server 127.0.0.1:8001;" in text and "proxy_pass http://127.0.0.1:8000;" in text
    result = subprocess.run(
        ["nginx", "-t", "-c", str(conf), "-p", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@needs_nginx
def test_with_one_pool_started_the_editors_reach_it(tmp_path):
    """bench/serve.py starts one pool: the admin upstream points to it."""
    conf = bench_serve().render_nginx(tmp_path, 8000, free_port(), tmp_path).read_text()
    assert "server 127.0.0.1:8000;" in conf and "admin:8000" not in conf


@needs_nginx
def test_editors_paths_reach_their_pool_every_time_and_citizens_paths_the_cached_app():
    with nginx_in_front() as (port, app, admin):
        for path in ("/admin/", "/admin/login/", "/admin/api/main/pages/", "/ho-tro/"):
            answers = [get(port, path, HOST) for _ in range(3)]
            assert [body for _status, body, _headers in answers] == ["admin"] * 3, path
            assert all("X-Nginx-Cache" not in headers for *_, headers in answers), path
        assert admin.paths() == [
            path
            for path in ("/admin/", "/admin/login/", "/admin/api/main/pages/", "/ho-tro/")
            for _ in range(3)
        ]
        get(port, "/ho-tro/ket-thuc/", HOST)
        assert admin.paths()[-1] == "/ho-tro/ket-thuc/"
        assert app.paths() == []

        # A site's pages below /ho-tro/ stay with the citizens; a page is served from nginx's
        # cache after its first visit.
        for path in ("/ho-tro/lien-he/", "/tin-tuc/"):
            first, second = get(port, path, HOST), get(port, path, HOST)
            assert first[1] == second[1] == "app", path
            assert second[2]["X-Nginx-Cache"] == "HIT", path
        assert app.paths() == ["/ho-tro/lien-he/", "/tin-tuc/"]
        # /admin without its slash: nginx itself sends the browser on to /admin/, on the same
        # scheme as it came (a TLS terminator in front: https).
        status, _body, headers = get(port, "/admin", HOST)
        assert status == 301 and headers["Location"] == "/admin/"
        assert len(admin.seen) == 13 and len(app.seen) == 2
