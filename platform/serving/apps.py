from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "serving"
    verbose_name = "Phục vụ trang"

    def ready(self):
        from serving import invalidation

        invalidation.connect()
