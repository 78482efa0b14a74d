"""The periodic jobs of the platform, declared here with their schedule, run by the worker.

Nothing goes in cron. Every worker ticks this schedule (``tasks.worker``); a job's *slot* is
the last time it was due (``Every(minutes=5)`` at 10:07 → 10:05; ``Weekly(0, 7)`` on a
Wednesday → last Monday 07:00). The first worker to see a slot inserts its
``PeriodicRun(job, slot)`` row and enqueues the task in the same transaction; the unique key
turns every other worker's insert for that slot into nothing. A slot found later than its
``grace`` (workers down all that time) is skipped, not run late: a reminder about last quarter
is not sent in the middle of this one.

Tasks are named by their dotted path: this module sits below the apps whose tasks it runs
(``pyproject.toml``, import-linter layers) and imports them only when their slot comes.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tenants.utils import get_public_schema_name, schema_context

from tasks.models import PeriodicRun

logger = logging.getLogger("tasks")


@dataclass(frozen=True)
class Every:
    minutes: int

    def slot(self, now: datetime) -> datetime:
        minute_of_day = now.hour * 60 + now.minute
        start = minute_of_day - minute_of_day % self.minutes
        return now.replace(hour=start // 60, minute=start % 60, second=0, microsecond=0)

    @property
    def grace(self) -> timedelta:
        return timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Daily:
    hour: int
    minute: int = 0
    grace: timedelta = timedelta(hours=6)

    def slot(self, now: datetime) -> datetime:
        at = now.replace(hour=self.hour, minute=self.minute, second=0, microsecond=0)
        return at if at <= now else at - timedelta(days=1)


@dataclass(frozen=True)
class Weekly:
    weekday: int  # Monday is 0
    hour: int
    grace: timedelta = timedelta(days=1)

    def slot(self, now: datetime) -> datetime:
        at = now.replace(hour=self.hour, minute=0, second=0, microsecond=0)
        at -= timedelta(days=(now.weekday() - self.weekday) % 7)
        return at if at <= now else at - timedelta(days=7)


@dataclass(frozen=True)
class Quarterly:
    """The first day of January, April, July and October."""

    hour: int
    grace: timedelta = timedelta(days=2)

    def slot(self, now: datetime) -> datetime:
        month = (now.month - 1) // 3 * 3 + 1
        at = now.replace(month=month, day=1, hour=self.hour, minute=0, second=0, microsecond=0)
        if at > now:
            year, month = (at.year, month - 3) if month > 1 else (at.year - 1, 10)
            at = at.replace(year=year, month=month)
        return at


@dataclass(frozen=True)
class Job:
    name: str
    task: str  # dotted path of a django-tasks Task taking no argument
    schedule: Every | Daily | Weekly | Quarterly


JOBS = [
    Job("flush-visits", "reports.tasks.flush_visits_task", Every(minutes=5)),
    Job("search-outbox", "search.tasks.deliver_outbox", Every(minutes=1)),
    Job("spare-schemas", "tenants.tasks.refill_spares", Every(minutes=10)),
    Job("compliance-emails", "reports.tasks.send_compliance_reports", Weekly(0, 7)),
    Job("quota-reminders", "editorial.tasks.send_quota_reminders", Quarterly(7)),
    Job("nightly-backup", "tenants.tasks.backup_every_site", Daily(1, 30)),
    Job("cached-views", "serving.tasks.count_cached_views", Every(minutes=1)),
]


def enqueue_due(now: datetime | None = None, jobs: list[Job] | None = None) -> list[str]:
    """Enqueue each job whose current slot has no run yet; the names of those enqueued."""
    now = timezone.localtime(now)
    enqueued = []
    with schema_context(get_public_schema_name()):
        for job in JOBS if jobs is None else jobs:
            slot = job.schedule.slot(now)
            if now - slot > job.schedule.grace:
                continue
            if _claim_slot(job, slot):
                enqueued.append(job.name)
    return enqueued


def _claim_slot(job: Job, slot: datetime) -> bool:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {PeriodicRun._meta.db_table} (job, slot, task_id, created_at)"  # noqa: S608
            " VALUES (%s, %s, '', now()) ON CONFLICT (job, slot) DO NOTHING RETURNING id",
            [job.name, slot],
        )
        row = cursor.fetchone()
        if row is None:
            return False
        result = import_string(job.task).enqueue()
        PeriodicRun.objects.filter(pk=row[0]).update(task_id=str(result.id))
    logger.info("Periodic job %s enqueued for %s.", job.name, slot)
    return True
