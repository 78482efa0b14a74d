"""Who may do what on a board, proved by requests to the admin (issue 5)."""

from django.core import mail
from django_tenants.utils import schema_context

from editorial import stats
from editorial.models import RoyaltyLine
from tests.conftest import site_client
from tests.editorial.conftest import (
    PASSWORD,
    fresh,
    member,
    page_id,
    task_action,
    through_both_steps,
    write,
)


def _today():
    from django.utils import timezone

    return timezone.localdate()


def test_two_step_path_contributor_deputy_chief_then_royalty_and_count(two_step_site):
    site = two_step_site
    title = "Trường Tiểu học khai giảng năm học mới"
    assert write(member(site, "ctv1"), site, title).status_code == 302
    page = through_both_steps(site, title)
    with schema_context(site.schema_name):
        line = RoyaltyLine.objects.get(page=page)
        assert (line.amount, line.kind, line.authors) == (100_000, "tin", "Nguyễn Văn An")
        assert line.unit.name == "Trường Tiểu học"
        assert line.created_by.username == "truongban"
        unit_id = line.unit_id
        assert stats.items_per_unit(*stats.month_bounds(_today())) == {unit_id: 1}


def test_rejection_with_a_comment_goes_back_to_the_author(two_step_site):
    site = two_step_site
    title = "Tin thiếu ảnh"
    write(member(site, "ctv1"), site, title)
    mail.outbox.clear()
    response = task_action(
        member(site, "phoban"), site, fresh(site, title), "reject", "Cần thêm ảnh"
    )
    assert response.status_code in (200, 302)
    page = fresh(site, title)
    assert not page.live
    with schema_context(site.schema_name):
        state = page.current_workflow_state
        assert state.status == "needs_changes"
        assert state.current_task_state.comment == "Cần thêm ảnh"
    author = member(site, "ctv1")
    edit = author.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert "Cần thêm ảnh" in edit.content.decode()
    assert any("ctv1@xa.gov.vn" in message.to for message in mail.outbox)


def test_one_step_site_publishes_after_the_chief_alone(one_step_site):
    site = one_step_site
    title = "Tin một bước"
    write(member(site, "bientap"), site, title)
    page = fresh(site, title)
    with schema_context(site.schema_name):
        assert page.current_workflow_task.name == "Trưởng ban duyệt"
    task_action(member(site, "truongban"), site, page, "approve")
    assert fresh(site, title).live


def test_contributors_cannot_publish_or_approve(two_step_site):
    site = two_step_site
    contributor = member(site, "ctv1")
    write(contributor, site, "Tin tự đăng", action="action-publish")
    page = fresh(site, "Tin tự đăng")
    assert not page.live

    write(member(site, "ctv2"), site, "Tin của người khác")
    other = fresh(site, "Tin của người khác")
    task_action(contributor, site, other, "approve")
    with schema_context(site.schema_name):
        assert fresh(site, "Tin của người khác").current_workflow_task.name == "Phó ban duyệt"

    assert not fresh(site, "Tin của người khác").live

    # their own item once published: no unpublishing either (whatever the answer, the item
    # stays live: a redirect after a successful unpublish must fail this test)
    write(contributor, site, "Tin của CTV đã duyệt")
    published = through_both_steps(site, "Tin của CTV đã duyệt")
    contributor.post(f"/admin/pages/{published.pk}/unpublish/", {"reason": "Sai số liệu"})
    assert fresh(site, "Tin của CTV đã duyệt").live
    assert site_client(site).get(published.url).status_code == 200


def test_contributors_write_only_in_the_sections_given_to_them(two_step_site):
    site = two_step_site
    from content.models import NewsPage

    announcements = page_id(site, slug="tiep-can-thong-tin")
    response = member(site, "ctv1").post(
        f"/admin/pages/add/content/newspage/{announcements}/", {"title": "Lạc chỗ"}
    )
    assert response.status_code != 200 or "Lạc chỗ" not in response.content.decode()
    with schema_context(site.schema_name):
        assert not NewsPage.objects.filter(title="Lạc chỗ").exists()


