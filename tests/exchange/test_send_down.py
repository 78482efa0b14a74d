"""A parent's document reaches its members with a receipt per site (issue 18, item 2): pushed
to all members or chosen ones, seen, published as a linked copy that follows the parent's
new version, or declined with a reason; the sites that have not acted are reminded by e-mail.
A commune of another parent sees none of it."""

import os

from django.conf import settings
from django.core import mail
from django_tenants.utils import schema_context

from exchange.network.models import Dispatch, Receipt
from tests.conftest import site_client
from tests.exchange.conftest import fetch, login, make_document, make_news, republish, section

TITLE = "Thông báo tổ chức Ngày hội Đại đoàn kết toàn dân tộc"


def _push(client, page_id, **data):
    return client.post(f"/admin/trao-doi/gui-xuong/{page_id}/", {"target": "all", **data})


def _receipt_states(client, dispatch) -> dict[str, str]:
    html = client.get(f"/admin/trao-doi/da-gui-xuong/{dispatch.pk}/").content.decode()
    states = {}
    for slug in ("iamot", "iahai", "iaba"):
        marker = f'data-receipt="{slug}" data-state="'
        if marker in html:
            states[slug] = html.split(marker, 1)[1].split('"', 1)[0]
    return states


def test_a_document_reaches_every_member_with_a_receipt_each(network):
    portal, commune, neighbour = network.portal, network.commune, network.neighbour
    source_id = make_document(portal, TITLE)
    chief = login(portal)
    edit = chief.get(f"/admin/pages/{source_id}/edit/").content.decode()
    assert f"/admin/trao-doi/gui-xuong/{source_id}/" in edit

    assert _push(chief, source_id, note="Đề nghị đăng trước ngày 15.").status_code == 302
    assert _push(chief, source_id, note="Nhắc lại.").status_code == 302  # same dispatch
    dispatch = Dispatch.objects.get()
    assert dispatch.kind == Dispatch.Kind.DOCUMENT and dispatch.note == "Nhắc lại."
    assert {r.site.slug for r in dispatch.receipts.all()} == {"iamot", "iahai"}
    assert _receipt_states(chief, dispatch) == {"iamot": "unseen", "iahai": "unseen"}

    # The commune's board sees it, which the receipt records.
    member = login(commune, "phoban")
    inbox = member.get("/admin/trao-doi/tu-cap-tren/").content.decode()
    assert TITLE in inbox and "Chưa xem" in inbox
    receipt = Receipt.objects.get(site=commune)
    item = member.get(f"/admin/trao-doi/tu-cap-tren/{receipt.pk}/").content.decode()
    assert "Về việc tổ chức ngày hội đại đoàn kết." in item
    assert _receipt_states(chief, dispatch) == {"iamot": "seen", "iahai": "unseen"}

    # Reminders go to the board of each site that has not acted.
    mail.outbox.clear()
    assert chief.post(f"/admin/trao-doi/da-gui-xuong/{dispatch.pk}/nhac/").status_code == 302
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == [
        "phoban@iahai.gov.vn",
        "phoban@iamot.gov.vn",
        "truongban@iahai.gov.vn",
        "truongban@iamot.gov.vn",
    ]
    assert all(TITLE in message.subject for message in mail.outbox)
    assert f"/admin/trao-doi/tu-cap-tren/{receipt.pk}/" in " ".join(m.body for m in mail.outbox)

    # Published into the commune's documents section: a live copy with its own file.
    documents = section(commune, "van-ban")
    response = member.post(
        f"/admin/trao-doi/tu-cap-tren/{receipt.pk}/xu-ly/",
        {"action": "publish", "section": documents},
    )
    assert response.status_code == 302
    receipt.refresh_from_db()
    assert receipt.state == Receipt.State.PUBLISHED
    copy = fetch(commune, receipt.copy_page_id)
    assert copy.live and copy.number == "12/TB-UBND" and copy.get_parent().pk == documents
    with schema_context(commune.schema_name):
        assert copy.document_type.name == "Thông báo"
        assert copy.file.file.path.startswith(
            os.path.join(settings.MEDIA_ROOT, commune.schema_name)
        )
        url = copy.url
    page = site_client(commune).get(url).content.decode()
    assert f'<link rel="canonical" href="{dispatch.source_url}">' in page

    # The neighbour declines, with a reason (none given: refused, nothing changed).
    other = login(neighbour)
    theirs = Receipt.objects.get(site=neighbour)
    other.post(f"/admin/trao-doi/tu-cap-tren/{theirs.pk}/xu-ly/", {"action": "decline"})
    theirs.refresh_from_db()
    assert theirs.state == Receipt.State.UNSEEN and theirs.reason == ""
    other.post(
        f"/admin/trao-doi/tu-cap-tren/{theirs.pk}/xu-ly/",
        {"action": "decline", "reason": "Xã đã đăng văn bản này từ nguồn khác."},
    )
    assert _receipt_states(chief, dispatch) == {"iamot": "published", "iahai": "declined"}
    listing = chief.get("/admin/trao-doi/da-gui-xuong/").content.decode()
    assert "Xã đã đăng văn bản" not in listing and TITLE in listing
    detail = chief.get(f"/admin/trao-doi/da-gui-xuong/{dispatch.pk}/").content.decode()
    assert "Xã đã đăng văn bản này từ nguồn khác." in detail
    assert "Nhắc" not in detail.split("Biên nhận của từng trang", 1)[1], "nobody left"

    # The parent's new version reaches the linked copy.
    republish(portal, source_id, title=TITLE + " (sửa đổi)", abstract="Trích yếu mới.")
    copy = fetch(commune, receipt.copy_page_id)
    assert copy.live and copy.title == TITLE + " (sửa đổi)" and copy.abstract == "Trích yếu mới."
    dispatch.refresh_from_db()
    receipt.refresh_from_db()
    assert dispatch.version == 2 and receipt.copied_version == 2

    # The commune takes its copy down: the parent's next version does not bring it back.
    with schema_context(commune.schema_name):
        copy.unpublish()
        revisions = copy.revisions.count()
    republish(portal, source_id, title=TITLE + " (lần 3)", abstract="Trích yếu lần ba.")
    copy = fetch(commune, receipt.copy_page_id)
    assert not copy.live and copy.title == TITLE + " (sửa đổi)"
    with schema_context(commune.schema_name):
        assert copy.revisions.count() == revisions


