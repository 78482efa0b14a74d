"""The roles of an editorial board (Ban biên tập) as Wagtail groups, and two review workflows.

Every site has the same roles, so the groups, their permissions and both workflows are made
once, in the template schema, by this app's migration; each clone gets them for free. What
differs per site (which workflow applies, the deputy's publishing right on the documents
section, the chief's account) is set by ``editorial.board`` at provisioning.

Roles follow the boards' reports (shared/context) and GLOSSARY.md:
- chief (Trưởng ban): approves and publishes everything;
- deputy (Phó ban): first review, publishes documents;
- editor (Biên tập viên): writes, edits, submits;
- contributor (Cộng tác viên): writes drafts in the sections given to them and submits, never
  publishes; sections are granted per site by the chief;
- site administrator (Quản trị trang): users and settings, no content approval.
"""

from dataclasses import dataclass, field

ACCESS_ADMIN = "wagtailadmin.access_admin"
MEDIA_ALL = ("add", "change", "choose", "delete")
MEDIA_CONTRIBUTE = ("add", "choose")


@dataclass(frozen=True)
class Role:
    key: str
    group_name: str
    page_permissions: tuple[str, ...] = ()  # on the whole tree (granted at the root page)
    media_permissions: tuple[str, ...] = ()  # on images and documents of the root collection
    other_permissions: tuple[str, ...] = field(default=(ACCESS_ADMIN,))


CHIEF = Role(
    "chief",
    "Trưởng ban",
    ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
    MEDIA_ALL,
)
DEPUTY = Role("deputy", "Phó ban", ("add_page", "change_page", "lock_page"), MEDIA_ALL)
EDITOR = Role("editor", "Biên tập viên", ("add_page", "change_page"), MEDIA_ALL)
CONTRIBUTOR = Role("contributor", "Cộng tác viên", (), MEDIA_CONTRIBUTE)
SITE_ADMIN = Role(
    "site_admin",
    "Quản trị trang",
    (),
    (),
    (
        ACCESS_ADMIN,
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.view_user",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ),
)
BOARD_ROLES = (CHIEF, DEPUTY, EDITOR, CONTRIBUTOR, SITE_ADMIN)

# Parent portals only: members see the network console (tenants.console).
NETWORK_ADMINS = "Quản trị mạng lưới"

CHIEF_TASK = "Trưởng ban duyệt"
DEPUTY_TASK = "Phó ban duyệt"
ONE_STEP_WORKFLOW = "Duyệt một bước"
TWO_STEP_WORKFLOW = "Duyệt hai bước"
WORKFLOW_TASKS = {
    ONE_STEP_WORKFLOW: ((CHIEF_TASK, CHIEF),),
    TWO_STEP_WORKFLOW: ((DEPUTY_TASK, DEPUTY), (CHIEF_TASK, CHIEF)),
}