def test_contributors_never_see_each_others_drafts(two_step_site):
    site = two_step_site
    write(member(site, "ctv1"), site, "Bản nháp của CTV một", action="action-save")
    draft = fresh(site, "Bản nháp của CTV một")
    other = member(site, "ctv2")
    listing = other.get(f"/admin/pages/{page_id(site, slug='tin-tuc')}/")
    assert listing.status_code == 200
    assert "Bản nháp của CTV một" not in listing.content.decode()
    search = other.get("/admin/pages/search/", {"q": "nháp"})
    assert search.status_code == 200
    assert "Bản nháp của CTV một" not in search.content.decode()
    chooser = other.get(f"/admin/choose-page/{page_id(site, slug='tin-tuc')}/")
    assert "Bản nháp của CTV một" not in chooser.content.decode()
    assert other.get(f"/admin/pages/{draft.pk}/history/").status_code != 200
    assert other.get(f"/admin/pages/{draft.pk}/edit/").status_code != 200
    assert other.get(f"/admin/pages/{draft.pk}/view_draft/").status_code != 200
    # the author and the editors do see it
    own = member(site, "ctv1").get(f"/admin/pages/{page_id(site, slug='tin-tuc')}/")
    assert "Bản nháp của CTV một" in own.content.decode()
    editor = member(site, "bientap").get(f"/admin/pages/{page_id(site, slug='tin-tuc')}/")
    assert "Bản nháp của CTV một" in editor.content.decode()
    found = member(site, "ctv1").get("/admin/pages/search/", {"q": "nháp"}).content.decode()
    assert "Bản nháp của CTV một" in found


def test_contributors_cannot_reach_settings_users_or_board_screens(two_step_site):
    site = two_step_site
    contributor = member(site, "ctv1")
    for url in (
        "/admin/settings/editorial/boardsettings/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/sites/",
        "/admin/workflows/list/",
        "/admin/ban-bien-tap/",
        "/admin/ban-bien-tap/moi/",
        "/admin/nhuan-but/",
        "/admin/nhuan-but/xuat/",
        "/admin/nhuan-but/muc/",
        "/admin/nhuan-but/kinh-phi/",
    ):
        assert contributor.get(url).status_code in (302, 403), url
    dashboard = contributor.get("/admin/").content.decode()
    assert "/admin/ban-bien-tap/" not in dashboard
    assert "/admin/nhuan-but/" not in dashboard


def test_site_administrator_has_no_content_approval(two_step_site):
    site = two_step_site
    write(member(site, "bientap"), site, "Tin chờ duyệt")
    admin = member(site, "quantri")
    task_action(admin, site, fresh(site, "Tin chờ duyệt"), "approve")
    with schema_context(site.schema_name):
        assert fresh(site, "Tin chờ duyệt").current_workflow_task.name == "Phó ban duyệt"
    assert admin.get("/admin/ban-bien-tap/").status_code == 200
    assert admin.get("/admin/users/").status_code == 200
    assert not fresh(site, "Tin chờ duyệt").live
    # The board's settings are the administrator's: the form itself, not a way to the login
    # page or to the dashboard (a 302 alone proved nothing).
    settings_page = admin.get("/admin/settings/editorial/boardsettings/", follow=True)
    assert settings_page.status_code == 200
    final_url = settings_page.redirect_chain[-1][0] if settings_page.redirect_chain else ""
    assert "/admin/settings/editorial/boardsettings/" in final_url
    assert 'name="monthly_target"' in settings_page.content.decode()


def test_a_board_member_of_one_site_gets_nothing_on_another(two_step_site, demo_network):
    site_a = two_step_site
    site_b = demo_network["iabang"]
    client_a = member(site_a, "truongban")
    assert client_a.get("/admin/").status_code == 200
    # the same browser (cookies are not per host in the test client) on site B
    client_b = site_client(site_b)
    client_b.cookies = client_a.cookies
    response = client_b.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    refused = client_b.post("/admin/login/", {"username": "truongban", "password": PASSWORD})
    assert refused.status_code == 200  # the form again: no such user on site B
    assert client_b.get("/admin/ban-bien-tap/").status_code == 302
