"""Wagtail's user screens with the rules of ``editorial.accounts``: the forms know who is
acting, so a non-superuser is never offered the "is_superuser" box nor a group out of reach.

Installed as the users app's ``user_viewset`` by ``editorial.accounts.install_user_viewset``.
"""

from django import forms
from django.utils.translation import gettext as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users

from editorial.accounts import grantable_groups, may_change


class _GuardedUserForm:
    """Mixed into Wagtail's user forms; ``actor`` is the user filling the form in."""

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        if not actor.is_superuser:
            self.fields.pop("is_superuser", None)
        reach = grantable_groups(actor)
        if not actor.is_superuser and self.instance.pk == actor.pk:
            reach = reach.none()  # his own groups are someone else's to change
            self.fields.pop("groups", None)
        if "groups" in self.fields:
            self.fields["groups"].queryset = reach
        # Groups the account has and the actor may not touch stay as they are.
        self.kept_groups = (
            list(self.instance.groups.exclude(pk__in=reach.values("pk")))
            if self.instance.pk and "groups" in self.fields
            else []
        )

    def clean(self):
        data = super().clean()
        if not self.actor.is_superuser:
            if self.instance.pk and not may_change(self.actor, self.instance):
                raise forms.ValidationError(
                    _("Chỉ quản trị viên cấp cao nhất mới được thay đổi tài khoản này.")
                )
            # The box is not offered; a forged one is refused, not silently dropped.
            if forms.BooleanField(required=False).to_python(self.data.get("is_superuser")):
                raise forms.ValidationError(
                    _("Chỉ quản trị viên cấp cao nhất mới được cấp quyền quản trị toàn phần.")
                )
        return data

    def _save_m2m(self):
        super()._save_m2m()
        if self.kept_groups:
            self.instance.groups.add(*self.kept_groups)


class PortalUserCreationForm(_GuardedUserForm, UserCreationForm):
    pass


class PortalUserEditForm(_GuardedUserForm, UserEditForm):
    pass


class _ActorFormKwargs:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.request.user}


class CreateView(_ActorFormKwargs, wagtail_users.CreateView):
    pass


class EditView(_ActorFormKwargs, wagtail_users.EditView):
    pass


class PortalUserViewSet(wagtail_users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return PortalUserEditForm if for_update else PortalUserCreationForm
