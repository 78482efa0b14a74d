"""Create (or migrate to) the Elasticsearch index of this deployment, without downtime.

A new concrete index ``<deployment>-search-<timestamp>`` gets the current mapping. The write
alias moves to it first, so pages published meanwhile land there; the old index is then copied
in (existing newer documents win); finally the read alias moves, atomically. With no index
yet, the new one simply gets both aliases. The outbox keeps events while Elasticsearch is
unreachable, so running this during an outage loses nothing either.
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.backends.elastic import alias_names, new_index


class Command(BaseCommand):
    help = "Tạo hoặc chuyển chỉ mục Elasticsearch của hệ thống (bí danh đọc/ghi, không gián đoạn)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete-old", action="store_true", help="Xóa chỉ mục cũ sau khi chuyển."
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ in cấu hình chỉ mục.")
        parser.add_argument(
            "--if-missing", action="store_true", help="Không làm gì nếu chỉ mục đã có."
        )

    def handle(self, *args, delete_old, dry_run, if_missing, **options):
        index = new_index()
        if dry_run:
            self.stdout.write(json.dumps(index.to_dict(), ensure_ascii=False, indent=2))
            return
        if not settings.ELASTICSEARCH_URL:
            raise CommandError(
                "ELASTICSEARCH_URL chưa được đặt: chỉ mục đang nằm trong PostgreSQL."
            )
        from elasticsearch import Elasticsearch

        client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=60)
        read, write = alias_names()
        old = sorted(client.indices.get_alias(name=read, ignore_unavailable=True) or {})
        if old and if_missing:
            self.stdout.write(f"{read} → {', '.join(old)}: đã có, giữ nguyên.")
            return
        index.create(using=client)
        self.stdout.write(f"Đã tạo {index._name}")
        actions = [{"remove": {"index": name, "alias": write}} for name in old]
        client.indices.update_aliases(
            actions=[*actions, {"add": {"index": index._name, "alias": write}}]
        )
        for name in old:
            client.reindex(
                source={"index": name},
                dest={"index": index._name, "op_type": "create"},
                conflicts="proceed",
                wait_for_completion=True,
                refresh=True,
            )
            self.stdout.write(f"Đã chép {name} → {index._name}")
        actions = [{"remove": {"index": name, "alias": read}} for name in old]
        client.indices.update_aliases(
            actions=[*actions, {"add": {"index": index._name, "alias": read}}]
        )
        self.stdout.write(self.style.SUCCESS(f"{read} và {write} → {index._name}"))
        if delete_old:
            for name in old:
                client.indices.delete(index=name)
                self.stdout.write(f"Đã xóa {name}")
