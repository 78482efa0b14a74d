"""Debian's nginx configured as docker/nginx.conf is, on this machine's loopback.

The benches (serve.py, publish_visible.py) and the tests of the nginx configuration
(tests/serving/test_refresh_on_publish.py, tests/security/test_page_refresh_header.py) run the
file the production stack runs, with only its addresses and folders changed, and with
``${PORTAL_REFRESH_SECRET}`` put in as the nginx image's templates do in docker/compose.yaml.
"""

import signal
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONF = ROOT / "docker" / "nginx.conf"
SECRET_PLACEHOLDER = "${PORTAL_REFRESH_SECRET}"


def render(
    folder: Path,
    app_port: int,
    port: int,
    static_root: Path,
    secret: str,
    listen: str = "",
    admin_port: int | None = None,
) -> Path:
    """Writes ``folder/nginx.conf``: docker/nginx.conf's server on ``listen`` (127.0.0.1 by
    default) ``:port``, its app on ``127.0.0.1:app_port``, the editors' pool on ``admin_port``
    (the app's when only one pool runs); returns its path."""
    if not secret:
        raise ValueError("nginx needs a refresh secret (PORTAL_REFRESH_SECRET)")
    server = CONF.read_text()
    server = server.replace("http://app:8000", f"http://127.0.0.1:{app_port}")
    server = server.replace("server admin:8000;", f"server 127.0.0.1:{admin_port or app_port};")
    server = server.replace("listen 80 default_server;", f"listen {listen or '127.0.0.1'}:{port};")
    server = server.replace("/srv/static/", f"{static_root}/")
    # Media the app answers with X-Accel-Redirect (production settings) are read from the
    # settings' default MEDIA_ROOT, which the benches use.
    server = server.replace("/srv/media/", f"{ROOT / 'media'}/")
    server = server.replace("/var/cache/nginx/", f"{folder}/cache/")
    server = server.replace("/var/log/nginx/", f"{folder}/")
    server = server.replace("/var/log/portal/", f"{folder}/")
    server = server.replace(SECRET_PLACEHOLDER, secret)
    (folder / "cache").mkdir(exist_ok=True)
    # nginx's workers run as another user (www-data): they must reach and write the cache.
    folder.chmod(0o755)
    (folder / "cache").chmod(0o777)
    conf = folder / "nginx.conf"
    conf.write_text(
        f"worker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
        "events { worker_connections 1024; }\n"
        f"http {{\ninclude /etc/nginx/mime.types;\nclient_body_temp_path {folder}/body;\n"
        f"proxy_temp_path {folder}/proxy;\nfastcgi_temp_path {folder}/fcgi;\n"
        f"uwsgi_temp_path {folder}/uwsgi;\nscgi_temp_path {folder}/scgi;\n{server}\n}}\n"
    )
    return conf


def check(conf: Path) -> subprocess.CompletedProcess:
    """``nginx -t`` of a rendered configuration."""
    return subprocess.run(
        ["nginx", "-t", "-c", str(conf), "-p", str(conf.parent)],
        capture_output=True,
        text=True,
    )


def start(conf: Path, port: int, host: str = "127.0.0.1") -> subprocess.Popen:
    process = subprocess.Popen(
        ["nginx", "-c", str(conf), "-p", str(conf.parent), "-g", "daemon off;"],
        start_new_session=True,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{host}:{port}/static/", timeout=5):
                return process
        except urllib.error.HTTPError:
            return process  # nginx answers (404 or 403 for the folder)
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise RuntimeError(f"nginx does not answer on {host}:{port}")


def stop(process: subprocess.Popen | None) -> None:
    import os

    if process is not None and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
