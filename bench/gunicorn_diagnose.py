"""gunicorn hooks that time each editors' request inside its worker (``bench/load.py
--diagnose``): what Locust sees is the worker's time plus any wait for a free worker, and only
these figures tell the two apart (issue 21: the editors' tail was a worker held after its
response by the refresh on publish, then a queue at the test's start).

One JSON line per request under /admin/ to the file named by ``PORTAL_DIAGNOSE_LOG``: the
wall time from the parsed request to the end of everything the worker did for it (after the
response too: ``request_finished`` handlers), the time until the app returned its response,
the CPU time, the database's time and query count, and the time spent collecting garbage.
"""

import gc
import json
import os
import time

_now: dict[str, float] = {}


def _collecting(phase: str, info: dict) -> None:
    if phase == "start":
        _now["gc_started"] = time.perf_counter()
    elif "gc_started" in _now:
        _now["gc"] = _now.get("gc", 0.0) + time.perf_counter() - _now.pop("gc_started")


def _timed_queries(execute, sql, params, many, context):
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        _now["db"] = _now.get("db", 0.0) + time.perf_counter() - started
        _now["queries"] = _now.get("queries", 0) + 1


def post_worker_init(worker) -> None:
    from django.db import connections

    gc.callbacks.append(_collecting)
    connections["default"].execute_wrappers.append(_timed_queries)
    app = worker.wsgi

    def timed(environ, start_response):
        result = app(environ, start_response)
        _now["app"] = time.perf_counter() - _now["started"]
        return result

    worker.wsgi = timed


def pre_request(worker, req) -> None:
    _now.clear()
    _now["started"], _now["cpu"] = time.perf_counter(), time.process_time()


def post_request(worker, req, environ, resp) -> None:
    if not req.path.startswith("/admin/") or "started" not in _now:
        return
    row = {
        "method": req.method,
        "path": req.path,
        "status": resp.status_code,
        "wall_ms": 1000 * (time.perf_counter() - _now["started"]),
        "app_ms": 1000 * _now.get("app", 0.0),
        "cpu_ms": 1000 * (time.process_time() - _now["cpu"]),
        "db_ms": 1000 * _now.get("db", 0.0),
        "queries": _now.get("queries", 0),
        "gc_ms": 1000 * _now.get("gc", 0.0),
    }
    with open(os.environ["PORTAL_DIAGNOSE_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps(row) + "\n")
