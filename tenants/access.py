"""Who may manage the network: a parent portal's network administrators and superusers.

Kept apart from the console's views because other apps (themes' network screens, reports'
network report) apply the same rule and must not import a view module for it.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem

from portal.groups import in_any_group

# Parent portals only: members of this group see the network console and network screens.
NETWORK_ADMINS = "Quản trị mạng lưới"


def can_manage_network(request) -> bool:
    from tenants.models import Tenant

    tenant = getattr(request, "tenant", None)
    user = request.user
    return bool(
        tenant is not None
        and isinstance(tenant, Tenant)
        and tenant.is_parent_portal
        and user.is_authenticated
        and (user.is_superuser or in_any_group(user, NETWORK_ADMINS))
    )


class NetworkMenuItem(MenuItem):
    """An admin menu item of the network's screens, shown where ``can_manage_network``."""

    def is_shown(self, request):
        return can_manage_network(request)


def network_admin_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_manage_network(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
