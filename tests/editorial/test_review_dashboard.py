"""Review notifications, the "Chờ duyệt" panel, and the review choice in the site settings."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Site, WorkflowPage

from editorial.roles import ONE_STEP_WORKFLOW
from tenants.models import Tenant
from tests.editorial.conftest import fresh, member, page_id, task_action, write


def _recipients():
    return {address for message in mail.outbox for address in message.to}


def test_reviewers_are_emailed_at_each_step(two_step_site):
    site = two_step_site
    mail.outbox.clear()
    write(member(site, "ctv1"), site, "Tin cần duyệt")
    assert "phoban@xa.gov.vn" in _recipients()
    assert "truongban@xa.gov.vn" not in _recipients()
    mail.outbox.clear()
    task_action(member(site, "phoban"), site, fresh(site, "Tin cần duyệt"), "approve")
    assert "truongban@xa.gov.vn" in _recipients()


def test_awaiting_review_panel_lists_urgent_items_first_with_their_wait(two_step_site):
    site = two_step_site
    contributor = member(site, "ctv1")
    write(contributor, site, "Tin thường chờ lâu")
    write(contributor, site, "Hoạt động của Chủ tịch xã", urgent="on")
    with schema_context(site.schema_name):
        from wagtail.models import TaskState

        TaskState.objects.filter(
            workflow_state__object_id=str(fresh(site, "Tin thường chờ lâu").pk)
        ).update(started_at=timezone.now() - timedelta(days=3))

    html = member(site, "phoban").get("/admin/").content.decode()
    assert "Chờ duyệt" in html
    urgent, ordinary = html.index("Hoạt động của Chủ tịch xã"), html.index("Tin thường chờ lâu")
    assert urgent < ordinary
    assert "3 ngày" in html and "dưới 1 giờ" in html
    # the chief has nothing to review yet; the contributor never does
    assert (
        "editorial-awaiting-heading"
        not in member(site, "truongban").get("/admin/").content.decode()
    )
    assert "editorial-awaiting-heading" not in contributor.get("/admin/").content.decode()


def test_switching_to_one_step_review_in_the_settings(two_step_site):
    site = two_step_site
    chief = member(site, "truongban")
    with schema_context(site.schema_name):
        site_pk = Site.objects.get(is_default_site=True).pk
    url = f"/admin/settings/editorial/boardsettings/{site_pk}/"
    form = chief.get(url)
    assert form.status_code == 200
    assert (
        'value="2" checked' in form.content.decode()
        or 'value="2" selected' in form.content.decode()
    )
    response = chief.post(url, {"monthly_target": "15", "approval_steps": "1"})
    assert response.status_code == 302
    with schema_context(site.schema_name):
        home = page_id(site, depth=2)
        assert WorkflowPage.objects.get(page_id=home).workflow.name == ONE_STEP_WORKFLOW
    assert Tenant.objects.get(pk=site.pk).approval_steps == 1
    write(member(site, "bientap"), site, "Tin sau khi đổi quy trình")
    with schema_context(site.schema_name):
        task = fresh(site, "Tin sau khi đổi quy trình").current_workflow_task
        assert task.name == "Trưởng ban duyệt"
    # absurd target refused, nothing changed
    refused = chief.post(url, {"monthly_target": "100000", "approval_steps": "2"})
    assert refused.status_code == 200
    with schema_context(site.schema_name):
        assert WorkflowPage.objects.get(page_id=home).workflow.name == ONE_STEP_WORKFLOW
