from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Nội dung")

    def ready(self):
        from content import block_definitions

        block_definitions.install()

    def warm_up(self):
        """Called by ``portal.wsgi`` in each server process before it serves."""
        from content import block_definitions

        block_definitions.pack_all()
