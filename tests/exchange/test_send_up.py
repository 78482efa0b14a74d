"""A commune's item reaches its parent portal through both boards (issue 18, item 1): sent,
reviewed, accepted as a draft that goes through the portal's own two-step review, published
with attribution and a canonical link, flagged and updated when the source changes, and
decided on when the source is withdrawn. Nothing of it shows to other sites."""

import os

from django.conf import settings
from django_tenants.utils import schema_context

from exchange.network.models import Submission
from tests.conftest import site_client
from tests.exchange.conftest import (
    fetch,
    login,
    make_news,
    republish,
    section,
    task_action,
)

TITLE = "Ia Một ra quân làm đường giao thông nông thôn"


def _send(client, page_id, note=""):
    return client.post(f"/admin/trao-doi/gui-len/{page_id}/", {"note": note})


def _act(client, submission, action, **data):
    return client.post(
        f"/admin/trao-doi/tin-co-so/{submission.pk}/xu-ly/", {"action": action, **data}
    )


def _media_files(tenant) -> set[str]:
    root = os.path.join(settings.MEDIA_ROOT, tenant.schema_name)
    found = set()
    for folder, _, files in os.walk(root):
        found.update(os.path.join(folder, name) for name in files)
    return found


def test_item_goes_up_through_both_boards(network):
    commune, portal = network.commune, network.portal
    source_id = make_news(commune, TITLE, body_text="Hơn 200 người dân cùng tham gia.")

    chief = login(commune)
    edit = chief.get(f"/admin/pages/{source_id}/edit/").content.decode()
    assert f"/admin/trao-doi/gui-len/{source_id}/" in edit
    assert "Gửi lên Huyện Thử Nghiệm" in edit

    # Sent twice: one request, the later note.
    assert _send(chief, source_id, "Mong cổng huyện đăng lại.").status_code == 302
    assert _send(login(commune, "phoban"), source_id, "Đã bổ sung ảnh.").status_code == 302
    submission = Submission.objects.get()
    assert (submission.source, submission.portal) == (commune, portal)
    assert submission.note == "Đã bổ sung ảnh."
    assert "Phó ban" not in submission.sent_by and "phoban" in submission.sent_by

    # The parent's board sees it in its queue, with a preview of the item.
    deputy = login(portal, "phoban")
    queue = deputy.get("/admin/trao-doi/tin-co-so/").content.decode()
    assert TITLE in queue and "Xã Ia Một" in queue and "Đã bổ sung ảnh." in queue
    review = deputy.get(f"/admin/trao-doi/tin-co-so/{submission.pk}/").content.decode()
    assert "Hơn 200 người dân cùng tham gia." in review

    # Accepted into the news section: a draft in the portal's two-step review.
    portal_files_before = _media_files(portal)
    news = section(portal, "tin-tuc")
    response = _act(deputy, submission, "accept", section=news, submit_for_review="on")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == Submission.State.ACCEPTED
    copy = fetch(portal, submission.copy_page_id)
    assert not copy.live and copy.get_parent().pk == news
    with schema_context(portal.schema_name):
        assert copy.current_workflow_task.name == "Phó ban duyệt"
        assert copy.author == "Nguyễn Văn An"
        assert copy.contributing_unit.name == "Xã Ia Một"
        # Its files are the portal's own copies, stored under the portal's media folder.
        assert copy.image is not None
        image_path = copy.image.file.path
        blocks = {block.block_type: block.value for block in copy.body}
        assert blocks["image"]["image"].pk == copy.image.pk
        assert blocks["document"]["document"].file.path.startswith(
            os.path.join(settings.MEDIA_ROOT, portal.schema_name)
        )
    assert image_path.startswith(os.path.join(settings.MEDIA_ROOT, portal.schema_name))
    assert len(_media_files(portal) - portal_files_before) == 2

    # The commune sees the answer.
    sent = chief.get("/admin/trao-doi/da-gui-len/").content.decode()
    assert 'data-state="accepted"' in sent and "Cấp trên đã nhận" in sent

    # The portal's own review: deputy, then chief; live on the portal's home page.
    assert task_action(deputy, portal, copy.pk, "approve").status_code in (200, 302)
    assert not fetch(portal, copy.pk).live
    portal_chief = login(portal)
    assert task_action(portal_chief, portal, copy.pk, "approve").status_code in (200, 302)
    copy = fetch(portal, copy.pk)
    assert copy.live
    with schema_context(portal.schema_name):
        copy_url = copy.url
    page = site_client(portal).get(copy_url).content.decode()
    assert f'<link rel="canonical" href="{submission.source_url}">' in page
    assert submission.source_url.startswith("http://iamot.thunghiem.localhost/")
    assert "Xã Ia Một" in page and "Nguyễn Văn An" in page
    assert TITLE in site_client(portal).get("/").content.decode()

    # Edited at the source: the portal's copy is flagged with a diff, and updated in one click.
    republish(commune, source_id, title=TITLE + " (cập nhật)", lead="Sapô mới.")
    submission.refresh_from_db()
    assert submission.source_changed
    queue = deputy.get("/admin/trao-doi/tin-co-so/").content.decode()
    assert "bản gốc đã thay đổi" in queue
    review = portal_chief.get(f"/admin/trao-doi/tin-co-so/{submission.pk}/").content.decode()
    assert "data-changed" in review
    assert "+Sapô mới." in review and "-Sapô của tin." in review
    assert _act(portal_chief, submission, "update").status_code == 302
    copy = fetch(portal, copy.pk)
    assert copy.live and copy.title == TITLE + " (cập nhật)" and copy.lead == "Sapô mới."
    submission.refresh_from_db()
    assert not submission.source_changed
    with schema_context(portal.schema_name):
        from wagtail.images.models import Image

        assert Image.objects.count() == 1, "the update reuses the copied image"

    # Withdrawn at the source: flagged; the portal's board takes the copy down.
    with schema_context(commune.schema_name):
        fetch(commune, source_id).unpublish()
    submission.refresh_from_db()
    assert submission.source_withdrawn
    review = portal_chief.get(f"/admin/trao-doi/tin-co-so/{submission.pk}/").content.decode()
    assert "data-withdrawn" in review
    assert _act(portal_chief, submission, "unpublish").status_code == 302
    assert not fetch(portal, copy.pk).live


