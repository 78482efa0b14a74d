"""WSGI entry point; production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os

from django.apps import apps
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
application = get_wsgi_application()

# Each app may prepare, once per server process and before the first request, what that
# request would otherwise pay for (``warm_up`` on its AppConfig; issue 21, part 3).
for config in apps.get_app_configs():
    if hasattr(config, "warm_up"):
        config.warm_up()
