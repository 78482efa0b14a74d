"""The worker: django-tasks-db's, running each task in its site's schema, retrying failures
with backoff, giving interrupted tasks back, and ticking the periodic schedule.

* Schema: ``tasks.backend`` recorded it at enqueue time; the task runs inside it (with the
  site's tenant row on the connection), so Wagtail's own tasks find their rows in the right site.
* Retries: a task that raises is put back in the queue ``RETRY_SECONDS × 2^(n-1)`` later,
  with its error kept on the row, until ``MAX_ATTEMPTS``; then it is marked failed and shows
  in the network console (``tenants.console_tasks``), never silently dropped.
* Interruptions: a worker stopped mid-task (Ctrl+C twice, SIGTERM during shutdown) gives the
  task back as ready instead of the library's "failed". A worker killed outright (SIGKILL, a
  lost machine) leaves its row ``RUNNING``: the next worker started with the same
  ``--worker-id`` takes it back at once, any other after ``LEASE_SECONDS``. Tasks are written
  to be run again (e-mails go through ``tasks.mail.send_once``).
* Schedule: every ``TICK_SECONDS`` the worker enqueues the periodic jobs whose slot has come
  (``tasks.periodic``); a slot's unique row makes it run once however many workers tick.
"""

import logging
import time
from datetime import timedelta
from traceback import format_exception

from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django_tasks.base import TaskContext, TaskResultStatus
from django_tasks.signals import task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tenants.utils import (
    get_public_schema_name,
    get_tenant_model,
    schema_context,
    tenant_context,
)

from tasks.backend import SCHEMA_KEY

logger = logging.getLogger("tasks")

LEASE_SECONDS = 3600  # a RUNNING task older than this whose worker is silent is taken back
TICK_SECONDS = 15


def site_context(schema: str):
    """The site's own tenant row on the connection when there is one (code that reads
    ``connection.tenant`` sees the site, as in its requests), else the bare schema."""
    if schema != get_public_schema_name():
        with schema_context(get_public_schema_name()):
            tenant = get_tenant_model().objects.filter(schema_name=schema).first()
        if tenant is not None:
            return tenant_context(tenant)
    return schema_context(schema)


def retry_delay(backend, attempt: int) -> timedelta:
    return timedelta(seconds=backend.retry_seconds * 2 ** max(0, attempt - 1))


def reclaim_abandoned(worker_id: str | None = None, lease_seconds: int = LEASE_SECONDS) -> int:
    """Put back in the queue the RUNNING tasks whose worker is gone; the number put back.

    Those last claimed by ``worker_id`` (this worker, started again) at once; anyone's after
    the lease.
    """
    cutoff = timezone.now() - timedelta(seconds=lease_seconds)
    reclaimed = 0
    with schema_context(get_public_schema_name()), transaction.atomic():
        running = DBTaskResult.objects.running().select_for_update(skip_locked=True)
        for row in running:
            mine = worker_id is not None and row.worker_ids[-1:] == [worker_id]
            if mine or (row.started_at and row.started_at < cutoff):
                row.status = TaskResultStatus.READY
                row.run_after = timezone.now()
                row.save(update_fields=["status", "run_after"])
                reclaimed += 1
    if reclaimed:
        logger.warning("Took back %d interrupted task(s).", reclaimed)
    return reclaimed


