"""The cross-site search app. Its tables live in the public schema (it is a shared app)."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Connects the indexing signal handlers once the page models are loaded.

    The label stays ``search``: Wagtail's own search apps are ``wagtailsearch`` and
    ``modelsearch``, so there is no clash.
    """

    name = "search"
    label = "search"
    verbose_name = "Tìm kiếm toàn mạng"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import new_sites, signals

        signals.connect()
        new_sites.connect()
