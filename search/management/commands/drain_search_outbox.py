"""Deliver the outbox to the search backend: once, or as a worker that keeps running.

With Elasticsearch this is the worker (docker/compose.yaml runs it): after an outage it
delivers, in order, everything published meanwhile. With PostgreSQL events are applied at
publish time and this only catches up what failed then.
"""

import time

from django.core.management.base import BaseCommand

from search.outbox import drain, pending


class Command(BaseCommand):
    help = "Đẩy các thay đổi đang chờ trong hàng đợi (outbox) vào chỉ mục tìm kiếm."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Chạy liên tục (tiến trình nền).")
        parser.add_argument("--interval", type=float, default=1.0, help="Giây giữa hai lần.")
        parser.add_argument("--batch", type=int, default=500)

    def handle(self, *args, loop, interval, batch, **options):
        while True:
            delivered = drain(batch_size=batch)
            if delivered or not loop:
                self.stdout.write(f"Đã cập nhật {delivered}, còn chờ {pending()}.")
            if not loop:
                return
            time.sleep(interval)
