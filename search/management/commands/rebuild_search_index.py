"""Rebuild the cross-site index from the sites' live pages and published questions.

One site, several, or all.

Resumable: progress is kept per site (``search_rebuild_progress``), a batch per transaction,
so a run that stops (Ctrl-C, a crash, a deploy) continues where it stopped. Writes go through
the outbox like every other index change, so an Elasticsearch outage loses nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django_tenants.utils import schema_context

from search.backends import get_backend
from search.indexing import page_event
from search.models import RebuildProgress
from search.outbox import UPSERT, record
from search.questions import site_question_events
from tenants.models import Tenant


class Command(BaseCommand):
    help = "Dựng lại chỉ mục tìm kiếm toàn mạng từ các trang đang đăng (một, vài hoặc mọi trang)."

    def add_arguments(self, parser):
        parser.add_argument("--site", action="append", default=[], help="Mã trang (lặp lại được).")
        parser.add_argument("--batch", type=int, default=200, help="Số trang mỗi giao dịch.")
        parser.add_argument(
            "--fresh", action="store_true", help="Bắt đầu lại từ đầu, bỏ tiến độ đã lưu."
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không ghi gì.")

    def handle(self, *args, site, batch, fresh, dry_run, **options):
        backend = get_backend()
        if backend.name == "elasticsearch" and not dry_run:
            # Create before write: the backend's writes never create the index themselves.
            from search.backends.elastic_index import Lifecycle

            Lifecycle(backend.client).ensure()
        tenants = Tenant.objects.order_by("id")
        if site:
            tenants = tenants.filter(slug__in=site)
            missing = set(site) - set(tenants.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"Không có trang: {', '.join(sorted(missing))}")
        for tenant in tenants:
            self._rebuild(tenant, batch, fresh, dry_run)
        connection.set_schema_to_public()

    def _rebuild(self, tenant, batch_size, fresh, dry_run):
        from wagtail.models import Page

        progress, _created = RebuildProgress.objects.get_or_create(site_id=tenant.pk)
        if fresh or progress.finished:
            progress.last_page_id, progress.finished = 0, False
        with schema_context(tenant.schema_name):
            pages = Page.objects.filter(depth__gt=1).order_by("pk")
            total = pages.count()
            done = pages.filter(pk__lte=progress.last_page_id).count()
            if dry_run:
                self.stdout.write(f"{tenant.slug}: {total} trang (đã xong {done})")
                return
            while True:
                with transaction.atomic():
                    chunk = list(pages.filter(pk__gt=progress.last_page_id)[:batch_size])
                    if not chunk:
                        break
                    record([page_event(page, tenant.pk) for page in chunk])
                    progress.last_page_id = chunk[-1].pk
                    with schema_context("public"):
                        progress.save()
                done += len(chunk)
                self.stdout.write(f"{tenant.slug}: {done}/{total} trang")
            with transaction.atomic():  # citizens' answered questions: a few per site
                questions = site_question_events(tenant.pk)
                record(questions)
            live_ids = list(pages.values_list("pk", flat=True))
            live_ids += [event.page_id for event in questions if event.action == UPSERT]
        get_backend().prune(tenant.pk, live_ids)
        progress.finished = True
        progress.save()
        self.stdout.write(self.style.SUCCESS(f"{tenant.slug}: xong, {total} trang"))
