"""Who sees which report: the site's board leaders see their site's; the parent portal's
network administrators see the network's (the same rule as the network console)."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from editorial.roles import CHIEF, DEPUTY, SITE_ADMIN
from portal.groups import in_any_group
from tenants.access import network_admin_required

REPORT_GROUPS = (CHIEF.group_name, DEPUTY.group_name, SITE_ADMIN.group_name)


def can_view_board_report(request) -> bool:
    user = request.user
    return bool(user.is_authenticated and (user.is_superuser or in_any_group(user, REPORT_GROUPS)))


def board_report_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_view_board_report(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


network_report_required = network_admin_required  # the console's own rule, not a copy of it
