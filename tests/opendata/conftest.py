"""A commune created in the test, with one visible item of every dataset and the hidden kinds
the API must never show: a draft, a password-protected item, an unpublished question."""

import datetime

import pytest
from django.core.cache import caches
from django_tenants.utils import schema_context

from tests import factories

SECRET = "BIMATDULIEU"


@pytest.fixture
def network(demo_network, db):
    caches["default"].clear()  # rate-limit counters of an earlier test
    return demo_network


@pytest.fixture
def commune(network):
    # A name (so a schema) of its own: search.indexing remembers each schema's site id for
    # the process, and a schema name reused after a rolled-back test would index elsewhere.
    return factories.commune(network["dakdoa"])


@pytest.fixture
def content(commune):
    """What the commune publishes, by kind."""
    from wagtail.models import Page, PageViewRestriction

    from content.models import (
        ProcedurePage,
        Question,
        ScheduleWeekPage,
        Sector,
    )
    from content.models.schedules import monday_of

    made = {}
    made["news"] = factories.news(
        commune, "Tin tháng trước", date=datetime.date(2026, 10, 5), lead="Sapô tin cũ."
    )
    made["news_new"] = factories.news(commune, "Tin hôm nay", lead="Sapô tin mới.")
    made["draft"] = factories.news(commune, f"Bản nháp {SECRET}", publish=False)
    made["private"] = factories.news(commune, f"Tin nội bộ {SECRET}")
    made["document"] = factories.document(
        commune,
        "Thông báo lịch tiếp dân",
        number="12/TB-UBND",
        issue_date=datetime.date(2026, 11, 2),
    )
    with schema_context(commune.schema_name):
        PageViewRestriction.objects.create(
            page=made["private"], restriction_type=PageViewRestriction.PASSWORD, password="mk"
        )
        sector, _created = Sector.objects.get_or_create(name="Hộ tịch")
        procedures = Page.objects.get(slug="thu-tuc-hanh-chinh").specific
        procedure = ProcedurePage(
            title="Đăng ký khai sinh",
            slug="dang-ky-khai-sinh",
            code="1.001193",
            level=ProcedurePage.Level.FULL,
            sector=sector,
            fees="Miễn phí",
            steps="<p>Nộp hồ sơ tại bộ phận một cửa.</p>",
        )
        procedures.add_child(instance=procedure)
        procedure.save_revision().publish()
        made["procedure"] = procedure
        schedules = Page.objects.get(slug="lich-cong-tac").specific
        week = ScheduleWeekPage(
            title="Lịch tuần này",
            slug="lich-tuan-nay",
            week_start=monday_of(datetime.date(2026, 11, 25)),
            entries=[
                (
                    "entry",
                    {
                        "day": monday_of(datetime.date(2026, 11, 25)),
                        "time": "7 giờ 30",
                        "content": "Họp giao ban",
                        "attendees": "Lãnh đạo UBND",
                        "location": "Hội trường",
                    },
                )
            ],
        )
        schedules.add_child(instance=week)
        week.save_revision().publish()
        made["schedule"] = week
        made["question"] = Question.objects.create(
            name=f"Người hỏi {SECRET}",
            contact=f"0905{SECRET}",
            question="Làm giấy khai sinh ở đâu?",
            status=Question.Status.ANSWERED,
            answer="<p>Tại bộ phận một cửa của xã.</p>",
            answered_by="Văn phòng UBND",
            is_public=True,
            sector=sector,
        )
        made["hidden_question"] = Question.objects.create(
            name="Người khác", question=f"Câu hỏi chưa trả lời {SECRET}"
        )
    return made
