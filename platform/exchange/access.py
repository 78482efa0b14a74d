"""Who may use the exchange screens: a site's chief and deputy (and its superusers).

Checked at runtime by group membership, by the group names of ``editorial.roles``, rather
than by a permission granted to the groups: the roles' permissions are declared in
``editorial.roles`` and built into the template site, which this feature does not change
(the report proposes the permission each role should get when the roles are next rebuilt).
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from editorial.roles import CHIEF, DEPUTY
from portal.groups import in_any_group
from tenants.models import Tenant

BOARD_GROUPS = (CHIEF.group_name, DEPUTY.group_name)


def current_site() -> Tenant | None:
    tenant = getattr(connection, "tenant", None)
    return tenant if isinstance(tenant, Tenant) else None


def is_board(user) -> bool:
    """The chief or deputy of the current site (users exist per site, so membership of the
    site's own groups is membership of this site's board)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return in_any_group(user, BOARD_GROUPS)


def board_required(view):
    """The view is the board's: anyone else (other roles, anonymous users never get here:
    Wagtail's admin URLs require a login first) gets 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if current_site() is None or not is_board(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def actor(request) -> str:
    user = request.user
    name = user.get_full_name() or user.get_username()
    return f"{name} ({request.tenant.name})"


def now():
    return timezone.now()
