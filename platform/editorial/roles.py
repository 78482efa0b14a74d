"""The roles of an editorial board (Ban biên tập) as Wagtail groups, and two review workflows.

Every permission a role has is declared here, on the role, and nowhere else: the site
blueprint (``sitebuild``) grants them in the clone template and, through ``migrate``, in every
existing site whenever this declaration changes, so a role gaining a right needs no data
migration. What differs per site (which workflow applies, the chief's account) is set at
provisioning.

Roles follow the boards' reports (shared/context) and GLOSSARY.md:
- chief (Trưởng ban): approves and publishes everything;
- deputy (Phó ban): first review, publishes documents;
- editor (Biên tập viên): writes, edits, submits;
- contributor (Cộng tác viên): writes drafts in the sections given to them and submits, never
  publishes; sections are granted per site by the chief;
- site administrator (Quản trị trang): users and settings, no content approval.
"""

from dataclasses import dataclass, field

from tenants.access import NETWORK_ADMINS  # noqa: F401 - the network's group, named by tenants

ACCESS_ADMIN = "wagtailadmin.access_admin"
MEDIA_ALL = ("add", "change", "choose", "delete")
MEDIA_CONTRIBUTE = ("add", "choose")


def _model_rights(app_label: str, actions: str, *models: str) -> tuple[str, ...]:
    """``("content", "acdv", "sector")`` → add, change, delete, view of ``content.sector``."""
    names = {"a": "add", "c": "change", "d": "delete", "v": "view"}
    return tuple(f"{app_label}.{names[a]}_{model}" for model in models for a in actions)


# The lists a board shares (danh mục dùng chung): each site edits its own copy.
SHARED_LISTS = ("contributingunit", "documenttype", "issuingbody", "sector")
# Citizens' questions: answered and published (made public) by changing them; never added.
ANSWER_QUESTIONS = _model_rights("content", "cv", "question")
# Citizens' comments on drafts (C17, F7): read, tagged and answered; never added.
ANSWER_COMMENTS = _model_rights("content", "cv", "draftcomment")
RUN_BANNERS = _model_rights("branding", "acv", "sitebanner")


@dataclass(frozen=True)
class Role:
    key: str
    group_name: str
    page_permissions: tuple[str, ...] = ()  # on the whole tree (granted at the root page)
    media_permissions: tuple[str, ...] = ()  # on images and documents of the root collection
    other_permissions: tuple[str, ...] = field(default=(ACCESS_ADMIN,))  # "app.codename"
    # Page permissions on one required section only, by its key in ``content.skeleton``.
    section_permissions: tuple[tuple[str, tuple[str, ...]], ...] = ()


CHIEF = Role(
    "chief",
    "Trưởng ban",
    ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
    MEDIA_ALL,
    (
        ACCESS_ADMIN,
        *_model_rights("content", "acdv", *SHARED_LISTS),
        *ANSWER_QUESTIONS,
        "content.delete_question",
        *ANSWER_COMMENTS,
        "content.delete_draftcomment",
        *_model_rights("editorial", "acv", "royaltyrate", "royaltybudget"),
        *_model_rights("editorial", "av", "royaltyline"),
        "editorial.change_boardsettings",
        "branding.change_sitebranding",
        *RUN_BANNERS,
        "branding.delete_sitebanner",
        "monitoring.change_monitoringcode",  # the national monitoring code (F20)
    ),
)
DEPUTY = Role(
    "deputy",
    "Phó ban",
    ("add_page", "change_page", "lock_page"),
    MEDIA_ALL,
    (
        ACCESS_ADMIN,
        *_model_rights("content", "acdv", *SHARED_LISTS),
        *ANSWER_QUESTIONS,
        *ANSWER_COMMENTS,
        *RUN_BANNERS,
    ),
    # The deputy publishes documents (and only those) without the chief.
    (("documents", ("publish_page",)),),
)
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
        "editorial.change_boardsettings",
        "branding.change_sitebranding",
        "monitoring.change_monitoringcode",  # the national monitoring code (F20)
    ),
)
BOARD_ROLES = (CHIEF, DEPUTY, EDITOR, CONTRIBUTOR, SITE_ADMIN)

CHIEF_TASK = "Trưởng ban duyệt"
DEPUTY_TASK = "Phó ban duyệt"
ONE_STEP_WORKFLOW = "Duyệt một bước"
TWO_STEP_WORKFLOW = "Duyệt hai bước"
WORKFLOW_TASKS = {
    ONE_STEP_WORKFLOW: ((CHIEF_TASK, CHIEF),),
    TWO_STEP_WORKFLOW: ((DEPUTY_TASK, DEPUTY), (CHIEF_TASK, CHIEF)),
}
