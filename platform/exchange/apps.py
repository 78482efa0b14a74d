"""Publishing across levels (issue 18): news sent up, documents sent down, with receipts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Trao đổi tin giữa các cấp")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from exchange import signals  # noqa: F401 - connects the source-change handlers
