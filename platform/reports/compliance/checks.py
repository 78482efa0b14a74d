"""The check functions: each takes a ``SiteFacts`` and returns the gaps it finds (none: met).

They read only the site's own schema (the caller is inside it) and say each gap in the board's
words, with the admin page where it is fixed: the section's edit page, or "add a child".
"""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, Site

from content.models import (
    ContactPage,
    DocumentPage,
    IntroductionPage,
    NewsPage,
    ProcedurePage,
    Question,
    ScheduleWeekPage,
)
from content.models.schedules import monday_of
from content.skeleton import find_section
from reports.compliance.rules import Gap

NEWS_WINDOW_DAYS = 7  # C15, policy: at least one item in the last week
ANSWER_DAYS = 21  # F5, policy: 15 working days (NĐ 43 art. 17), about three weeks


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add_subpage", args=[parent.pk])


@dataclass
class SiteFacts:
    """The site being checked, its home page and its required sections by key."""

    tenant: object
    site: Site
    today: date

    @cached_property
    def home(self) -> Page:
        return self.site.root_page.specific

    def section(self, key: str):
        return find_section(self.home, key)

    @property
    def home_edit(self) -> str:
        return edit_url(self.home)


def _filled(value) -> bool:
    return bool(strip_tags(str(value or "")).strip())


def _missing_section(facts: SiteFacts, label: str) -> list[Gap]:
    return [
        Gap(f"Thiếu chuyên mục “{label}”", reverse("wagtailadmin_explore", args=[facts.home.pk]))
    ]


def organisation(facts: SiteFacts) -> list[Gap]:
    """C1: mandate, structure and organisation chart."""
    page = facts.section("organisation")
    if not isinstance(page, IntroductionPage):
        return _missing_section(facts, "Tổ chức bộ máy")
    gaps = []
    if not _filled(page.functions):
        gaps.append(Gap("Chưa có chức năng, nhiệm vụ, quyền hạn", edit_url(page)))
    if not _filled(page.organisation):
        gaps.append(Gap("Chưa có cơ cấu tổ chức", edit_url(page)))
    if not page.org_chart_id:
        gaps.append(Gap("Chưa có sơ đồ tổ chức", edit_url(page)))
    return gaps


def _intro_pages(facts: SiteFacts) -> list[IntroductionPage]:
    pages = [facts.section("introduction"), facts.section("organisation")]
    return [p for p in pages if isinstance(p, IntroductionPage)]


def leaders(facts: SiteFacts) -> list[Gap]:
    """C4: each leader with a short biography and duties."""
    pages = _intro_pages(facts)
    listed = [(page, block.value) for page in pages for block in page.leaders]
    if not listed:
        target = pages[-1] if pages else facts.home
        return [Gap("Chưa có danh sách lãnh đạo", edit_url(target))]
    return [
        Gap(f"Lãnh đạo {leader['name']} thiếu tiểu sử tóm tắt hoặc nhiệm vụ", edit_url(page))
        for page, leader in listed
        if not (_filled(leader.get("biography")) and _filled(leader.get("duties")))
    ]


def locality(facts: SiteFacts) -> list[Gap]:
    """C5: the locality's map, nature, history, culture (NĐ 224 art. 9(1)(c))."""
    page = facts.section("introduction")
    if not isinstance(page, IntroductionPage):
        return _missing_section(facts, "Giới thiệu")
    if not len(page.locality):
        return [
            Gap("Chưa giới thiệu địa phương (bản đồ, tự nhiên, lịch sử, văn hóa)", edit_url(page))
        ]
    return []


def _contact(facts: SiteFacts):
    page = facts.section("contact")
    return page if isinstance(page, ContactPage) else None


def contact_details(facts: SiteFacts) -> list[Gap]:
    """C2: address, telephone and e-mail of the agency."""
    page = _contact(facts)
    if page is None:
        return _missing_section(facts, "Liên hệ")
    missing = [
        label
        for label, value in (
            ("địa chỉ", page.address),
            ("điện thoại", page.phone),
            ("thư điện tử", page.email),
        )
        if not value
    ]
    if missing:
        return [Gap("Trang Liên hệ thiếu " + ", ".join(missing), edit_url(page))]
    return []


def _officers(page) -> list:
    return [block.value for block in page.officers] if page else []


def contact_officers(facts: SiteFacts) -> list[Gap]:
    """C3: named contact officers with official telephone and e-mail."""
    page = _contact(facts)
    if page is None:
        return _missing_section(facts, "Liên hệ")
    officers = _officers(page)
    if not officers:
        return [Gap("Chưa có cán bộ đầu mối liên hệ", edit_url(page))]
    return [
        Gap(f"Cán bộ đầu mối {o['name']} thiếu điện thoại hoặc thư điện tử", edit_url(page))
        for o in officers
        if not (o.get("phone") and o.get("email"))
    ]


