"""The reports count the exchange (issue 18, item 3): the board report shows the items sent up
and those accepted; the network report shows per member what was pushed down and its
receipt."""

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django_tenants.utils import schema_context

from exchange.network.models import Receipt, Submission
from tests.exchange.conftest import login, make_document, make_news, section


def _figure(client, element_id) -> str:
    html = client.get("/admin/bao-cao/").content.decode()  # this month
    return BeautifulSoup(html, "html.parser").find(id=element_id).get_text(strip=True)


def test_board_report_counts_items_sent_up_and_accepted(network):
    commune, portal = network.commune, network.portal
    chief = login(commune)
    for title in ("Tin thứ nhất gửi lên", "Tin thứ hai gửi lên"):
        page_id = make_news(commune, title, with_files=False)
        chief.post(f"/admin/trao-doi/gui-len/{page_id}/", {"note": ""})
    accepted = Submission.objects.get(title="Tin thứ nhất gửi lên")
    reviewer = login(portal)
    reviewer.post(
        f"/admin/trao-doi/tin-co-so/{accepted.pk}/xu-ly/",
        {"action": "accept", "section": section(portal, "tin-tuc")},
    )
    assert (_figure(chief, "sent-up-count"), _figure(chief, "accepted-up-count")) == ("2", "1")
    assert (_figure(reviewer, "sent-up-count"), _figure(reviewer, "accepted-up-count")) == (
        "2",
        "1",
    )
    neighbour = login(network.neighbour)
    assert _figure(neighbour, "sent-up-count") == "0"


def test_network_report_shows_what_was_pushed_down_per_site(network):
    portal, commune, neighbour = network.portal, network.commune, network.neighbour
    chief = login(portal)
    for title in ("Công văn số một", "Công văn số hai"):
        page_id = make_document(portal, title)
        chief.post(f"/admin/trao-doi/gui-xuong/{page_id}/", {"target": "all"})
    first, second = Receipt.objects.filter(site=commune).order_by("dispatch__title")
    member = login(commune)
    member.post(
        f"/admin/trao-doi/tu-cap-tren/{first.pk}/xu-ly/",
        {"action": "publish", "section": section(commune, "van-ban")},
    )
    theirs = Receipt.objects.filter(site=neighbour).order_by("dispatch__title").first()
    login(neighbour).post(
        f"/admin/trao-doi/tu-cap-tren/{theirs.pk}/xu-ly/",
        {"action": "decline", "reason": "Không thuộc lĩnh vực của xã."},
    )
    with schema_context(portal.schema_name):
        get_user_model().objects.filter(username="truongban").update(is_superuser=True)
    html = login(portal).get("/admin/bao-cao/mang-luoi/").content.decode()
    table = BeautifulSoup(html, "html.parser").find(id="pushed-down")
    rows = {
        row["data-site"]: [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in table.tbody.find_all("tr")
    }
    # received, published, declined, not acted on
    assert rows == {"iamot": ["2", "1", "0", "1"], "iahai": ["2", "0", "1", "1"]}
    assert second.state == Receipt.State.UNSEEN
