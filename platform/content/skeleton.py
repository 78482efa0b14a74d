"""The sections every government site must carry, created with each new site.

The reports found every commune site incomplete ("14/14 trang TTĐT xã chưa đủ thành phần");
here a site is born with each section the law requires. The ``key`` is stable: compliance
reports and the demo find sections by it, whatever an editor renames them to. The page type
is named as ``app_label.ModelName`` so that each section gets its own type as those are built.
Law references are the rows of ``shared/law/portal-requirements.md``.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    slug: str
    page_type: str
    law: str


REQUIRED_SECTIONS = (
    Section("introduction", "Giới thiệu", "gioi-thieu", "content.IntroductionPage", "C1, C5"),
    Section(
        "organisation",
        "Tổ chức bộ máy",
        "to-chuc-bo-may",
        "content.IntroductionPage",
        "C1, C3, C4",
    ),
    Section("news", "Tin tức – Sự kiện", "tin-tuc", "content.SectionPage", "C15"),
    Section("documents", "Văn bản", "van-ban", "content.DocumentIndexPage", "C6"),
    Section(
        "procedures", "Thủ tục hành chính", "thu-tuc-hanh-chinh", "content.ProcedureIndexPage", "C8"
    ),
    Section("schedule", "Lịch công tác", "lich-cong-tac", "content.ScheduleIndexPage", "C16"),
    Section("questions", "Hỏi – Đáp", "hoi-dap", "content.QuestionIndexPage", "C24, F5"),
    Section(
        "consultations",
        "Lấy ý kiến dự thảo",
        "lay-y-kien-du-thao",
        "content.ConsultationIndexPage",
        "C17, F7",
    ),
    Section("contact", "Liên hệ", "lien-he", "content.ContactPage", "C2, C3"),
    Section(
        "access_to_information",
        "Tiếp cận thông tin",
        "tiep-can-thong-tin",
        "content.SectionPage",
        "C11, C14",
    ),
)


def build_site_tree(home) -> dict[str, object]:
    """Create the required sections under ``home``, live and in the menu; return them by key.

    Pages are created live without a first revision: a revision per page would add a fifth to
    the time of creating a site, and the first edit in the admin starts the history anyway.
    The reference index is not updated either: these pages are empty and reference nothing,
    and skipping it saves a fifth of the time again (budget: 0.15 s for the whole tree).
    """
    from wagtail.signal_handlers import disable_reference_index_auto_update

    with disable_reference_index_auto_update():
        return _add_sections(home)


def _add_sections(home) -> dict[str, object]:
    now = timezone.now()
    created = {}
    for section in REQUIRED_SECTIONS:
        model = apps.get_model(section.page_type)
        page = model(
            title=section.title,
            slug=section.slug,
            locale_id=home.locale_id,
            show_in_menus=True,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        home.add_child(instance=page)
        created[section.key] = page
    return created


def find_section(home, key: str):
    """The live section of ``home`` created for ``key`` (by its slug), or None."""
    section = next(s for s in REQUIRED_SECTIONS if s.key == key)
    return home.get_children().filter(slug=section.slug).specific().first()
