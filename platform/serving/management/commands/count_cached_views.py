"""Counts the page views nginx served from its own cache (docker/nginx.conf, issue 19).

Those views never reach the app, so ``before_serve_page`` cannot count them; nginx writes one
line per such view (``host page-id "agent"``) to a log of its own, and this command, run every
minute, reads what was added since its last run and counts each line through
``reports.visits.record_view`` exactly as a rendered page is counted (bots left out by their
agent). The position read so far is kept beside the log; a rotated (shorter) log is read from
its start. Once read to its end past ``--empty-above`` bytes the log is emptied in place (nginx
appends, so it goes on writing at the new end): no logrotate is needed beside nginx. A view
written in the instant between the last read and the emptying is lost, one in millions.
"""

import os
import re
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.core.management.base import BaseCommand
from django_tenants.utils import schema_context

from reports import visits
from serving.pages import _ServedPage
from tenants.models import Domain

LINE = re.compile(r'^(\S+) (\d+) "(.*)"$')


class Command(BaseCommand):
    help = "Count the page views served from nginx's cache (its cached_views log)."

    def add_arguments(self, parser):
        parser.add_argument("--log", default=settings.PORTAL_NGINX_VIEWS_LOG)
        parser.add_argument("--empty-above", type=int, default=16 * 1024 * 1024, metavar="BYTES")
        parser.add_argument("--dry-run", action="store_true", help="read, count nothing")

    def handle(self, *args, log: str, empty_above: int, dry_run: bool, **options):
        path = Path(log)
        if not path.exists():
            self.stdout.write(f"No log at {path}: nothing to count.")
            return
        state = path.with_name(path.name + ".offset")
        offset = int(state.read_text() or 0) if state.exists() else 0
        if offset > path.stat().st_size:
            offset = 0  # rotated
        views = defaultdict(list)  # host -> [(page id, agent)]
        with path.open("rb") as lines:
            lines.seek(offset)
            for raw in lines:
                if not raw.endswith(b"\n"):
                    break  # a line still being written: next time
                offset += len(raw)
                match = LINE.match(raw.decode("utf-8", "replace").rstrip("\n"))
                if match:
                    views[match.group(1)].append((int(match.group(2)), match.group(3)))
        counted = 0
        schemas = dict(
            Domain.objects.filter(domain__in=list(views)).values_list(
                "domain", "tenant__schema_name"
            )
        )
        for host, seen in views.items():
            schema = schemas.get(host)
            if schema is None or dry_run:
                continue
            with schema_context(schema):
                for page_id, agent in seen:
                    request = SimpleNamespace(method="GET", META={"HTTP_USER_AGENT": agent})
                    visits.record_view(request, _ServedPage(page_id))
                    counted += 1
        if not dry_run:
            if offset >= empty_above and offset == path.stat().st_size:
                os.truncate(path, 0)
                offset = 0
            state.write_text(str(offset))
        self.stdout.write(f"{counted} views read from {path} (robots are not counted).")
