"""The database task backend, made to carry the site: every task runs in the schema it was
enqueued from.

django-tasks-db stores a task's arguments as JSON and a worker runs it in whatever schema its
connection happens to be in: the public one. Wagtail enqueues its own tasks (reference index,
search index) from a site's request, with a page's primary key only, so in the worker they
would look that key up in the wrong site. The schema is recorded here, at enqueue time, next
to the arguments (``args_kwargs["schema"]``, which the library ignores), and ``tasks.worker``
sets it before calling the task. Tasks of ours and Wagtail's alike, with no change to them.
"""

from django.db import connection
from django_tasks.utils import normalize_json
from django_tasks_db.backend import DatabaseBackend

SCHEMA_KEY = "schema"


def current_schema() -> str:
    return getattr(connection, "schema_name", "public")


class SiteDatabaseBackend(DatabaseBackend):
    """``DatabaseBackend`` whose rows also hold the enqueuing connection's schema.

    OPTIONS: ``MAX_ATTEMPTS`` (default 5) and ``RETRY_SECONDS`` (first delay, doubled at each
    attempt; default 30) are read by the worker.
    """

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self.max_attempts = int(self.options.get("MAX_ATTEMPTS", 5))
        self.retry_seconds = float(self.options.get("RETRY_SECONDS", 30))

    def _task_to_db_task(self, task, args, kwargs):
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.create(**self._row(task, args, kwargs))

    async def _atask_to_db_task(self, task, args, kwargs):
        from django_tasks_db.models import DBTaskResult

        return await DBTaskResult.objects.acreate(**self._row(task, args, kwargs))

    def _row(self, task, args, kwargs) -> dict:
        return {
            "id": self._get_id(),
            "args_kwargs": normalize_json(
                {"args": args, "kwargs": kwargs, SCHEMA_KEY: current_schema()}
            ),
            "priority": task.priority,
            "task_path": task.module_path,
            "queue_name": task.queue_name,
            "run_after": task.run_after,
            "backend_name": self.alias,
        }
