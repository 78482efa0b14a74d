"""F18, F20 and F21 are checked by program (issue 20): each fails on what a site lacks, with a
link to where the board fixes it, and passes once it is there."""

from datetime import timedelta

from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Site

from maintenance.models import MaintenanceWindow
from reports.compliance.rulesets import DECREE_224
from reports.compliance.service import evaluate
from tests.reports.conftest import publish_item

ISSUE_20 = ("F18", "F20", "F21")


def _gaps(result, code):
    return [gap for rule_code, gap in result.gaps if rule_code == code]


def test_the_three_rules_are_checked_by_program_with_their_law():
    for code in ISSUE_20:
        rule = DECREE_224.rule(code)
        assert not rule.manual and not rule.by_platform
        assert rule.law


def test_open_data_needs_something_published_to_share(commune):
    with schema_context(commune.schema_name):
        site = Site.objects.get()
        gaps = _gaps(evaluate(commune, DECREE_224, site), "F18")
        assert [g.message for g in gaps] == [
            "Dữ liệu mở chưa có tin, văn bản hay thủ tục nào đã đăng để chia sẻ"
        ]
        news = site.root_page.get_children().get(slug="tin-tuc")
        assert gaps[0].fix_url == f"/admin/pages/{news.pk}/add_subpage/"
        publish_item("Tin để chia sẻ", timezone.now())
        assert _gaps(evaluate(commune, DECREE_224, site), "F18") == []


def test_the_monitoring_code_is_required_and_linked_to_its_setting(commune):
    from monitoring.models import MonitoringCode

    with schema_context(commune.schema_name):
        site = Site.objects.get()
        gaps = _gaps(evaluate(commune, DECREE_224, site), "F20")
        assert [g.message for g in gaps] == ["Chưa gắn mã giám sát (EMC)"]
        assert gaps[0].fix_url == f"/admin/settings/monitoring/monitoringcode/{site.pk}/"
        code = MonitoringCode.for_site(site)
        code.snippet = '<script src="https://emc.gov.vn/a.js"></script>'
        code.save()
        assert "F20" not in evaluate(commune, DECREE_224, site).failed_codes


def test_a_stop_announced_late_without_force_majeure_fails(network, commune):
    soon = timezone.now() + timedelta(days=1)
    with schema_context(commune.schema_name):
        site = Site.objects.get()
        assert "F21" not in evaluate(commune, DECREE_224, site).failed_codes
        # Saved without the screens' check, as an import or a script could.
        late = MaintenanceWindow.objects.create(
            site=commune, starts_at=soon, ends_at=soon + timedelta(hours=1)
        )
        gaps = _gaps(evaluate(commune, DECREE_224, site), "F21")
        assert len(gaps) == 1
        assert "không nêu lý do bất khả kháng" in gaps[0].message
        assert gaps[0].fix_url == "/admin/tam-ngung/"
        late.force_majeure = "Mất điện toàn tỉnh"
        late.save()
        assert "F21" not in evaluate(commune, DECREE_224, site).failed_codes
        # The network's window counts for each member.
        MaintenanceWindow.objects.create(
            site=network["dakdoa"],
            whole_network=True,
            starts_at=soon,
            ends_at=soon + timedelta(hours=1),
        )
        assert "F21" in evaluate(commune, DECREE_224, site).failed_codes
        # A planned stop announced in time passes.
        MaintenanceWindow.objects.filter(whole_network=True).delete()
        far = timezone.now() + timedelta(days=45)
        MaintenanceWindow.objects.create(
            site=commune, starts_at=far, ends_at=far + timedelta(hours=1)
        )
        assert "F21" not in evaluate(commune, DECREE_224, site).failed_codes


def test_the_demo_commune_meets_all_three(network):
    iabang = network["iabang"]
    with schema_context(iabang.schema_name):
        result = evaluate(iabang, DECREE_224, Site.objects.get(is_default_site=True))
    assert not set(ISSUE_20) & result.failed_codes
