from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Báo cáo")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from reports.models import VisitSettings
        from reports.visits import forget_footer_counter

        post_save.connect(forget_footer_counter, sender=VisitSettings, dispatch_uid="reports")