def test_changes_and_decline_need_a_reason_and_reach_the_sender(network):
    commune, portal = network.commune, network.portal
    first = make_news(commune, "Tin cần sửa", with_files=False)
    second = make_news(commune, "Tin bị từ chối", with_files=False)
    chief = login(commune)
    _send(chief, first)
    _send(chief, second)
    asked, refused = (
        Submission.objects.get(source_page_id=first),
        Submission.objects.get(source_page_id=second),
    )
    reviewer = login(portal)

    response = _act(reviewer, asked, "changes", reason="")
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.state == Submission.State.SENT and asked.reason == ""
    messages = reviewer.get(response.url).content.decode()
    assert "Hãy ghi lý do" in messages

    _act(reviewer, asked, "changes", reason="Cần thêm ảnh và tên người chụp.")
    _act(reviewer, refused, "decline", reason="Trùng tin cổng đã đăng.")
    asked.refresh_from_db()
    refused.refresh_from_db()
    assert asked.state == Submission.State.CHANGES
    assert refused.state == Submission.State.DECLINED
    sent = chief.get("/admin/trao-doi/da-gui-len/").content.decode()
    assert "Cần thêm ảnh và tên người chụp." in sent and "Trùng tin cổng đã đăng." in sent

    # Sent again after the changes: the same request, open again.
    _send(chief, first, "Đã thêm ảnh.")
    asked.refresh_from_db()
    assert asked.state == Submission.State.SENT and asked.reason == ""
    assert Submission.objects.count() == 2


def test_no_other_site_sees_the_request(network):
    source_id = make_news(network.commune, "Tin riêng của Ia Một", with_files=False)
    _send(login(network.commune), source_id, "Ghi chú riêng")
    submission = Submission.objects.get()
    for tenant in (network.neighbour, network.other_portal, network.outsider):
        client = login(tenant)
        for path in ("/admin/trao-doi/da-gui-len/", "/admin/trao-doi/tin-co-so/"):
            response = client.get(path)
            assert "Tin riêng của Ia Một" not in response.content.decode(), (tenant.slug, path)
        assert client.get(f"/admin/trao-doi/tin-co-so/{submission.pk}/").status_code == 404
        response = _act(client, submission, "decline", reason="không phải việc của tôi")
        assert response.status_code == 404
    submission.refresh_from_db()
    assert submission.state == Submission.State.SENT


