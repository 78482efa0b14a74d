"""Create the Elasticsearch index of this deployment, or move it to the current mapping.

Safe to run any number of times and at any moment (``search.backends.elastic_index``): on a
fresh cluster it creates the index with both aliases; with ``--if-missing`` (the docker
worker's start) it stops there; otherwise it builds a new index, points writes at it, copies
the old one in as an Elasticsearch task it polls, and moves reads atomically, then drops what
the copy brought back of entries deleted meanwhile (``search.indexing.prune_every_site``).
Killed midway, it resumes the same migration when run again. The outbox keeps events while
Elasticsearch is unreachable, so running this during an outage loses nothing either.
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.backends.elastic import new_index
from search.backends.elastic_index import IndexProblem, Lifecycle


class Command(BaseCommand):
    help = "Tạo hoặc chuyển chỉ mục Elasticsearch của hệ thống (bí danh đọc/ghi, không gián đoạn)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete-old", action="store_true", help="Xóa chỉ mục cũ sau khi chuyển."
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ in cấu hình chỉ mục.")
        parser.add_argument(
            "--if-missing", action="store_true", help="Chỉ tạo nếu chưa có (không chuyển)."
        )

    def handle(self, *args, delete_old, dry_run, if_missing, **options):
        if dry_run:
            self.stdout.write(json.dumps(new_index().to_dict(), ensure_ascii=False, indent=2))
            return
        if not settings.ELASTICSEARCH_URL:
            raise CommandError(
                "ELASTICSEARCH_URL chưa được đặt: chỉ mục đang nằm trong PostgreSQL."
            )
        from elasticsearch import Elasticsearch

        client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=60)
        lifecycle = Lifecycle(client)
        try:
            before = lifecycle.status()
            name = lifecycle.ensure() if if_missing else lifecycle.migrate()
        except IndexProblem as problem:
            raise CommandError(str(problem)) from problem
        if if_missing and before.read == before.write == [name]:
            self.stdout.write(f"{lifecycle.read_alias} → {name}: đã có, giữ nguyên.")
        else:
            self.stdout.write(
                self.style.SUCCESS(f"{lifecycle.read_alias} và {lifecycle.write_alias} → {name}")
            )
        if before.read and before.read != [name]:  # an old index was copied into this one
            from search.indexing import prune_every_site

            prune_every_site()
            self.stdout.write("Đã bỏ các mục bị xóa trong lúc sao chép.")
        if delete_old:
            for old in lifecycle.delete_old():
                self.stdout.write(f"Đã xóa {old}")
