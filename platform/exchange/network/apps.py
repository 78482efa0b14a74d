"""The public-schema half of the exchange: the rows that cross sites, carrying both ids."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeNetworkConfig(AppConfig):
    name = "exchange.network"
    label = "exchange_network"
    verbose_name = _("Trao đổi tin giữa các cấp (toàn mạng lưới)")
    default_auto_field = "django.db.models.BigAutoField"