def test_chosen_sites_only_and_nothing_for_another_network(network):
    portal = network.portal
    source_id = make_news(portal, "Thông báo lịch tiếp công dân", with_files=False)
    chief = login(portal)
    response = _push(
        chief, source_id, target="chosen", kind="announcement", sites=[network.neighbour.pk]
    )
    assert response.status_code == 302
    dispatch = Dispatch.objects.get()
    assert dispatch.kind == Dispatch.Kind.ANNOUNCEMENT
    assert [r.site for r in dispatch.receipts.all()] == [network.neighbour]
    receipt = dispatch.receipts.get()

    # Neither the commune left out, nor another parent's commune, nor that parent sees it.
    for tenant in (network.commune, network.outsider, network.other_portal):
        client = login(tenant)
        for path in ("/admin/trao-doi/tu-cap-tren/", "/admin/trao-doi/da-gui-xuong/"):
            response = client.get(path)
            assert "Thông báo lịch tiếp công dân" not in response.content.decode()
        assert client.get(f"/admin/trao-doi/tu-cap-tren/{receipt.pk}/").status_code == 404
        assert client.get(f"/admin/trao-doi/da-gui-xuong/{dispatch.pk}/").status_code == 404
        response = client.post(
            f"/admin/trao-doi/tu-cap-tren/{receipt.pk}/xu-ly/",
            {"action": "decline", "reason": "x"},
        )
        assert response.status_code == 404
    receipt.refresh_from_db()
    assert receipt.state == Receipt.State.UNSEEN

    # A site of another network cannot be chosen.
    response = _push(chief, source_id, target="chosen", sites=[network.outsider.pk])
    assert response.status_code == 200
    assert [r.site for r in Dispatch.objects.get().receipts.all()] == [network.neighbour]


