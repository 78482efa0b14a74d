"""A member's group in its parent portal's directory ("Cụm, khu vực", issue 16 part 4): set when
the site is created from the console or a CSV import, changed on the member's console page."""

import pytest

from tenants import importing
from tenants.models import Tenant
from tests.tenants.test_console import CONSOLE, _login


@pytest.fixture
def network(db, demo_network):
    return {slug: Tenant.objects.get(pk=t.pk) for slug, t in demo_network.items()}


def test_the_console_creates_a_member_with_its_group(network):
    client = _login(network["dakdoa"])
    response = client.post(
        CONSOLE + "tao-moi/",
        {
            "name": "Xã Ia Pết",
            "kind": "commune",
            "slug": "",
            "chief_email": "tb@iapet.vn",
            "group": "  Khu vực   phía Bắc ",
            "extra_domains": "",
            "approval_steps": "2",
        },
    )
    assert response.status_code == 200
    assert Tenant.objects.get(slug="iapet").group == "Khu vực phía Bắc"


def test_the_members_console_page_changes_its_group(network):
    client, glar = _login(network["dakdoa"]), network["glar"]
    page = client.get(f"{CONSOLE}{glar.pk}/").content.decode()
    assert 'name="group"' in page and "Cụm, khu vực" in page
    response = client.post(
        f"{CONSOLE}{glar.pk}/",
        {"name": glar.name, "short_name": glar.short_name, "group": "Huyện cũ Đak Đoa"},
    )
    assert response.status_code == 302
    assert Tenant.objects.get(pk=glar.pk).group == "Huyện cũ Đak Đoa"
    listing = client.get(CONSOLE, {"q": "huyen cu dak"}).content.decode()
    assert glar.name in listing  # the console's own filter finds a member by its group


def test_a_csv_import_reads_the_group_column(network):
    csv = "ten_don_vi,cap,cum_khu_vuc\nXã Ia Pết,xã,Khu vực phía Nam\nXã Kon Thụp,xã,\n"
    rows = importing.run(importing.read_rows(csv.encode()), network["dakdoa"])
    assert [row.status for row in rows] == ["created", "created"]
    assert Tenant.objects.get(slug="iapet").group == "Khu vực phía Nam"
    assert Tenant.objects.get(slug="konthup").group == ""
    header = importing.read_rows('ten_don_vi,"Cụm, khu vực"\nXã A,Cụm 1\n'.encode())
    assert header[0].details["group"] == "Cụm 1"
