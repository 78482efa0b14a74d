"""The e-mail a site's chief receives with their one-time link, and the record of each one.

Sent when a site is created (from the console, the CSV import or a command) and when a
network administrator asks for it again from the console; each sending is a ``ChiefEmail``
row, shown on the site's page in the console, so "did the chief get it?" has an answer.
The link itself is never stored: the e-mail is a task (``tenants.tasks.send_chief_email``)
that makes the link when it runs, in the worker, so not even the queue holds it. A failed
sending is recorded and the task retried with backoff; a task run twice sends once.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context

from tasks.mail import send_once
from tenants.building import site_builder
from tenants.models import ChiefEmail, Tenant

logger = logging.getLogger(__name__)


def enqueue_chief_email(tenant: Tenant, *, recipient: str, reason: str, sent_by: str):
    """Queue the chief's e-mail (in the caller's transaction); the task's result."""
    import uuid

    from tenants.tasks import send_chief_email as task

    key = f"chief:{tenant.pk}:{reason}:{uuid.uuid4().hex}"
    return task.enqueue(tenant.pk, recipient, str(reason), sent_by[:150], key)


def send_with_fresh_link(
    tenant: Tenant, recipient: str, *, reason: str, sent_by: str, key: str
) -> bool:
    """Make the chief a fresh one-time link and e-mail it (the task's body)."""
    from django.contrib.auth import get_user_model

    with schema_context(tenant.schema_name):
        user = get_user_model().objects.filter(email__iexact=recipient).first()
        if user is None:
            return False
        builder = site_builder()
        link = builder.set_password_url(user)
        site_url = builder.site_url()
    sent = send_chief_email(
        tenant,
        recipient=recipient,
        site_url=site_url,
        link=link,
        reason=reason,
        sent_by=sent_by,
        key=key,
    )
    if not sent.delivered:
        raise OSError(f"The chief's e-mail to {recipient} could not be sent; retried later.")
    return True


def send_chief_email(
    tenant: Tenant,
    *,
    recipient: str,
    site_url: str,
    link: str,
    reason: str,
    sent_by: str,
    key: str = "",
) -> ChiefEmail:
    """Send the chief their link and record it; a failed sending is recorded, not raised."""
    days = max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)
    subject = (
        _("%(site)s đã được tạo")
        if reason != ChiefEmail.Reason.RESENT
        else _("%(site)s: đặt mật khẩu")
    ) % {"site": tenant.site_title}
    body = _(
        "Chào anh/chị,\n\n"
        "%(site)s đã sẵn sàng tại %(url)s\n"
        "Anh/chị là Trưởng ban Biên tập của trang. Hãy đặt mật khẩu bằng liên kết dưới đây"
        " (chỉ dùng được một lần, trong %(days)s ngày):\n%(link)s\n\n"
        "Tên đăng nhập: %(email)s\nTrang quản trị: %(url)sadmin/\n"
    ) % {"site": tenant.site_title, "url": site_url, "link": link, "days": days, "email": recipient}
    delivered = True
    try:
        if key:
            send_once(key, subject, body, [recipient])
        else:
            send_mail(subject, body, None, [recipient])
    except Exception:  # noqa: BLE001 - the creation stands; the record says it failed
        logger.exception("Could not e-mail the chief of %s", tenant.slug)
        delivered = False
    with schema_context(get_public_schema_name()):
        return ChiefEmail.objects.create(
            tenant=tenant,
            recipient=recipient,
            reason=reason,
            sent_by=sent_by[:150],
            delivered=delivered,
        )


def resend_chief_email(tenant: Tenant, sent_by: str):
    """Queue a fresh link to the last recorded recipient; the task's result, or None if the
    site has no chief on record."""
    from django.contrib.auth import get_user_model

    last = tenant.chief_emails.order_by("-sent_at").first()
    if last is None:
        return None
    with schema_context(tenant.schema_name):
        if not get_user_model().objects.filter(email__iexact=last.recipient).exists():
            return None
    return enqueue_chief_email(
        tenant, recipient=last.recipient, reason=ChiefEmail.Reason.RESENT, sent_by=sent_by
    )