class SiteWorker(Worker):
    def __init__(self, *, tick: bool = True, lease_seconds: int = LEASE_SECONDS, **kwargs):
        super().__init__(**kwargs)
        self.tick = tick
        self.lease_seconds = lease_seconds
        self._last_tick = 0.0

    def run(self) -> None:
        reclaim_abandoned(self.worker_id, self.lease_seconds)
        self._tick()
        # The library's loop, with the schedule ticked between tasks.
        while self.running:
            self._refresh_connections()
            with schema_context(get_public_schema_name()):
                task_result = self._claim_next()
            if task_result is not None:
                self.run_task(task_result)
            elif self.batch:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            self._tick()
            self._refresh_connections()
            if self.running and task_result is None:
                time.sleep(self.interval)

    @staticmethod
    def _refresh_connections() -> None:
        """Drop expired connections between tasks, as a request would (not inside a test's
        transaction, where a worker runs in-process)."""
        if not connection.in_atomic_block:
            close_old_connections()

    def _claim_next(self):
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with transaction.atomic():
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(self.worker_id)
        return task_result

    def _tick(self) -> None:
        if not self.tick or time.monotonic() - self._last_tick < TICK_SECONDS:
            return
        self._last_tick = time.monotonic()
        from tasks import periodic

        try:
            periodic.enqueue_due()
            reclaim_abandoned(None, self.lease_seconds)  # anyone's, after the lease
        except Exception:
            logger.exception("The periodic schedule could not be ticked.")

    def run_task(self, db_task_result: DBTaskResult) -> None:
        schema = db_task_result.args_kwargs.get(SCHEMA_KEY) or get_public_schema_name()
        self.running_task = True
        savepoint = None
        try:
            task = db_task_result.task
            backend = task.get_backend()
            task_result = db_task_result.task_result
            task_started.send(sender=type(backend), task_result=task_result)
            savepoint = transaction.savepoint() if connection.in_atomic_block else None
            with site_context(schema):
                if task.takes_context:
                    value = task.call(
                        TaskContext(task_result=task_result),
                        *task_result.args,
                        **task_result.kwargs,
                    )
                else:
                    value = task.call(*task_result.args, **task_result.kwargs)
            with schema_context(get_public_schema_name()):
                db_task_result.set_successful(value)
            task_finished.send(sender=type(backend), task_result=db_task_result.task_result)
        except (KeyboardInterrupt, SystemExit):
            with schema_context(get_public_schema_name()):
                self._give_back(db_task_result)
            raise
        except Exception as error:
            if savepoint is not None:
                # Only when the worker runs inside a transaction (in-process, in a test): the
                # task's SQL error must not poison it. A worker process runs in autocommit.
                transaction.savepoint_rollback(savepoint)
            with schema_context(get_public_schema_name()):
                self._failed(db_task_result, error)
        finally:
            self.running_task = False
            self._run_tasks += 1

    def _give_back(self, row: DBTaskResult) -> None:
        """Stopped mid-task: the task is ready again and this try does not count."""
        row.status = TaskResultStatus.READY
        row.run_after = timezone.now()
        row.worker_ids = row.worker_ids[:-1]
        try:
            row.save(update_fields=["status", "run_after", "worker_ids"])
        except Exception:  # noqa: BLE001 - the row stays RUNNING: reclaim_abandoned takes it
            logger.exception("Task %s interrupted and could not be given back now.", row.id)
            return
        logger.warning("Task %s (%s) interrupted; given back to the queue.", row.id, row.task_path)

    def _failed(self, row: DBTaskResult, error: Exception) -> None:
        attempt = len(row.worker_ids)
        try:
            backend = row.task.get_backend()
            max_attempts = getattr(backend, "max_attempts", 1)
        except Exception:  # noqa: BLE001 - the task cannot even be loaded: no use retrying
            backend, max_attempts = None, 1
        if attempt < max_attempts:
            row.status = TaskResultStatus.READY
            row.exception_class_path = f"{type(error).__module__}.{type(error).__qualname__}"
            row.traceback = "".join(format_exception(error))
            row.run_after = timezone.now() + retry_delay(backend, attempt)
            row.save(update_fields=["status", "exception_class_path", "traceback", "run_after"])
            logger.warning(
                "Task %s (%s) failed, attempt %d of %d; retried after %s: %r",
                row.id,
                row.task_path,
                attempt,
                max_attempts,
                row.run_after,
                error,
            )
            return
        row.set_failed(error)  # records the error and its traceback
        logger.error(
            "Task %s (%s) gave up after %d attempts: %r", row.id, row.task_path, attempt, error
        )
        try:
            task_finished.send(sender=type(backend), task_result=row.task_result)
        except Exception:  # noqa: BLE001
            logger.exception("Task %s failed and cannot be loaded", row.id)
