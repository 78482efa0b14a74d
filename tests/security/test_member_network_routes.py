"""Issue 16 part 4's public routes, pinned for every actor: a parent portal's home list "Tin từ
các xã/phường" and its directory of members /xa-phuong/.

- Both read no session: an anonymous visitor, a board member of the portal and a user of
  another site see the same public things.
- The news list shows only its own network's live, public news: never another network's
  (a second parent portal created here, with its own member), a draft, a password-protected
  or login-only page, or a suspended member's items.
- The directory answers only on a parent portal (404 on a member, whoever asks), lists only
  its own members and never a suspended one; any ``q`` gives a normal page.
"""

import pytest
from django_tenants.utils import schema_context
from wagtail.models import PageViewRestriction

from editorial.roles import CHIEF
from tenants.lifecycle import set_status
from tenants.models import Tenant
from tests import factories
from tests.conftest import site_client
from tests.security.conftest import login, make_user

SECRET = "KHONGCONGKHAI"
URL = "/xa-phuong/"


@pytest.fixture
def ours(parent_portal):
    return factories.commune(parent_portal)


def _news_section(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    return html.split('id="member-news"')[1].split("</section>")[0]


def test_the_news_list_shows_only_its_own_networks_live_public_news(
    parent_portal, ours, demo_network
):
    theirs = factories.commune(demo_network["dakdoa"])  # a member of another network
    suspended = factories.commune(parent_portal)
    factories.news(ours, "Tin công khai của xã ta")
    factories.news(theirs, f"Tin của mạng lưới khác {SECRET}")
    factories.news(suspended, f"Tin của xã tạm ngừng {SECRET}")
    factories.news(ours, f"Bản nháp {SECRET}", publish=False)
    protected = factories.news(ours, f"Tin có mật khẩu {SECRET}")
    members_only = factories.news(ours, f"Tin nội bộ {SECRET}")
    with schema_context(ours.schema_name):
        PageViewRestriction.objects.create(
            page=protected, restriction_type=PageViewRestriction.PASSWORD, password="mk"
        )
        PageViewRestriction.objects.create(
            page=members_only, restriction_type=PageViewRestriction.LOGIN
        )
    set_status(Tenant.objects.get(pk=suspended.pk), Tenant.Status.SUSPENDED)

    make_user(demo_network["dakdoa"], "nguoingoai", CHIEF.group_name)
    clients = {
        "anonymous": site_client(parent_portal),
        "board member of the portal": login(parent_portal, "truongban"),
        "user of another site": login(demo_network["dakdoa"], "nguoingoai"),
    }
    clients["user of another site"].defaults["HTTP_HOST"] = "huyenthu.localhost"
    for actor, client in clients.items():
        section = _news_section(client)
        assert "Tin công khai của xã ta" in section, actor
        assert SECRET not in section, actor


def test_the_directory_answers_only_on_a_parent_portal_whoever_asks(parent_portal, commune):
    assert site_client(commune).get(URL).status_code == 404
    assert login(commune, "sieuquantri").get(URL).status_code == 404
    assert site_client(parent_portal).get(URL).status_code == 200
    assert login(parent_portal, "truongban").get(URL).status_code == 200


def test_the_directory_lists_its_own_members_only_and_never_a_suspended_one(
    parent_portal, ours, demo_network
):
    hidden = factories.commune(parent_portal, f"Xã Ẩn {SECRET.title()}")
    set_status(Tenant.objects.get(pk=hidden.pk), Tenant.Status.SUSPENDED)
    html = site_client(parent_portal).get(URL).content.decode()
    assert ours.name in html
    assert SECRET.title() not in html
    for member in demo_network["dakdoa"].members.all():
        assert member.name not in html
    # Not by filtering either.
    found = site_client(parent_portal).get(URL, {"q": SECRET.lower()}).content.decode()
    assert SECRET.title() not in found.split("</form>")[1]


@pytest.mark.parametrize(
    "text",
    [
        "x" * 5000,
        "' OR 1=1; DROP TABLE tenants_tenant; --",
        "%_\\",
        "Đ" * 300,
        "😀🇻🇳 \u200b\u0301",
        "\x00",
        "<script>alert(1)</script>",
        "",
    ],
)
def test_any_filter_text_gives_a_normal_page(parent_portal, ours, text):
    response = site_client(parent_portal).get(URL, {"q": text})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert len(html) < 200_000
