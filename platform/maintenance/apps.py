from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaintenanceConfig(AppConfig):
    name = "maintenance"
    verbose_name = _("Tạm ngừng hoạt động")
    default_auto_field = "django.db.models.BigAutoField"
