"""Withdrawing a live item asks for a reason, recorded in the item's history (issue 5)."""

from django_tenants.utils import schema_context
from wagtail.models import PageLogEntry

from tests.conftest import site_client
from tests.editorial.conftest import fresh, member, write


def test_withdrawal_requires_a_reason_and_records_it_in_the_history(two_step_site):
    site = two_step_site
    chief = member(site, "truongban")
    write(chief, site, "Tin đăng nhầm", action="action-publish")
    page = fresh(site, "Tin đăng nhầm")
    assert page.live
    url = f"/admin/pages/{page.pk}/unpublish/"

    confirm = chief.get(url)
    assert confirm.status_code == 200
    assert 'name="reason"' in confirm.content.decode()

    refused = chief.post(url, {"reason": "   "}, follow=True)
    assert "Cần ghi lý do gỡ tin trước khi gỡ." in refused.content.decode()
    assert fresh(site, "Tin đăng nhầm").live

    chief.post(url, {"reason": "Sai số liệu dân số"})
    page = fresh(site, "Tin đăng nhầm")
    assert not page.live
    assert site_client(site).get("/tin-tuc/tin-dang-nham/").status_code == 404
    with schema_context(site.schema_name):
        entry = PageLogEntry.objects.get(page=page, action="editorial.withdraw")
        assert entry.data == {"reason": "Sai số liệu dân số"}
        assert entry.user.username == "truongban"
        assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish").exists()
    history = chief.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "Gỡ tin. Lý do: Sai số liệu dân số" in history


def test_only_those_who_may_publish_can_withdraw(two_step_site):
    site = two_step_site
    write(member(site, "truongban"), site, "Tin đang đăng", action="action-publish")
    page = fresh(site, "Tin đang đăng")
    for username in ("bientap", "ctv1", "quantri"):
        member(site, username).post(f"/admin/pages/{page.pk}/unpublish/", {"reason": "thử"})
        assert fresh(site, "Tin đang đăng").live, username


def test_bulk_unpublish_is_refused_so_no_withdrawal_skips_its_reason(two_step_site):
    site = two_step_site
    chief = member(site, "truongban")
    write(chief, site, "Tin một", action="action-publish")
    write(chief, site, "Tin hai", action="action-publish")
    ids = [fresh(site, "Tin một").pk, fresh(site, "Tin hai").pk]
    query = "&".join(f"id={pk}" for pk in ids)
    response = chief.post(f"/admin/bulk/wagtailcore/page/unpublish/?{query}", {}, follow=True)
    assert "Hãy gỡ từng tin bài để ghi lý do gỡ." in response.content.decode()
    assert fresh(site, "Tin một").live and fresh(site, "Tin hai").live
