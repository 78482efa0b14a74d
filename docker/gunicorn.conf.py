"""gunicorn's settings in the production image (docker/Dockerfile's CMD): the app on :8000.

``max_requests`` (with jitter, so the workers do not all restart at once) replaces a worker
after that many requests: the standard guard against slow growth of a long-lived process
(issue 19). What a worker keeps per site is bounded on its own (``serving.hosts``: a
least-recently-used map; ~140 MB a worker after serving 1,000 sites, bench/serve.py, which
measures without this guard); a restart also hands the worker a fresh PostgreSQL connection,
whose backend keeps the catalogue of every schema it touched (~0.46 MB a site, docs/scale.md;
``conn_max_age`` already closes it after 60 s). A restart costs the new worker ~2 s of CPU
(imports) and its host lookups, so the default is high: about every few hours on a busy worker.
Override with ``GUNICORN_MAX_REQUESTS`` (0 turns it off) and ``GUNICORN_WORKERS``.
"""

import os

bind = "0.0.0.0:8000"
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = 60
accesslog = "-"
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 10
