from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkReportsConfig(AppConfig):
    name = "reports.network"
    label = "reports_network"
    verbose_name = _("Báo cáo toàn mạng lưới")
    default_auto_field = "django.db.models.BigAutoField"
