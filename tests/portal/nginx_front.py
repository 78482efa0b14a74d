"""Debian's nginx, configured as docker/nginx.conf is (rendered by bench/serve.py, as the
benchmarks run it), in front of two stand-in pools that note every request they receive.

The stand-ins answer as the app does for a page every visitor may share (``s-maxage``), so
what nginx caches, and which pool a path reaches with which headers, is nginx's doing alone.
"""

import importlib.util
import shutil
import socket
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.conf import settings

SHARED = "public, max-age=0, s-maxage=60"  # what serving.pages marks a shareable page with


def bench_serve():
    """bench/serve.py, whose render_nginx()/start_nginx() the load benchmarks use."""
    bench = str(settings.BASE_DIR / "bench")
    if bench not in sys.path:
        sys.path.append(bench)  # after the platform's apps: bench/search.py must not shadow one
    spec = importlib.util.spec_from_file_location("bench_serve", Path(bench) / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Pool:
    """A stand-in gunicorn pool on the loopback: answers 200 as the app answers a page every
    visitor may share, with its name (``numbered``: ``v1``, ``v2``…, so a test sees which
    answer nginx kept), and notes requests."""

    def __init__(self, name: str, numbered: bool = False):
        self.name = name
        self.seen: list[dict] = []
        self.seconds = 0.0  # how long an answer takes to render
        pool = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                pool.seen.append({"path": self.path, "headers": dict(self.headers.items())})
                time.sleep(pool.seconds)
                body = (f"v{len(pool.seen)}" if numbered else pool.name).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", SHARED)
                self.send_header("Vary", "Accept-Language, Accept-Encoding")  # as the app's
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def paths(self) -> list[str]:
        return [request["path"] for request in self.seen]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def nginx_in_front():
    """(nginx port, citizens' pool, editors' pool), nginx running the rendered config."""
    serve = bench_serve()
    app, admin = Pool("app"), Pool("admin")
    # Not pytest's tmp_path: nginx's workers run as another user and must reach the cache.
    folder = Path(tempfile.mkdtemp(prefix="nginx-front-"))
    process = None
    try:
        port = free_port()
        process = serve.start_nginx(folder, app.port, port, folder, admin_port=admin.port)
        app.seen.clear()  # start_nginx's own probe of "/"
        yield port, app, admin
    finally:
        serve.stop(process)
        app.close()
        admin.close()
        shutil.rmtree(folder, ignore_errors=True)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(port: int, path: str, host: str, **headers) -> tuple[int, str, dict]:
    """(status, body, headers) of one GET; a redirect is answered, not followed."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": host, **headers}
    )
    try:
        response = urllib.request.build_opener(_NoRedirect).open(request, timeout=10)
    except urllib.error.HTTPError as answer:
        response = answer
    with response:
        return response.status, response.read().decode(), dict(response.headers.items())
