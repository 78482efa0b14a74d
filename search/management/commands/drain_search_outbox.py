"""Deliver the outbox to the search backend once, by hand.

The task worker does this continuously (``search.tasks.deliver_outbox``: after a commit whose
immediate delivery failed, retried with backoff, and every minute from ``tasks.periodic``);
after an Elasticsearch outage it delivers, in order, everything published meanwhile.
"""

from django.core.management.base import BaseCommand

from search.outbox import drain, pending


class Command(BaseCommand):
    help = "Đẩy các thay đổi đang chờ trong hàng đợi (outbox) vào chỉ mục tìm kiếm."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500)

    def handle(self, *args, batch, **options):
        delivered = drain(batch_size=batch)
        self.stdout.write(f"Đã cập nhật {delivered}, còn chờ {pending()}.")
