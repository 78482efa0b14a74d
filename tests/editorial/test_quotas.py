"""Quotas and publication delay: the dashboard panel, the counting functions, and the
quarterly reminder that must reach exactly the units behind their target."""

import io
from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tenants.utils import schema_context

from editorial import stats
from editorial.models import BoardMember
from tests.editorial.conftest import member


def _publish(site, title, unit=None, event_days_ago=None):
    """An item published now, as a chief would (the ORM path Wagtail's publish uses)."""
    from wagtail.models import Page

    from content.models import NewsPage

    with schema_context(site.schema_name):
        section = Page.objects.get(slug="tin-tuc")
        page = NewsPage(title=title, contributing_unit=unit)
        if event_days_ago is not None:
            page.event_date = timezone.localdate() - timedelta(days=event_days_ago)
        section.add_child(instance=page)
        page.save_revision().publish()
        return page


def _units(site):
    from content.models import ContributingUnit

    with schema_context(site.schema_name):
        make = ContributingUnit.objects.create
        return {
            "on_target": make(name="Đoàn Thanh niên", monthly_target=1),
            "behind": make(name="Hội Cựu chiến binh", monthly_target=2),
            "no_target": make(name="Báo Gia Lai"),
            "silent": make(name="Trạm Y tế", monthly_target=1),
        }


def test_the_reminder_reaches_exactly_the_units_behind(two_step_site):
    site = two_step_site
    units = _units(site)
    from django.contrib.auth import get_user_model

    with schema_context(site.schema_name):
        writer = get_user_model().objects.create_user("cuu", email="ccb@xa.gov.vn")
        BoardMember.objects.create(user=writer, unit=units["behind"])
    # three months of the quarter: "on target" needs 3, "behind" 6, "silent" 3
    for n in range(3):
        _publish(site, f"Thanh niên {n}", units["on_target"])
    for n in range(5):
        _publish(site, f"Cựu chiến binh {n}", units["behind"])
    _publish(site, "Báo đưa tin", units["no_target"])
    today = timezone.localdate()
    quarter = f"{today.year}-{(today.month - 1) // 3 + 1}"

    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_quota_reminders", quy=quarter, site=site.slug, dry_run=True, stdout=out)
    assert mail.outbox == []
    call_command("send_quota_reminders", quy=quarter, site=site.slug, stdout=out)
    sent = {(tuple(message.to), message.subject) for message in mail.outbox}
    subject = f"Nhắc chỉ tiêu tin bài quý {quarter.split('-')[1]}/{today.year}"
    # "Trường Tiểu học" (the fixture's unit, 2 a month, nothing published) is behind too;
    # its contributors get the reminder; "Trạm Y tế" has no members: the chief gets it.
    assert sent == {
        (("ccb@xa.gov.vn",), subject),
        (("ctv1@xa.gov.vn", "ctv2@xa.gov.vn"), subject),
        (("truongban@xa.gov.vn",), subject),
    }
    body = next(m.body for m in mail.outbox if m.to == ["ccb@xa.gov.vn"])
    assert "5 tin bài" in body and "chỉ tiêu là 6 tin bài" in body
    with schema_context(site.schema_name):
        behind = {
            unit.name for unit, _count, _target in stats.units_behind(*stats.quarter_bounds(today))
        }
    assert behind == {"Hội Cựu chiến binh", "Trạm Y tế", "Trường Tiểu học"}


def test_the_dashboard_shows_quota_progress_and_the_median_delay(two_step_site):
    site = two_step_site
    units = _units(site)
    _publish(site, "Tin trễ ba ngày", units["behind"], event_days_ago=3)
    _publish(site, "Tin trễ năm ngày", units["behind"], event_days_ago=5)
    _publish(site, "Tin không có ngày sự kiện", units["on_target"])
    today = timezone.localdate()
    with schema_context(site.schema_name):
        assert sorted(stats.publication_delays(*stats.quarter_bounds(today))) == [3, 5]
        counts = stats.items_per_unit_per_month(today.year)
        assert counts[(units["behind"].pk, today.month)] == 2
    html = member(site, "truongban").get("/admin/").content.decode()
    assert "Chỉ tiêu tin bài" in html
    row = html[html.index("Hội Cựu chiến binh</td>") :][:200]  # not the default unit
    assert "2 / 2" in row and "2 / 6" in row
    assert "Độ trễ đăng tin (trung vị, quý này): 4 ngày" in html
    assert "Chỉ tiêu tin bài" not in member(site, "ctv1").get("/admin/").content.decode()
