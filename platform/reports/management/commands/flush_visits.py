"""Move the page views counted in the cache into the daily visit tables (run by cron)."""

from django.core.management.base import BaseCommand

from reports.visits import flush_visits


class Command(BaseCommand):
    help = "Ghi số lượt truy cập đang đếm trong bộ nhớ đệm vào bảng lượt truy cập theo ngày."

    def handle(self, *args, **options):
        moved = flush_visits()
        self.stdout.write(f"Đã ghi {moved} lượt truy cập.")
