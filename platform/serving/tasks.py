"""Background task of the page caches: counting the views nginx served from its own cache.

Scheduled every minute in ``tasks.periodic`` and run by ``manage.py db_worker``.
"""

import io

from django.conf import settings
from django.core.management import call_command
from django_tasks import task


@task()
def count_cached_views() -> str:
    """The views nginx answered itself since the last run, counted as rendered ones are."""
    out = io.StringIO()
    call_command("count_cached_views", log=settings.PORTAL_NGINX_VIEWS_LOG, stdout=out)
    return out.getvalue()[-2000:]
