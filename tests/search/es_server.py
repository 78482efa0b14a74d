"""A tiny HTTP server that answers the real ``elasticsearch`` client as Elasticsearch 8 does.

Answers come from ``fixtures/es8/*.json`` (each names the documentation page its shape comes
from). A test says, per request line, which answers to give in turn (the last repeats); any
request it did not expect gets a 500 whose text names it, so a test fails on it. Requests are
recorded with their path, query and body, so a test can assert what the client sent.
"""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

FIXTURES = Path(__file__).parent / "fixtures" / "es8"
CONTENT_TYPE = "application/vnd.elasticsearch+json;compatible-with=8"


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text())


@dataclass
class Request:
    method: str
    path: str
    query: dict
    body: bytes

    def json(self):
        return json.loads(self.body)

    def ndjson(self) -> list:
        return [json.loads(line) for line in self.body.decode().splitlines() if line.strip()]


@dataclass
class FakeElasticsearch:
    routes: dict = field(default_factory=dict)  # (method, path) → [fixture, status or tuple]
    requests: list = field(default_factory=list)

    def answer(self, method: str, path: str, *answers) -> None:
        self.routes[(method, path)] = list(answers)

    def sent(self, method: str | None = None, path: str | None = None) -> list[Request]:
        return [
            r
            for r in self.requests
            if (method is None or r.method == method) and (path is None or r.path == path)
        ]

    def respond(self, method: str, path: str) -> tuple[int, bytes]:
        answers = self.routes.get((method, path))
        if not answers:
            return 500, json.dumps({"unexpected": f"{method} {path}"}).encode()
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, int):
            return answer, b""
        if isinstance(answer, tuple):  # (status, body) made by the test itself
            return answer[0], json.dumps(answer[1]).encode()
        stored = fixture(answer)
        return stored["status"], json.dumps(stored["body"]).encode()


def serve(fake: FakeElasticsearch):
    """Start the server in a thread; returns (url, stop)."""

    class Handler(BaseHTTPRequestHandler):
        def _handle(self):
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            path = unquote(parts.path)
            fake.requests.append(Request(self.command, path, parse_qs(parts.query), body))
            status, payload = fake.respond(self.command, path)
            self.send_response(status)
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Type", CONTENT_TYPE)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop():
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{server.server_address[1]}", stop
