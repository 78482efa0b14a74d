"""What the task runner keeps beside django-tasks-db's own result rows (public schema).

* ``PeriodicRun``: one row per periodic job and time slot. The unique key is what makes a
  slot run once, whatever the number of workers ticking the schedule at the same moment.
* ``SentEmail``: one row per e-mail a task has sent, under a key the task chose (job, slot,
  site, recipient). A task that runs again after a retry or a killed worker skips what it
  finds here, so nobody receives the same e-mail twice.
* ``TaskProgress``: how far a long task has come (the console's import screen reads it).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicRun(models.Model):
    job = models.CharField(_("công việc"), max_length=100)
    slot = models.DateTimeField(_("lượt"))
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="one_run_per_slot")]
        ordering = ["-slot"]

    def __str__(self):
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"


class SentEmail(models.Model):
    key = models.CharField(max_length=300, unique=True)
    recipients = models.TextField(blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key


class TaskProgress(models.Model):
    task_id = models.CharField(max_length=64, primary_key=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    note = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.task_id}: {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0