def information_contact(facts: SiteFacts) -> list[Gap]:
    """C14: the contact point for requests for information (Law on Access to Information)."""
    page = _contact(facts)
    if page is None:
        return _missing_section(facts, "Liên hệ")
    if not any(o.get("handles_information_requests") for o in _officers(page)):
        return [Gap("Chưa có đầu mối tiếp nhận yêu cầu cung cấp thông tin", edit_url(page))]
    return []


DOCUMENT_FIELDS = (
    ("document_type_id", "loại văn bản"),
    ("issuing_body_id", "cơ quan ban hành"),
    ("issue_date", "ngày ban hành"),
    ("effective_date", "ngày hiệu lực"),
    ("abstract", "trích yếu"),
    ("file_id", "tệp văn bản"),
)


def documents(facts: SiteFacts) -> list[Gap]:
    """C6: documents published with the seven fields and a downloadable file."""
    section = facts.section("documents")
    published = DocumentPage.objects.live()
    if not published.exists():
        return [Gap("Chưa đăng văn bản nào", add_url(section) if section else facts.home_edit)]
    gaps = []
    for document in published.order_by("-issue_date", "pk"):
        missing = [label for name, label in DOCUMENT_FIELDS if not getattr(document, name)]
        if missing:
            gaps.append(
                Gap(
                    f"Văn bản {document.number or document.title} thiếu " + ", ".join(missing),
                    edit_url(document),
                )
            )
    return gaps


def procedures(facts: SiteFacts) -> list[Gap]:
    """C8: administrative procedures (or the link to the national public-service portal)."""
    if ProcedurePage.objects.live().exists():
        return []
    section = facts.section("procedures")
    return [
        Gap("Chưa đăng thủ tục hành chính nào", add_url(section) if section else facts.home_edit)
    ]


def access_to_information(facts: SiteFacts) -> list[Gap]:
    """C11: the access-to-information section holds the list of information to publish."""
    section = facts.section("access_to_information")
    if section is None:
        return _missing_section(facts, "Tiếp cận thông tin")
    if not section.get_children().live().exists():
        return [Gap("Chuyên mục Tiếp cận thông tin chưa có nội dung", add_url(section))]
    return []


def recent_news(facts: SiteFacts) -> list[Gap]:
    """C15 (policy): at least one news item in the last seven days."""
    since = timezone.now() - timedelta(days=NEWS_WINDOW_DAYS)
    if NewsPage.objects.live().filter(first_published_at__gte=since).exists():
        return []
    section = facts.section("news")
    return [
        Gap(
            f"Không có tin, bài mới trong {NEWS_WINDOW_DAYS} ngày qua",
            add_url(section) if section else facts.home_edit,
        )
    ]


def weekly_schedule(facts: SiteFacts) -> list[Gap]:
    """C16 (policy for communes): the leaders' schedule of the current week."""
    if ScheduleWeekPage.objects.live().filter(week_start=monday_of(facts.today)).exists():
        return []
    section = facts.section("schedule")
    return [Gap("Chưa có lịch công tác tuần này", add_url(section) if section else facts.home_edit)]


def english_pages(facts: SiteFacts) -> list[Gap]:
    """C19 (NĐ 42 art. 7(2)): organisation and contacts in English."""
    english = Page.objects.live().filter(locale__language_code="en")
    has_intro = english.type(IntroductionPage).exists()
    has_contact = english.type(ContactPage).exists()
    gaps = []
    if not has_intro:
        gaps.append(Gap("Chưa có trang giới thiệu tổ chức bằng tiếng Anh", facts.home_edit))
    if not has_contact:
        gaps.append(Gap("Chưa có trang liên hệ bằng tiếng Anh", facts.home_edit))
    return gaps


def questions_answered(facts: SiteFacts) -> list[Gap]:
    """F5: the Q&A section is open and no question waits more than three weeks (policy)."""
    section = facts.section("questions")
    if section is None:
        return _missing_section(facts, "Hỏi – Đáp")
    waiting = Question.objects.filter(
        status__in=[Question.Status.RECEIVED, Question.Status.IN_PROGRESS],
        submitted_at__lt=timezone.now() - timedelta(days=ANSWER_DAYS),
    ).count()
    if waiting:
        return [
            Gap(
                f"{waiting} câu hỏi chờ trả lời quá {ANSWER_DAYS} ngày",
                reverse("wagtailsnippets_content_question:list"),
            )
        ]
    return []


def gov_domain(facts: SiteFacts) -> list[Gap]:
    """F15 (NĐ 224 art. 11(4)): the site answers at a .gov.vn name."""
    domains = facts.tenant.domains.values_list("domain", flat=True)
    if any(name.endswith(".gov.vn") for name in domains):
        return []
    return [Gap("Trang chưa có tên miền .gov.vn (tenphuongxa.tentinhthanh.gov.vn)")]


