"""``manage.py db_worker``: django-tasks-db's command, running ``tasks.worker.SiteWorker``.

Same options as the library's (queues, ``--interval``, ``--batch``, ``--max-tasks``,
``--worker-id``…) plus ``--no-schedule`` for a worker that does not tick the periodic jobs.
Give each worker a stable ``--worker-id`` (scripts/up and docker/compose.yaml do) so that one
restarted after a crash takes back at once the task it was running.
"""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from tasks.worker import SiteWorker


class Command(db_worker.Command):
    help = "Chạy tiến trình xử lý tác vụ nền (mỗi tác vụ trong lược đồ của trang đã tạo ra nó)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="Không đưa các công việc định kỳ vào hàng đợi.",
        )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        schedule=True,
        **options,
    ):
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        worker = SiteWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
            tick=schedule,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
