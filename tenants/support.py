"""Support access: a network administrator enters a member site's admin without a password.

The parent portal's console issues a random token valid once for a few minutes; the member
site exchanges it for a session of a support account named after the administrator, and both
sides keep a record (``SupportGrant`` in the public schema, Wagtail's audit log in both sites).

The token is never in a URL (issue 14: a link previewer spent it with a HEAD request, and the
access log kept it whole). It travels in POST bodies only:

1. the console's "open" button (a CSRF-protected POST in the administrator's parent-portal
   session) issues the grant and answers with a form aimed at the member's ``/ho-tro/``,
   the token in a hidden field: only that administrator's browser ever holds it;
2. the member answers that POST (CSRF-exempt: it changes nothing, the token is the
   credential) with a confirmation page naming who asked, whose form carries the member's
   own CSRF token;
3. only that confirmation, POSTed, spends the token and opens the session.

A GET of ``/ho-tro/`` only explains where to start. Wrong tokens count as failed logins
(``tenants.throttling``). The session is marked as a support session: every admin page of
the member shows "Phiên hỗ trợ của … — kết thúc" (``wagtailadmin/base.html``), and ending it
is logged on both sides. It lasts at most ``SESSION_LIFETIME``.
"""

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model, login, logout
from django.db import transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django_tenants.utils import schema_context
from wagtail.log_actions import log

from tenants import throttling
from tenants.models import SupportGrant, Tenant

LIFETIME = timedelta(minutes=5)
SESSION_LIFETIME = timedelta(hours=2)
LOG_ACTION = "portal.support_login"
END_ACTION = "portal.support_end"
SESSION_KEY = "portal_support"
THROTTLE_NAME = "support"
PATH = "/ho-tro/"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def grant(tenant: Tenant, granted_by: str) -> str:
    """Issue a token for ``tenant``; return it (to be POSTed to the member's ``PATH``)."""
    token = secrets.token_urlsafe(32)
    SupportGrant.objects.create(
        tenant=tenant,
        granted_by=granted_by[:150],
        token_hash=_hash(token),
        expires_at=timezone.now() + LIFETIME,
    )
    return token


def _open_grant(request, token: str, *, lock=False):
    grants = SupportGrant.objects.filter(
        token_hash=_hash(token or ""),
        tenant=request.tenant,
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    if lock:
        grants = grants.select_for_update()
    return grants.first()


def _invalid(request):
    throttling.record_failure(request, THROTTLE_NAME)
    if throttling.is_locked(request, THROTTLE_NAME):
        return throttling.lockout_response(request, credentials={"username": THROTTLE_NAME})
    return TemplateResponse(
        request, "tenants/support_invalid.html", {"tenant": request.tenant}, status=403
    )


def _parent_log(member: Tenant, granted_by: str, action: str) -> None:
    """The same event in the parent portal's audit log, on the administrator's account."""
    if member.parent is None:
        return
    username = granted_by.rsplit("@", 1)[0]
    with schema_context(member.parent.schema_name):
        admin = get_user_model().objects.filter(username=username).first()
        if admin is not None:
            log(instance=admin, action=action, user=admin, data={"site": member.name})


@never_cache
@csrf_exempt
def support_login(request):
    """Member-site view of steps 2 and 3 (see the module's docstring)."""
    if request.method in ("GET", "HEAD"):
        return TemplateResponse(request, "tenants/support_start.html", {"tenant": request.tenant})
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    if throttling.is_locked(request, THROTTLE_NAME):
        return throttling.lockout_response(request, credentials={"username": THROTTLE_NAME})
    token = request.POST.get("token", "")
    if request.POST.get("confirm"):
        return _confirmed(request, token)
    entry = _open_grant(request, token)
    if entry is None:
        return _invalid(request)
    return TemplateResponse(
        request,
        "tenants/support_confirm.html",
        {"tenant": request.tenant, "granted_by": entry.granted_by, "token": token},
    )


@csrf_protect
def _confirmed(request, token):
    with transaction.atomic():
        entry = _open_grant(request, token, lock=True)
        if entry is None:
            return _invalid(request)
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
    request.session[SESSION_KEY] = {"granted_by": entry.granted_by, "grant": entry.pk}
    request.session.set_expiry(int(SESSION_LIFETIME.total_seconds()))
    log(instance=user, action=LOG_ACTION, user=user, data={"granted_by": entry.granted_by})
    _parent_log(request.tenant, entry.granted_by, LOG_ACTION)
    return HttpResponseRedirect("/admin/")


def end_support(request):
    """Member-site view: the banner's "kết thúc" (POST, CSRF-protected) ends the session."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    session = request.session.get(SESSION_KEY)
    if session and request.user.is_authenticated:
        log(
            instance=request.user,
            action=END_ACTION,
            user=request.user,
            data={"granted_by": session["granted_by"]},
        )
        _parent_log(request.tenant, session["granted_by"], END_ACTION)
    logout(request)
    return TemplateResponse(request, "tenants/support_ended.html", {"tenant": request.tenant})