def provided_by_platform(facts: SiteFacts) -> list[Gap]:
    """Search, sitemap, print, metadata, UTF-8: the platform's templates give every site these."""
    return []


# -- issue 20: open data (F18), monitoring code (F20), planned-stop notices (F21) -----------


def open_data(facts: SiteFacts) -> list[Gap]:
    """F18: the site's open-data API (/du-lieu-mo/) has published items to share: news,
    documents or procedures (the API itself is the platform's, on every site)."""
    for model in (NewsPage, DocumentPage, ProcedurePage):
        if model.objects.live().public().exists():
            return []
    section = facts.section("news")
    return [
        Gap(
            "Dữ liệu mở chưa có tin, văn bản hay thủ tục nào đã đăng để chia sẻ",
            add_url(section) if section else facts.home_edit,
        )
    ]


def monitoring_code(facts: SiteFacts) -> list[Gap]:
    """F20: the national monitoring code (EMC) is set, so every public page carries it."""
    from monitoring.models import MonitoringCode

    if MonitoringCode.for_site(facts.site).script_src:
        return []
    return [
        Gap(
            "Chưa gắn mã giám sát (EMC)",
            reverse("wagtailsettings:edit", args=["monitoring", "monitoringcode", facts.site.pk]),
        )
    ]


def downtime_notice(facts: SiteFacts) -> list[Gap]:
    """F21: every planned stop still to come was announced 7 working days ahead, or records
    the force majeure that allowed less (the scheduling screens refuse anything else)."""
    from maintenance.calendar import NOTICE_WORKING_DAYS
    from maintenance.models import MaintenanceWindow

    late = MaintenanceWindow.for_site(facts.tenant).filter(
        ends_at__gt=timezone.now(),
        notice_working_days__lt=NOTICE_WORKING_DAYS,
        force_majeure="",
    )
    return [
        Gap(
            f"Lịch tạm ngừng từ {timezone.localtime(window.starts_at):%d/%m/%Y %H:%M} chỉ báo "
            f"trước {window.notice_working_days} ngày làm việc, không nêu lý do bất khả kháng",
            reverse("maintenance_board:list"),
        )
        for window in late
    ]


# -- consultation on drafts and satisfaction rating (issue 20) ------------------------------

RESULT_DAYS = 30  # C17/F7, policy: the summary of comments is published within a month


def _consultation_drafts(facts: SiteFacts):
    from content.models import ConsultationIndexPage, DraftForComment

    section = facts.section("consultations")
    if not isinstance(section, ConsultationIndexPage):
        return None, []
    return section, list(DraftForComment.objects.live().descendant_of(section))


def consultation_drafts(facts: SiteFacts) -> list[Gap]:
    """C17: the consultation section is there and each draft in it carries what the law lists:
    full text, the window, the contact address and how comments are handled."""
    section, drafts = _consultation_drafts(facts)
    if section is None:
        return _missing_section(facts, "Lấy ý kiến dự thảo")
    gaps = []
    for draft in drafts:
        missing = [
            label
            for label, value in (
                ("toàn văn", draft.body),
                ("địa chỉ tiếp nhận ý kiến", draft.contact_address),
                ("cách thức xử lý ý kiến", draft.handling),
                ("cơ quan chủ trì", draft.issuing_body_id),
            )
            if not _filled(value)
        ]
        if missing:
            gaps.append(Gap(f"Dự thảo “{draft.title}” thiếu {', '.join(missing)}", edit_url(draft)))
    return gaps


def consultation_results(facts: SiteFacts) -> list[Gap]:
    """F7: comments are received while a draft is open (the page's form), and once it closed
    the board publishes the result (kết quả lấy ý kiến) within a month (policy)."""
    section, drafts = _consultation_drafts(facts)
    if section is None:
        return _missing_section(facts, "Lấy ý kiến dự thảo")
    late = facts.today - timedelta(days=RESULT_DAYS)
    return [
        Gap(f"Dự thảo “{draft.title}” đã hết hạn góp ý nhưng chưa đăng kết quả lấy ý kiến",
            edit_url(draft))
        for draft in drafts
        if draft.closes_on < late and not _filled(draft.result_summary)
    ]  # fmt: skip


def satisfaction_rating(facts: SiteFacts) -> list[Gap]:
    """F8: the rating form is served on the site's pages (``ratings``), its route answers."""
    from django.apps import apps
    from django.template.loader import get_template
    from django.urls import NoReverseMatch

    try:
        reverse("rating")
    except NoReverseMatch:
        return [Gap("Trang chưa có chức năng đánh giá mức độ hài lòng")]
    base = get_template("base.html").template.source
    if not apps.is_installed("ratings") or "ratings/include.html" not in base:
        return [Gap("Trang chưa hiển thị phiếu đánh giá mức độ hài lòng")]
    return []
