"""Editorial boards: the board roles of every site, their review workflow and permissions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Ban biên tập")

    def ready(self):
        from editorial import signals  # noqa: F401  (connects the receivers)
        from editorial.accounts import install_user_viewset

        install_user_viewset()
