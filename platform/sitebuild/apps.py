"""The site blueprint: what every site contains, applied to the clone template and to sites."""

from django.apps import AppConfig


class SitebuildConfig(AppConfig):
    name = "sitebuild"
    verbose_name = "Khung trang"
    default_auto_field = "django.db.models.BigAutoField"
