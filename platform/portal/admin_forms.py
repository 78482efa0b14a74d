"""Wagtail admin forms adjusted for a Vietnamese admin.

Wagtail's login form declares its password field without a label, so Django shows the field's
name, "Password", which no catalogue can translate. This one gives it a translatable label.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
