"""Background tasks of the boards: invitations and the quarterly quota reminders."""

import io

from django.core.management import call_command
from django_tasks import task


@task()
def send_quota_reminders() -> str:
    """Quarterly (the first day of a quarter, about the one just ended); one e-mail per unit
    and quarter even if run again."""
    out = io.StringIO()
    call_command("send_quota_reminders", stdout=out)
    return out.getvalue()[-2000:]


@task()
def send_invitation(user_id: int, base_url: str, roles: list[str], key: str) -> bool:
    """E-mail a new board member their one-time link, made here so that it is never stored.
    Runs in the member's site schema (``tasks.backend``)."""
    from editorial.members import send_invitation_now

    return send_invitation_now(user_id, base_url, roles, key)
