"""Who schedules a site's planned stops: its chief (Trưởng ban) and its site administrator.

Network-wide windows and the members' windows are the network administrators' (console).
"""

from functools import wraps

from django.core.exceptions import PermissionDenied

from editorial.roles import CHIEF, SITE_ADMIN
from portal.groups import in_any_group

BOARD_GROUPS = (CHIEF.group_name, SITE_ADMIN.group_name)


def can_schedule(request) -> bool:
    user = request.user
    return user.is_authenticated and (user.is_superuser or in_any_group(user, BOARD_GROUPS))


def board_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_schedule(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
