"""E-mail sent by tasks, at most once per key, however often the task runs.

A task may run again: retried after an error, or given back after its worker was stopped. Each
e-mail it sends is keyed (job, slot or period, site, recipient), and ``send_once`` writes the
key's ``SentEmail`` row in the same transaction as the sending: an e-mail whose row committed
is never sent again; one that failed leaves no row, so the next try sends it. Only a worker
killed in the few milliseconds between the mail server's acceptance and the commit can send
one twice.
"""

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django_tenants.utils import get_public_schema_name, schema_context

from tasks.models import SentEmail


def already_sent(key: str) -> bool:
    with schema_context(get_public_schema_name()):
        return SentEmail.objects.filter(key=key).exists()


def send_once(key: str, subject: str, body: str, recipients: list[str]) -> bool:
    """Send unless ``key`` was sent before; True if sent now."""
    with schema_context(get_public_schema_name()):
        try:
            with transaction.atomic():
                SentEmail.objects.create(key=key[:300], recipients=", ".join(recipients))
                send_mail(subject, body, None, recipients)
        except IntegrityError:
            return False
    return True
