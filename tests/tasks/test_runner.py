"""The task runner (issue 21): the real database backend and the real worker loop, in-process.

Each test enqueues through ``tasks.backend.SiteDatabaseBackend`` and runs
``tasks.worker.SiteWorker`` until nothing is ready, inside the test's transaction.
"""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tenants.utils import schema_context

from tasks import periodic
from tasks.models import PeriodicRun
from tasks.worker import reclaim_abandoned
from tenants.models import Tenant
from tests.factories import commune
from tests.tasks import sample
from tests.tasks.conftest import run_worker


@pytest.fixture
def network(db, demo_network):
    return {slug: Tenant.objects.get(pk=t.pk) for slug, t in demo_network.items()}


def test_a_task_runs_in_the_schema_it_was_enqueued_from(db_tasks, network):
    site = commune(network["dakdoa"], "Xã Tác Vụ")
    with schema_context(site.schema_name):
        sample.where_am_i.enqueue()
    sample.where_am_i.enqueue()  # from the public schema
    assert connection.schema_name == "public"
    run_worker()
    assert sorted(sample.CALLS) == sorted([site.schema_name, "public"])
    assert DBTaskResult.objects.successful().count() == 2


def test_wagtails_own_reference_index_task_runs_in_the_site_it_came_from(db_tasks, network):
    """Wagtail enqueues ``update_reference_index_task`` with a page's key only: it must run in
    that page's site, not in the worker's public schema."""
    from wagtail.models import Page, ReferenceIndex

    site = commune(network["dakdoa"], "Xã Chỉ Mục")
    with schema_context(site.schema_name):
        page = Page.objects.filter(depth=2).first().specific
        ReferenceIndex.objects.all().delete()
        page.save()
        row = DBTaskResult.objects.get(task_path="wagtail.tasks.update_reference_index_task")
        assert row.args_kwargs["schema"] == site.schema_name
        assert row.args_kwargs["args"][2] == str(page.pk)
    # The same task enqueued without the site (what a worker did before): it cannot work.
    from wagtail.tasks import update_reference_index_task

    lost = update_reference_index_task.enqueue(*row.args_kwargs["args"])
    run_worker()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL, row.traceback
    assert DBTaskResult.objects.get(pk=lost.id).status == TaskResultStatus.READY  # retried
    assert "does not exist" in DBTaskResult.objects.get(pk=lost.id).traceback


