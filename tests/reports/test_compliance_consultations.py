"""C17, F7 and F8 (issue 20) are checked by the program: a consultation section whose drafts
carry what the law lists, a result published after each closed draft, the rating form served;
each gap links to where it is fixed. The demo commune meets all three."""

from datetime import timedelta

from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Site

from content.skeleton import find_section
from reports.compliance import checks
from reports.compliance.rulesets import DECREE_42, DECREE_224
from reports.compliance.service import evaluate
from tests.content.test_consultations import publish_draft

CODES = {"C17", "F7", "F8"}


def gaps(tenant, code, ruleset=DECREE_224):
    with schema_context(tenant.schema_name):
        result = evaluate(tenant, ruleset, Site.objects.get())
        return [(gap.message, gap.fix_url) for c, gap in result.gaps if c == code]


def test_the_three_rules_are_automatic_in_the_rule_sets_that_name_them():
    assert {r.code for r in DECREE_224.rules if r.code in CODES and not r.manual} == {"C17", "F8"}
    assert {r.code for r in DECREE_42.rules if r.code in CODES and not r.manual} == CODES


def test_a_new_site_meets_them_from_day_one(commune):
    with schema_context(commune.schema_name):
        result = evaluate(commune, DECREE_42, Site.objects.get())
    assert not CODES & result.failed_codes
    assert not CODES & {r.rule.code for r in result.unchecked}


def test_c17_a_missing_section_and_an_incomplete_draft_are_gaps_with_links(commune):
    draft = publish_draft(commune)
    assert gaps(commune, "C17") == []
    from content.models import DraftForComment

    with schema_context(commune.schema_name):
        DraftForComment.objects.filter(pk=draft.pk).update(contact_address="", handling="<p></p>")
    assert gaps(commune, "C17") == [
        (
            "Dự thảo “Dự thảo Quy chế quản lý nghĩa trang” thiếu địa chỉ tiếp nhận ý kiến,"
            " cách thức xử lý ý kiến",
            f"/admin/pages/{draft.pk}/edit/",
        )
    ]
    with schema_context(commune.schema_name):
        find_section(Site.objects.get().root_page, "consultations").delete()
    [(message, link)] = gaps(commune, "C17")
    assert message == "Thiếu chuyên mục “Lấy ý kiến dự thảo”"
    assert link.startswith("/admin/pages/")


def test_f7_a_draft_closed_over_a_month_without_its_result_is_a_gap(commune):
    from content.models import DraftForComment

    recent = publish_draft(commune, opens=-20, closes=-3, slug="vua-dong", title="Vừa đóng")
    old = publish_draft(commune, opens=-90, closes=-40, slug="dong-lau", title="Đóng lâu")
    assert gaps(commune, "F7", DECREE_42) == [
        (
            "Dự thảo “Đóng lâu” đã hết hạn góp ý nhưng chưa đăng kết quả lấy ý kiến",
            f"/admin/pages/{old.pk}/edit/",
        )
    ]  # the one closed three days ago still has time (RESULT_DAYS)
    assert checks.RESULT_DAYS == 30 and recent.pk
    with schema_context(commune.schema_name):
        DraftForComment.objects.filter(pk=old.pk).update(result_summary="<p>Đã tổng hợp.</p>")
    assert gaps(commune, "F7", DECREE_42) == []


def test_f8_fails_when_the_rating_form_is_not_served(commune, settings, tmp_path):
    assert gaps(commune, "F8") == []
    (tmp_path / "base.html").write_text("<main>{% block content %}{% endblock %}</main>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [str(tmp_path), *settings.TEMPLATES[0]["DIRS"]]}
    ]
    assert gaps(commune, "F8") == [("Trang chưa hiển thị phiếu đánh giá mức độ hài lòng", "")]


def test_the_demo_commune_meets_c17_f7_and_f8(network):
    iabang = network["iabang"]
    with schema_context(iabang.schema_name):
        from content.models import DraftForComment

        draft = DraftForComment.objects.live().get()
        assert draft.is_open(timezone.localdate())
        assert draft.comments.count() == 2
        assert draft.closes_on > timezone.localdate() + timedelta(days=1)
        for ruleset in (DECREE_224, DECREE_42):
            result = evaluate(iabang, ruleset, Site.objects.get())
            assert not CODES & result.failed_codes
            assert not CODES & {r.rule.code for r in result.unchecked}
