"""The network console's backups of a member site: its archives listed and the newest
downloadable, for the parent portal's network administrators only (an archive holds the whole
site: its users' password hashes and citizens' contact data too)."""

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from tenants import backup
from tenants.console import _member, network_admin_required

DOWNLOAD_ACTION = "portal.backup_download"


def recent_archives(member, count: int = 5) -> list[dict]:
    """The newest archives of ``member``, newest first, as the detail page lists them."""
    return [
        {"name": path.name, "taken_at": backup.taken_at(path), "size": path.stat().st_size}
        for path in reversed(backup.archives_of(member.slug)[-count:])
    ]


@network_admin_required
def member_backup(request, pk):
    member = _member(request, pk)
    try:
        path = backup.find_archive(member.slug)
    except backup.ArchiveError as error:
        raise Http404(_("Chưa có bản sao lưu nào của trang này.")) from error
    # Who took a copy of a whole site, in the parent portal's audit log.
    log(
        instance=request.user,
        action=DOWNLOAD_ACTION,
        user=request.user,
        data={"site": member.name, "archive": path.name},
    )
    return FileResponse(open(path, "rb"), as_attachment=True, filename=path.name)  # noqa: SIM115
