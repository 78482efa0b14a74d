"""The network report in the parent portal's console: every member side by side, the network
total equal to the sum of the sites, sortable, sites below quota highlighted."""

from datetime import date

from bs4 import BeautifulSoup
from django_tenants.utils import schema_context

from content.models import ContributingUnit
from reports.network.models import DailyVisit
from tests.conftest import site_client
from tests.reports.conftest import PASSWORD, admin_client, local, publish_item

YEAR_2019 = {"ky": "thang", "nam": 2019, "so": 3}  # a month the demo content does not touch
NETWORK = "/admin/bao-cao/mang-luoi/"


def _rows(html):
    table = BeautifulSoup(html, "html.parser").find(id="network-report")
    body = [
        (
            row["data-site"],
            "below" in (row.get("class") or []),
            [c.get_text(strip=True) for c in row.find_all(["th", "td"])],
        )
        for row in table.tbody.find_all("tr")
    ]
    total = [c.get_text(strip=True) for c in table.tfoot.find_all(["th", "td"])]
    return body, total


def test_network_report_lists_every_member_and_totals_their_sum(network):
    counts = {"iabang": 14, "habau": 3, "glar": 0, "namyang": 1}
    for slug, n in counts.items():
        with schema_context(network[slug].schema_name):
            unit = ContributingUnit.objects.create(name=f"Đơn vị thử {slug}")
            for i in range(n):
                publish_item(f"Tin {i}", local(2019, 3, 1 + i, 8), unit, slug=f"thu-2019-{i}")
        DailyVisit.objects.create(tenant=network[slug], day=date(2019, 3, 2), views=10 * n + 1)

    html = admin_client(network["dakdoa"]).get(NETWORK, YEAR_2019).content.decode()
    rows, total = _rows(html)
    by_site = {slug: cells for slug, _, cells in rows}
    assert set(by_site) == set(counts)  # members only: the parent is not its own member
    for slug, n in counts.items():
        assert by_site[slug][1] == str(n)  # items
        assert by_site[slug][7] == str(10 * n + 1)  # visits
    # The total row is the sum of the rows, column by column.
    for column in range(1, 8):
        assert total[column] == str(sum(int(cells[column]) for cells in by_site.values()))
    below = {slug for slug, is_below, _ in rows if is_below}
    assert below == {"habau", "glar", "namyang"}  # the quota is 12 a month: only Ia Băng met it

    html = (
        admin_client(network["dakdoa"])
        .get(NETWORK, {**YEAR_2019, "sap-xep": "items", "chieu": "giam"})
        .content.decode()
    )
    assert [slug for slug, _, _ in _rows(html)[0]] == ["iabang", "habau", "namyang", "glar"]


def test_only_network_administrators_of_a_parent_portal_see_it(network):
    commune_admin = site_client(network["iabang"])
    commune_admin.post("/admin/login/", {"username": "admin", "password": PASSWORD})
    assert commune_admin.get(NETWORK)["Location"] == "/admin/"
    assert NETWORK not in commune_admin.get("/admin/").content.decode()
    assert site_client(network["dakdoa"]).get(NETWORK).status_code == 302  # to the login
