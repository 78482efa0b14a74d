"""Setting up a site's board: its workflow and its chief.

The groups, their permissions and the workflows come with the clone (the site blueprint,
``sitebuild``, applies ``editorial.roles``).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Workflow, WorkflowPage

from editorial.roles import (
    ACCESS_ADMIN,
    CHIEF,
    NETWORK_ADMINS,
    ONE_STEP_WORKFLOW,
    TWO_STEP_WORKFLOW,
)


def set_workflow(home, approval_steps: int) -> None:
    """Apply the one- or two-step review to the whole site."""
    chosen = TWO_STEP_WORKFLOW if approval_steps == 2 else ONE_STEP_WORKFLOW
    workflow = Workflow.objects.get(name=chosen)
    if not workflow.active:
        Workflow.objects.filter(pk=workflow.pk).update(active=True)
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


def choose_review(home, approval_steps: int) -> None:
    """A board switching its review from its settings: the workflow, and the network's record
    of the choice (``Tenant.approval_steps`` in the public schema, read by the console)."""
    from django.db import connection

    from tenants.models import Tenant

    set_workflow(home, approval_steps)
    Tenant.objects.filter(schema_name=connection.schema_name).update(approval_steps=approval_steps)


def create_network_admins_group() -> Group:
    """The group whose members manage the network from a parent portal's admin."""
    group, created = Group.objects.get_or_create(name=NETWORK_ADMINS)
    if created:
        app_label, codename = ACCESS_ADMIN.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


def create_chief(email: str, *, network_admin: bool = False):
    """The board chief's account, with no password until they set one through their link."""
    user = get_user_model().objects.create_user(username=email, email=email)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=CHIEF.group_name))
    if network_admin:
        user.groups.add(create_network_admins_group())
    return user


def set_password_path(user) -> str:
    """Path of a one-time link to set a password: Django's reset token, void once used and
    after PASSWORD_RESET_TIMEOUT (its hash covers the password and the last login)."""
    return reverse(
        "wagtailadmin_password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
