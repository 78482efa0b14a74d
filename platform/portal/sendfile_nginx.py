"""A ``SENDFILE_BACKEND`` for ``wagtail.utils.sendfile`` that hands the bytes to nginx.

Wagtail ships only the streaming backend (django-sendfile's nginx backend was not copied into
``wagtail.utils``), so this is that backend: Django decides *whether* a file may be served
(its site, its collection's privacy), then answers with an empty body and
``X-Accel-Redirect: <SENDFILE_URL><path under MEDIA_ROOT>``; nginx serves the file from its
``internal`` location, which no client can request directly (docker/nginx.conf).
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse


def sendfile(request, filename, **kwargs):
    relative = Path(filename).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    response = HttpResponse()
    response["X-Accel-Redirect"] = quote(settings.SENDFILE_URL + relative.as_posix())
    return response
