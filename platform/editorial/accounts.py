"""Who may change which account: user management that cannot escalate (issue 14).

The site administrator ("Quản trị trang") has Django's user permissions so that it can run the
site's accounts, and Wagtail's user screens honour nothing finer than those. Left alone they
offered it the "is_superuser" box and every group, the network administrators' included: one
site administrator could make himself superuser, then network administrator. The rules here
hold on every path that changes a user (Wagtail's create, edit, delete and bulk screens, the
board screen, groups' own screens):

- a *privileged* account (a superuser, or a member of the network administrators' group) is
  created, changed, deactivated, deleted or given a password by a superuser only;
- a non-superuser gives only the board's role groups (``editorial.roles.BOARD_ROLES``), and the
  groups outside its reach that an account already has stay as they are;
- the board's leaders (chief and deputy, who approve and publish) are appointed and changed by
  the chief or a superuser only: a site administrator who could tick "Trưởng ban" on himself,
  or set the chief's password, could publish without the review workflow;
- nobody but a superuser changes his own groups;
- the network administrators' group is given only by a superuser of a parent portal;
- groups' own screens (their permissions) are for superusers only: whoever edits a group's
  permissions can give his own group anything.

Wagtail is bent, not patched: its user views and forms are subclassed and installed through the
users app's ``user_viewset`` (see ``install_user_viewset``), the refusals are its
``before_*_user`` and ``before_bulk_action`` hooks, and groups get a permission policy.
"""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.permission_policies import ModelPermissionPolicy

from editorial.access import is_chief
from editorial.roles import BOARD_ROLES, CHIEF, DEPUTY, NETWORK_ADMINS
from portal.groups import in_any_group

BOARD_GROUP_NAMES = tuple(role.group_name for role in BOARD_ROLES)
LEADER_GROUP_NAMES = (CHIEF.group_name, DEPUTY.group_name)
USER_VIEWSET = "editorial.user_screens.PortalUserViewSet"


def is_privileged(user) -> bool:
    """A superuser or a network administrator: an account only a superuser may touch."""
    if user.is_superuser:
        return True
    if user.pk is None:
        return False
    return in_any_group(user, NETWORK_ADMINS)


def leads_board(user) -> bool:
    return in_any_group(user, LEADER_GROUP_NAMES)


def may_change(actor, target) -> bool:
    """Oneself included: a network administrator keeps his own profile and password (his
    rights are out of his own reach all the same, see ``grantable_groups``)."""
    if actor.is_superuser or (target.pk is not None and target.pk == actor.pk):
        return True
    if is_privileged(target):
        return False
    return is_chief(actor) or not leads_board(target)


def _in_parent_portal() -> bool:
    tenant = getattr(connection, "tenant", None)
    return bool(getattr(tenant, "is_parent_portal", False))


def grantable_groups(actor):
    """The groups ``actor`` may give or take away in the current site."""
    if not actor.is_superuser:
        names = [n for n in BOARD_GROUP_NAMES if is_chief(actor) or n not in LEADER_GROUP_NAMES]
        return Group.objects.filter(name__in=names)
    groups = Group.objects.all()
    if not _in_parent_portal():
        groups = groups.exclude(name=NETWORK_ADMINS)
    return groups


def grantable_role_keys(actor) -> set[str]:
    """The board roles (``Role.key``) ``actor`` may give on the board screen."""
    names = set(grantable_groups(actor).values_list("name", flat=True))
    return {role.key for role in BOARD_ROLES if role.group_name in names}


def refusal(request, message=None):
    """The answer to a refused change: back to the user list, with the reason."""
    messages.error(
        request,
        message or _("Chỉ quản trị viên cấp cao nhất mới được thay đổi tài khoản này."),
    )
    return redirect("wagtailusers_users:index")


# --- hooks (registered in editorial.wagtail_hooks) --------------------------------------------


def refuse_privileged_target(request, user):
    """``before_edit_user`` / ``before_delete_user``: GET and POST alike."""
    if not may_change(request.user, user):
        return refusal(request)
    return None


def refuse_privileged_bulk(request, action_type, objects, action):
    """``before_bulk_action`` on users: no privileged account in the batch, no role out of
    reach (the assign-role form lists every group)."""
    if getattr(action, "model", None) is not get_user_model():
        return None
    if any(not may_change(request.user, user) for user in objects):
        return refusal(request)
    role = (action.cleaned_form.cleaned_data or {}).get("role") if action.cleaned_form else None
    if role is not None and not grantable_groups(request.user).filter(pk=role.pk).exists():
        return refusal(request, _("Bạn không được gán nhóm “%(group)s”.") % {"group": role})
    return None


class SuperuserOnlyPolicy(ModelPermissionPolicy):
    """Groups' own screens: superusers only, whatever permissions a group was given."""

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


def install_user_viewset() -> None:
    """Point Wagtail's users app at our viewset (``editorial.user_screens``).

    Wagtail's documented way is a subclass of its ``WagtailUsersAppConfig`` named in
    INSTALLED_APPS; we set the same attribute on the installed config instead, because
    django-tenants' router and ``tenants.upgrades`` find the site apps by their name in
    TENANT_APPS ("wagtail.users"). Wagtail reads it when the admin's viewsets are registered,
    after every app is ready.
    """
    apps.get_app_config("wagtailusers").user_viewset = USER_VIEWSET