def test_a_failing_task_is_retried_with_backoff_then_shown_failed(db_tasks, network):
    sample.FAIL_TIMES["n"] = 5  # more than the three attempts allowed
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        result = sample.fails_a_few_times.enqueue()
        run_worker()
        row = DBTaskResult.objects.get(pk=result.id)
        assert row.status == TaskResultStatus.READY  # waiting for its second try
        assert row.run_after == start + timedelta(seconds=30)
        assert "Máy chủ thư không trả lời" in row.traceback
        run_worker()  # too early: nothing is ready
        assert sample.CALLS == ["try"]
        clock.shift(31)
        run_worker()
        row.refresh_from_db()
        assert row.run_after == start + timedelta(seconds=31 + 60)  # doubled
        clock.shift(61)
        run_worker()
    row.refresh_from_db()
    assert sample.CALLS == ["try", "try", "try"]
    assert row.status == TaskResultStatus.FAILED
    assert row.exception_class_path == "builtins.RuntimeError"

    from tests.tenants.test_console import _login

    page = _login(network["dakdoa"]).get("/admin/trang-thanh-vien/tac-vu/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'data-task="{row.id}"' in html
    assert "RuntimeError: Máy chủ thư không trả lời" in html


def test_a_task_that_succeeds_on_its_second_try_is_done(db_tasks):
    sample.FAIL_TIMES["n"] = 1
    with time_machine.travel(timezone.now(), tick=False) as clock:
        result = sample.fails_a_few_times.enqueue()
        run_worker()
        clock.shift(31)
        run_worker()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.SUCCESSFUL and row.return_value == "ok"
    assert len(row.worker_ids) == 2


def test_a_worker_stopped_mid_task_gives_it_back_and_no_email_goes_twice(db_tasks):
    recipients = ["a@xa.gov.vn", "b@xa.gov.vn", "c@xa.gov.vn"]
    mail.outbox.clear()
    result = sample.mail_everyone.enqueue(recipients)
    sample.STOP_AFTER["n"] = 2  # Ctrl+C while the third e-mail is due
    with pytest.raises(KeyboardInterrupt):
        run_worker()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.READY and row.worker_ids == []  # not lost
    assert [m.to for m in mail.outbox] == [["a@xa.gov.vn"], ["b@xa.gov.vn"]]
    run_worker(worker_id="worker-2")
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert sorted(m.to[0] for m in mail.outbox) == recipients  # each once


def test_a_killed_workers_task_is_taken_back_by_it_at_once_and_by_others_after_the_lease(
    db_tasks,
):
    """SIGKILL leaves the row RUNNING: the same worker id restarted takes it back at once."""
    mail.outbox.clear()
    result = sample.mail_everyone.enqueue(["a@xa.gov.vn"])
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim("worker-1")  # ...and the process was killed here
    run_worker(worker_id="worker-2")
    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING  # another worker leaves it alone
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert reclaim_abandoned(None) == 1  # the lease is over
    row.status = TaskResultStatus.RUNNING
    row.save(update_fields=["status"])
    run_worker(worker_id="worker-1")  # restarted
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert [m.to for m in mail.outbox] == [["a@xa.gov.vn"]]


def test_a_periodic_slot_runs_once_however_many_workers_tick(db_tasks):
    jobs = [periodic.Job("every-five", "tests.tasks.sample.where_am_i", periodic.Every(5))]
    at = timezone.make_aware(timezone.datetime(2026, 3, 2, 10, 7))
    assert periodic.enqueue_due(at, jobs) == ["every-five"]
    assert periodic.enqueue_due(at + timedelta(minutes=2), jobs) == []  # same slot, 10:05
    assert periodic.enqueue_due(at, jobs) == []  # a second worker at the same moment
    assert periodic.enqueue_due(at + timedelta(minutes=3), jobs) == ["every-five"]  # 10:10
    slots = PeriodicRun.objects.filter(job="every-five").order_by("slot")
    assert [timezone.localtime(r.slot).strftime("%H:%M") for r in slots] == ["10:05", "10:10"]
    assert DBTaskResult.objects.filter(task_path="tests.tasks.sample.where_am_i").count() == 2
    run_worker()
    assert sample.CALLS == ["public", "public"]


def test_the_schedules_slots(db_tasks):
    at = timezone.make_aware(timezone.datetime(2026, 4, 15, 9, 30))  # a Wednesday
    assert periodic.Weekly(0, 7).slot(at) == timezone.make_aware(timezone.datetime(2026, 4, 13, 7))
    assert periodic.Quarterly(7).slot(at) == timezone.make_aware(timezone.datetime(2026, 4, 1, 7))
    early = timezone.make_aware(timezone.datetime(2026, 1, 1, 6))
    assert periodic.Quarterly(7).slot(early) == timezone.make_aware(
        timezone.datetime(2025, 10, 1, 7)
    )
    assert periodic.Daily(1, 30).slot(at) == timezone.make_aware(
        timezone.datetime(2026, 4, 15, 1, 30)
    )
    # Workers down for the whole grace period: last quarter's reminders are not sent late.
    jobs = [periodic.Job("q", "tests.tasks.sample.where_am_i", periodic.Quarterly(7))]
    assert periodic.enqueue_due(at, jobs) == []


def test_every_declared_periodic_job_names_a_task():
    from django.utils.module_loading import import_string
    from django_tasks.base import Task

    for job in periodic.JOBS:
        assert isinstance(import_string(job.task), Task), job.name


def test_the_db_worker_command_runs_the_site_worker(db_tasks, network):
    import io
    import signal

    from django.core.management import call_command

    site = commune(network["dakdoa"], "Xã Lệnh")
    with schema_context(site.schema_name):
        sample.where_am_i.enqueue()
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command(
            "db_worker", "--batch", "--no-startup-delay", "--no-schedule", stdout=io.StringIO()
        )
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    ran_in = list(sample.CALLS)
    assert ran_in == [site.schema_name]
