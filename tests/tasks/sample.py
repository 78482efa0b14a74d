"""Tasks the tests enqueue: importable by path, as the worker needs."""

from django.db import connection
from django_tasks import task

from tasks.mail import send_once

CALLS: list[str] = []
FAIL_TIMES = {"n": 0}
STOP_AFTER = {"n": None}


@task()
def where_am_i() -> str:
    CALLS.append(connection.schema_name)
    return connection.schema_name


@task()
def fails_a_few_times() -> str:
    CALLS.append("try")
    if FAIL_TIMES["n"] > 0:
        FAIL_TIMES["n"] -= 1
        raise RuntimeError("Máy chủ thư không trả lời")
    return "ok"


@task()
def mail_everyone(recipients: list[str]) -> int:
    """E-mails each recipient once; STOP_AFTER simulates the worker stopped mid-task."""
    sent = 0
    for n, address in enumerate(recipients):
        if STOP_AFTER["n"] is not None and n == STOP_AFTER["n"]:
            STOP_AFTER["n"] = None
            raise KeyboardInterrupt
        sent += send_once(f"test:{address}", "Thông báo", "Nội dung", [address])
    return sent
