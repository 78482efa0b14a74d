"""Uploaded files, served only on the host of the site they belong to (issue 14).

Media are stored per site under ``MEDIA_ROOT/<schema>/`` (django-tenants' storage), and the
URL carries the schema: ``/media/<schema>/images/…``. A web server serving that folder as is
answers every host with every site's files, a suspended site's and a restricted collection's
included. So every ``/media/`` request comes to Django, where ``SiteMiddleware`` has already
picked the site by host (and answered 503 for a suspended one), and this view serves only
the request's own schema:

- ``images/`` (renditions) and ``original_images/``: public on the site's own host;
- ``documents/``: never here. A document is served by Wagtail's ``/documents/<id>/<name>``
  view, which applies the collection's privacy (login, password) first;
- ``_network/``: campaign banners, which belong to no site and appear on every site;
- anything else: 404.

The bytes themselves are sent by ``wagtail.utils.sendfile`` with ``SENDFILE_BACKEND``: in
production ``portal.sendfile_nginx`` answers with an ``X-Accel-Redirect`` to nginx's
``internal`` location, so nginx still streams the file (and answers range requests); in
development and tests Django streams it itself.
"""

from pathlib import Path, PurePosixPath

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile

# Folders of a site's media that anyone may fetch from the site's own host.
PUBLIC_SITE_FOLDERS = frozenset({"images", "original_images"})
# Files of no site (themes.models.network_media_storage): the same on every host.
NETWORK_FOLDER = "_network"
ONE_WEEK = 7 * 24 * 3600


def is_public_path(schema_name: str, path: str) -> bool:
    """Whether ``path`` (relative to MEDIA_ROOT) may be served on the host of ``schema_name``."""
    parts = PurePosixPath(path).parts
    if len(parts) < 3 or any(part in ("", ".", "..") for part in parts) or "\\" in path:
        return False
    owner, folder = parts[0], parts[1]
    if owner == NETWORK_FOLDER:
        return True
    return owner == schema_name and folder in PUBLIC_SITE_FOLDERS


@require_safe
def serve_media(request, path: str):
    """``/media/<path>``: a public file of the request's own site, else 404."""
    tenant = getattr(request, "tenant", None)
    if tenant is None or not is_public_path(tenant.schema_name, path):
        raise Http404
    root = Path(settings.MEDIA_ROOT).resolve()
    full = (root / path).resolve()
    if not full.is_relative_to(root) or not full.is_file():
        raise Http404
    options = {}
    if not getattr(settings, "SENDFILE_BACKEND", None):
        options["backend"] = sendfile_streaming_backend.sendfile
    response = sendfile(request, str(full), attachment=False, attachment_filename=False, **options)
    response["Cache-Control"] = f"public, max-age={ONE_WEEK}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
