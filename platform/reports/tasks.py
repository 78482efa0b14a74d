"""Background tasks of the reports: visit flushes and the weekly compliance e-mails.

Scheduled in ``tasks.periodic`` and run by ``manage.py db_worker``.
"""

import io

from django.core.management import call_command
from django_tasks import task


@task()
def flush_visits_task() -> int:
    """Every few minutes: the page views counted in the cache into the daily tables."""
    from reports.visits import flush_visits

    return flush_visits()


@task()
def send_compliance_reports() -> str:
    """Weekly: every board its gaps, one e-mail per site and week even if run again."""
    out = io.StringIO()
    call_command("send_compliance_reports", stdout=out)
    return out.getvalue()[-2000:]
