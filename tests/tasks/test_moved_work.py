"""The work moved out of threads, cron lines and requests (issue 21), run by the real worker on
the database backend: visit flushes on their schedule, the chief's e-mail, a console import."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from reports.network.models import DailyVisit
from tasks.models import PeriodicRun, TaskProgress
from tenants.models import ChiefEmail, Tenant
from tests.conftest import site_client
from tests.factories import commune
from tests.tasks.conftest import run_worker

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"


@pytest.fixture
def network(db, demo_network):
    return {slug: Tenant.objects.get(pk=t.pk) for slug, t in demo_network.items()}


def test_the_worker_flushes_visits_on_its_schedule_once_per_slot(db_tasks, network):
    caches["visits"].clear()
    site = commune(network["dakdoa"], "Xã Lượt Xem", chief_email="")
    client = site_client(site, HTTP_USER_AGENT=BROWSER)
    # A Thursday noon: the flush, the outbox and the spares are due; backups, compliance
    # e-mails and reminders are past their slot's grace.
    thursday = timezone.make_aware(timezone.datetime(2026, 12, 3, 12, 1))
    with time_machine.travel(thursday, tick=False) as clock:
        for _ in range(3):
            assert client.get("/").status_code == 200
        assert not DailyVisit.objects.filter(tenant=site).exists()  # not written by a request
        run_worker(tick=True)  # ticks the schedule: every due job, the flush among them
        assert DailyVisit.objects.get(tenant=site).views == 3
        assert client.get("/").status_code == 200
        run_worker(tick=True, worker_id="worker-2")  # same slot: no second flush
        assert DailyVisit.objects.get(tenant=site).views == 3
        clock.shift(timedelta(minutes=5))
        run_worker(tick=True)
    assert DailyVisit.objects.get(tenant=site).views == 4
    assert PeriodicRun.objects.filter(job="flush-visits").count() == 2


def test_the_chiefs_email_is_a_task_sent_once_even_when_run_again(db_tasks, network):
    mail.outbox.clear()
    site = commune(network["dakdoa"], "Xã Thư Mời", chief_email="truong@xathumoi.gov.vn")
    assert mail.outbox == []  # queued with the site, not sent in the request
    row = DBTaskResult.objects.get(task_path="tenants.tasks.send_chief_email")
    assert "password" not in str(row.args_kwargs) and "/admin/" not in str(row.args_kwargs)
    run_worker()
    assert [m.to for m in mail.outbox] == [["truong@xathumoi.gov.vn"]]
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body
    # The worker died after sending but before marking the task done: it runs again.
    row.refresh_from_db()
    row.status = TaskResultStatus.READY
    row.save(update_fields=["status"])
    run_worker()
    assert len(mail.outbox) == 1
    assert ChiefEmail.objects.filter(tenant=site, delivered=True).count() == 1


def test_a_console_import_runs_as_a_task_and_shows_its_progress(db_tasks, network):
    from tests.tenants.test_console import CONSOLE, _login

    client = _login(network["dakdoa"])
    upload = SimpleUploadedFile(
        "xa.csv",
        "ten_don_vi,cap\nXã Ia Nhập,xã\nXã Kon Nhập,xã\n".encode(),
        content_type="text/csv",
    )
    client.post(CONSOLE + "nhap-csv/", {"csv_file": upload, "approval_steps": "2"})
    waiting = client.post(CONSOLE + "nhap-csv/", {"confirm": "1", "approval_steps": "2"})
    assert waiting.status_code == 200
    assert "Việc nhập đang chờ được xử lý" in waiting.content.decode()
    assert not Tenant.objects.filter(name="Xã Ia Nhập").exists()  # not in the request
    row = DBTaskResult.objects.get(task_path="tenants.tasks.import_sites")
    assert row.args_kwargs["schema"] == network["dakdoa"].schema_name
    run_worker()
    assert Tenant.objects.filter(name__in=["Xã Ia Nhập", "Xã Kon Nhập"]).count() == 2
    report = TaskProgress.objects.get(task_id=str(row.id))
    assert (report.done, report.total) == (2, 2)
    done = client.get(f"{CONSOLE}nhap-csv/{row.id}/").content.decode()
    assert done.count("Đã tạo") == 2 and 'http-equiv="refresh"' not in done


def test_the_weekly_compliance_emails_go_once_per_site_and_week_however_often_run(
    db_tasks, network
):
    from reports.tasks import send_compliance_reports

    site = commune(network["dakdoa"], "Xã Tuân Thủ", chief_email="truong@xatuanthu.gov.vn")
    run_worker()  # the chief's invitation
    mail.outbox.clear()
    first, again = send_compliance_reports.enqueue(), send_compliance_reports.enqueue()
    run_worker()
    for result in (first, again):
        row = DBTaskResult.objects.get(pk=result.id)
        assert row.status == TaskResultStatus.SUCCESSFUL, row.traceback
    to_site = [m for m in mail.outbox if m.to == ["truong@xatuanthu.gov.vn"]]
    assert len(to_site) == 1 and site.site_title in to_site[0].subject
    subjects = [m.subject for m in mail.outbox]
    assert len(subjects) == len(set(subjects))  # one e-mail per site
