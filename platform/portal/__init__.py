"""The Django project package of the portal platform: settings, URLconfs, WSGI/ASGI."""