def test_a_commune_moved_to_another_parent_takes_its_requests_along(network):
    source_id = make_news(network.commune, "Tin trước khi chuyển", with_files=False)
    _send(login(network.commune), source_id)
    submission = Submission.objects.get()
    network.commune.parent = network.other_portal
    network.commune.save()
    response = login(network.portal).get(f"/admin/trao-doi/tin-co-so/{submission.pk}/")
    assert response.status_code == 404


def test_a_suspended_or_archived_sender_blocks_the_request_and_says_why(network):
    from tenants.models import Tenant

    commune, portal = network.commune, network.portal
    source_id = make_news(commune, "Tin của xã bị tạm ngừng", with_files=False)
    _send(login(commune), source_id)
    submission = Submission.objects.get()
    reviewer = login(portal)
    for status, words in (
        (Tenant.Status.SUSPENDED, "tạm ngừng"),
        (Tenant.Status.ARCHIVED, "lưu trữ"),
    ):
        Tenant.objects.filter(pk=commune.pk).update(status=status)
        review = reviewer.get(f"/admin/trao-doi/tin-co-so/{submission.pk}/").content.decode()
        assert "data-blocked" in review and words in review
        assert "tin-co-so" in review
        response = _act(reviewer, submission, "accept", section=section(portal, "tin-tuc"))
        assert response.status_code == 302
        submission.refresh_from_db()
        assert submission.state == Submission.State.SENT and submission.copy_page_id is None
        assert words in reviewer.get("/admin/trao-doi/tin-co-so/").content.decode()
    # The archived commune itself cannot send any more (the site is read-only).
    Tenant.objects.filter(pk=commune.pk).update(status=Tenant.Status.ARCHIVED)
    assert _send(site_client(commune), source_id).status_code == 403


def test_a_failed_copy_leaves_nothing_and_says_what_failed(network):
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Page

    commune, portal = network.commune, network.portal
    source_id = make_news(commune, "Tin có ảnh bị mất")
    _send(login(commune), source_id)
    submission = Submission.objects.get()
    with schema_context(commune.schema_name):
        os.remove(Image.objects.get().file.path)
    with schema_context(portal.schema_name):
        before = (Page.objects.count(), Image.objects.count(), Document.objects.count())
    files_before = _media_files(portal)

    reviewer = login(portal)
    response = _act(reviewer, submission, "accept", section=section(portal, "tin-tuc"))
    shown = reviewer.get(response.url).content.decode()
    assert "Chưa nhận được tin" in shown and "Ảnh hội nghị" in shown
    submission.refresh_from_db()
    assert submission.state == Submission.State.SENT
    with schema_context(portal.schema_name):
        assert (Page.objects.count(), Image.objects.count(), Document.objects.count()) == before
    assert _media_files(portal) == files_before


def test_a_slug_clash_leaves_nothing_half_made(network):
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Page

    commune, portal = network.commune, network.portal
    title = "Tin trùng đường dẫn"
    source_id = make_news(commune, title)
    make_news(portal, title, with_files=False)  # the portal already has an item so named
    _send(login(commune), source_id)
    submission = Submission.objects.get()
    with schema_context(portal.schema_name):
        before = (Page.objects.count(), Image.objects.count(), Document.objects.count())
    files_before = _media_files(portal)
    reviewer = login(portal)
    response = _act(reviewer, submission, "accept", section=section(portal, "tin-tuc"))
    shown = reviewer.get(response.url).content.decode()
    assert "đã có một trang" in shown
    with schema_context(portal.schema_name):
        assert (Page.objects.count(), Image.objects.count(), Document.objects.count()) == before
    assert _media_files(portal) == files_before
    submission.refresh_from_db()
    assert submission.state == Submission.State.SENT


def test_only_live_news_can_be_sent(network):
    from wagtail.models import Page

    commune = network.commune
    source_id = make_news(commune, "Tin sắp gỡ", with_files=False)
    with schema_context(commune.schema_name):
        Page.objects.get(pk=source_id).specific.unpublish()
    response = _send(login(commune), source_id)
    assert response.status_code == 200
    assert "Chỉ gửi được tin đang đăng." in response.content.decode()
    assert not Submission.objects.exists()
