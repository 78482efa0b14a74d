"""Login throttling (django-axes): per site, per user name and client address.

Three doors take a secret: the admin's login, the password form of a protected page and the
support link. After ``AXES_FAILURE_LIMIT`` wrong tries from one address for one name on one
site, that door stays shut for ``AXES_COOLOFF_TIME``; the visitor reads why and for how long,
in Vietnamese. A network administrator opens it again (the console's "Đăng nhập bị khóa", or
``manage.py unlock_logins``).

Where the attempts live: axes is a **shared app**, its rows are in the public schema, and the
site is part of the lockout key: the name axes stores is ``<schema>:<user name>``
(``site_username``). Per site schemas would have put axes' tables in a thousand schemas
(each migration of axes run a thousand times) and left the network's console, which runs
in the parent portal's schema, unable to see or lift a member's lockout without visiting
each schema; one table keyed by site keeps "admin" of Ia Băng and "admin" of Hà Bầu apart
all the same. Successful logins are not logged (``AXES_DISABLE_ACCESS_LOG``): addresses of
officials are kept only while they matter for a lockout.

The page password and support forms are not Django authentications, so their views report
their failures through Django's ``user_login_failed`` signal, as axes asks of custom forms,
under a pseudo user name (``page-<restriction>``, ``support``).
"""

from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail import views as wagtail_views

from portal.clients import client_address

SEPARATOR = ":"


def site_username(request, credentials) -> str:
    """``AXES_USERNAME_CALLABLE``: the name axes counts failures for, the site included."""
    name = (credentials or {}).get("username")
    if name is None and request is not None:
        name = request.POST.get("username", "")
    return f"{connection.schema_name}{SEPARATOR}{name or ''}"[:255]


def client_ip(request) -> str | None:
    """``AXES_CLIENT_IP_CALLABLE``: the same rule as the public forms' limits."""
    return client_address(request)


def wait_left(request, credentials) -> timedelta:
    """How long until the door opens again: the newest failure plus the cool-off."""
    cool_off = get_cool_off(request) or timedelta(0)
    latest = (
        AccessAttempt.objects.filter(
            username=site_username(request, credentials), ip_address=client_ip(request)
        )
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    )
    if latest is None:
        return cool_off
    return max(latest + cool_off - timezone.now(), timedelta(0))


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: a page that says why and for how long (HTTP 429)."""
    minutes = max(1, -(-int(wait_left(request, credentials).total_seconds()) // 60))
    # Rendered here: axes' middleware hands this response on after the view's was rendered,
    # so a lazy TemplateResponse never would be.
    html = render_to_string("tenants/locked_out.html", {"minutes": minutes}, request=request)
    return HttpResponse(html, status=429)


def is_locked(request, username: str) -> bool:
    return not AxesProxyHandler.is_allowed(request, {"username": username})


def record_failure(request, username: str) -> None:
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)


def page_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form of a protected page, throttled like a login.

    Wagtail's view is kept and wrapped (it has no hook): a locked-out client gets the lockout
    page; a wrong password (the form shown again) counts as a failed login.
    """
    credentials = f"page-{page_view_restriction_id}"
    if request.method == "POST" and is_locked(request, credentials):
        return lockout_response(request, credentials={"username": credentials})
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code == 200:
        record_failure(request, credentials)
        if is_locked(request, credentials):
            return lockout_response(request, credentials={"username": credentials})
    return response


def unlock(*, schema: str | None = None, username: str | None = None) -> int:
    """Lift lockouts of one site (and one name); returns how many records went."""
    attempts = AccessAttempt.objects.all()
    if schema:
        prefix = f"{schema}{SEPARATOR}"
        attempts = (
            attempts.filter(username=prefix + username)
            if username
            else attempts.filter(username__startswith=prefix)
        )
    count, _ = attempts.delete()
    return count


def lockouts(schemas) -> list[dict]:
    """Current lockouts of the given sites, newest first, for the console."""
    rows = []
    attempts = AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME,
    ).order_by("-attempt_time")
    for attempt in attempts:
        schema, _, name = attempt.username.partition(SEPARATOR)
        if schema in schemas:
            rows.append(
                {
                    "schema": schema,
                    "username": name,
                    "ip_address": attempt.ip_address,
                    "attempt_time": attempt.attempt_time,
                    "failures": attempt.failures_since_start,
                }
            )
    return rows