def test_a_suspended_member_cannot_act_and_its_receipt_says_why(network):
    from tenants.models import Tenant

    portal, commune = network.portal, network.commune
    source_id = make_document(portal, "Kế hoạch phòng chống thiên tai")
    chief = login(portal)
    _push(chief, source_id)
    dispatch = Dispatch.objects.get()
    member = login(commune)
    receipt = Receipt.objects.get(site=commune)
    Tenant.objects.filter(pk=commune.pk).update(status=Tenant.Status.SUSPENDED)
    detail = chief.get(f"/admin/trao-doi/da-gui-xuong/{dispatch.pk}/").content.decode()
    assert "Xã Ia Một đang tạm ngừng hoạt động." in detail
    response = member.post(
        f"/admin/trao-doi/tu-cap-tren/{receipt.pk}/xu-ly/",
        {"action": "publish", "section": section(commune, "van-ban")},
    )
    assert response.status_code == 503
    receipt.refresh_from_db()
    assert receipt.state == Receipt.State.UNSEEN

    # The parent suspended: its member cannot publish what it sent, and is told why.
    Tenant.objects.filter(pk=commune.pk).update(status=Tenant.Status.ACTIVE)
    Tenant.objects.filter(pk=portal.pk).update(status=Tenant.Status.SUSPENDED)
    response = member.post(
        f"/admin/trao-doi/tu-cap-tren/{receipt.pk}/xu-ly/",
        {"action": "publish", "section": section(commune, "van-ban")},
    )
    shown = member.get(response.url).content.decode()
    assert "Huyện Thử Nghiệm đang tạm ngừng hoạt động." in shown
    receipt.refresh_from_db()
    assert receipt.state == Receipt.State.SEEN and receipt.copy_page_id is None


def test_a_deputy_who_may_not_publish_news_sends_the_copy_through_review(network):
    from tests.exchange.conftest import task_action

    portal, commune = network.portal, network.commune
    source_id = make_news(portal, "Thông báo tuyển dụng viên chức", with_files=False)
    _push(login(portal), source_id, kind="announcement")
    receipt = Receipt.objects.get(site=commune)
    deputy = login(commune, "phoban")
    deputy.post(
        f"/admin/trao-doi/tu-cap-tren/{receipt.pk}/xu-ly/",
        {"action": "publish", "section": section(commune, "tin-tuc")},
    )
    receipt.refresh_from_db()
    assert receipt.state == Receipt.State.UNSEEN and receipt.copy_page_id
    copy = fetch(commune, receipt.copy_page_id)
    assert not copy.live
    item = deputy.get(f"/admin/trao-doi/tu-cap-tren/{receipt.pk}/").content.decode()
    assert "data-in-review" in item
    # A second click does not make a second copy.
    deputy.post(
        f"/admin/trao-doi/tu-cap-tren/{receipt.pk}/xu-ly/",
        {"action": "publish", "section": section(commune, "tin-tuc")},
    )
    from wagtail.models import Page

    with schema_context(commune.schema_name):
        assert Page.objects.filter(title="Thông báo tuyển dụng viên chức").count() == 1
    # The commune's own review publishes it; the receipt follows.
    task_action(deputy, commune, copy.pk, "approve")
    task_action(login(commune), commune, copy.pk, "approve")
    assert fetch(commune, copy.pk).live
    receipt.refresh_from_db()
    assert receipt.state == Receipt.State.PUBLISHED


def test_a_page_shown_only_to_some_is_never_sent_down(network):
    """A copy is public on the member's site and in the search: a login-only document stays
    on its portal, refused with the reason, and nothing reaches the members."""
    from wagtail.models import PageViewRestriction

    portal = network.portal
    source_id = make_document(portal, "Văn bản nội bộ của huyện")
    with schema_context(portal.schema_name):
        PageViewRestriction.objects.create(
            page_id=source_id, restriction_type=PageViewRestriction.LOGIN
        )
    chief = login(portal)
    response = _push(chief, source_id)
    assert "chỉ dành cho người được phép xem" in response.content.decode()
    assert not Dispatch.objects.exists() and not Receipt.objects.exists()
