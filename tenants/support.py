"""Support access: a network administrator enters a member site's admin without a password.

The parent portal's console issues a random token valid once for a few minutes; the member
site exchanges it for a session of a support account named after the administrator, and both
sides keep a record (``SupportGrant`` in the public schema, Wagtail's audit log in the site).
"""

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model, login
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.log_actions import log

from tenants.models import SupportGrant, Tenant

LIFETIME = timedelta(minutes=5)
LOG_ACTION = "portal.support_login"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def grant(tenant: Tenant, granted_by: str) -> str:
    """Issue a token for ``tenant``; return the path to open on the member site."""
    token = secrets.token_urlsafe(32)
    SupportGrant.objects.create(
        tenant=tenant,
        granted_by=granted_by[:150],
        token_hash=_hash(token),
        expires_at=timezone.now() + LIFETIME,
    )
    return f"/ho-tro/{token}/"


def support_login(request, token: str):
    """Member-site view: spend the token and log in as the support account."""
    with transaction.atomic():
        entry = (
            SupportGrant.objects.select_for_update()
            .filter(token_hash=_hash(token), tenant=request.tenant)
            .first()
        )
        if entry is None or entry.used_at or entry.expires_at < timezone.now():
            return TemplateResponse(
                request, "tenants/support_invalid.html", {"tenant": request.tenant}, status=403
            )
        entry.used_at = timezone.now()
        entry.save(update_fields=["used_at"])
    username = f"hotro.{entry.granted_by}"[:150]
    user, _created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"is_staff": True, "is_superuser": True, "first_name": "Hỗ trợ"},
    )
    user.set_unusable_password()  # only ever entered through a grant
    user.save()
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    log(instance=user, action=LOG_ACTION, user=user, data={"granted_by": entry.granted_by})
    return HttpResponseRedirect("/admin/")
