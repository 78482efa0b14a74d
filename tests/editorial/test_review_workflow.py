"""The board's review, driven through the admin as its members would (issue 3's groups and
workflow, created by provisioning): editor submits, deputy approves, chief publishes."""

from tests.conftest import site_client
from tests.editorial.conftest import fresh, member, task_action, through_both_steps, write


def test_an_item_goes_live_after_the_deputy_then_the_chief_approve(two_step_site):
    site = two_step_site
    title = "Họp dân bàn kế hoạch làm đường"
    editor = member(site, "bientap")
    assert write(editor, site, title, "action-submit").status_code == 302
    through_both_steps(site, title)


def test_an_editor_cannot_publish_directly(two_step_site):
    site = two_step_site
    title = "Tin chưa được duyệt"
    write(member(site, "bientap"), site, title, "action-publish")
    page = fresh(site, title)
    assert not page.live  # saved as a draft at most, never published
    assert site_client(site).get("/tin-tuc/").content.decode().count(title) == 0


def test_the_deputy_cannot_approve_the_chiefs_step(two_step_site):
    site = two_step_site
    title = "Tin chờ trưởng ban"
    write(member(site, "bientap"), site, title, "action-submit")
    deputy = member(site, "phoban")
    task_action(deputy, site, fresh(site, title), "approve")
    task_action(deputy, site, fresh(site, title), "approve")  # a second try, at the chief's step
    assert not fresh(site, title).live
