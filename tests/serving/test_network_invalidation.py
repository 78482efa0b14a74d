"""Network-wide changes reach every site's cached pages at once (issue 19): campaign banners
and network themes live in the public schema and bump the network's generation."""

from datetime import timedelta

import time_machine
from django.utils import timezone

from tests.conftest import site_client
from tests.serving.conftest import admin_client

BANNERS = "/admin/mang-luoi/bang-ron/"


def _home(tenant):
    response = site_client(tenant).get("/")
    assert response.status_code == 200
    return response


def _local(value):
    from zoneinfo import ZoneInfo

    return value.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).strftime("%Y-%m-%dT%H:%M")


def test_a_withdrawn_campaign_banner_leaves_every_cached_page_at_once(network, cached):
    from themes.models import CampaignBanner

    iabang, habau = network["iabang"], network["habau"]
    for site in (iabang, habau):  # fill the caches before the banner exists
        _home(site)
        assert _home(site)["X-Page-Cache"] == "hit"
    console = admin_client(network["dakdoa"])
    now = timezone.now()
    response = console.post(
        BANNERS + "tao-moi/",
        {
            "title": "Tháng hành động vì an toàn thực phẩm",
            "starts_at": _local(now - timedelta(minutes=1)),
            "ends_at": _local(now + timedelta(days=2)),
            "target": "all",
        },
    )
    assert response.status_code == 302
    banner = CampaignBanner.objects.get()
    marker = f'data-banner="{banner.marker}"'
    for site in (iabang, habau):
        assert marker in _home(site).content.decode()
        assert _home(site)["X-Page-Cache"] == "hit"

    assert console.post(BANNERS + f"{banner.pk}/go/", {"withdrawn": "1"}).status_code == 302
    for site in (iabang, habau):
        first = _home(site)
        assert first["X-Page-Cache"] == "miss"
        assert marker not in first.content.decode()
        assert marker not in _home(site).content.decode()


def test_a_cached_page_goes_when_a_banner_ends_or_starts(network, cached):
    from themes.models import CampaignBanner

    iabang = network["iabang"]
    start = timezone.now().replace(microsecond=0) + timedelta(minutes=10)
    banner = CampaignBanner.objects.create(
        portal=network["dakdoa"],
        title="Sắp diễn ra",
        starts_at=start,
        ends_at=start + timedelta(minutes=30),
    )
    marker = f'data-banner="{banner.marker}"'
    with time_machine.travel(start - timedelta(seconds=5), tick=False) as clock:
        assert marker not in _home(iabang).content.decode()
        assert _home(iabang)["X-Page-Cache"] == "hit"
        clock.move_to(start)
        assert marker in _home(iabang).content.decode()
        clock.move_to(start + timedelta(minutes=30))
        assert marker not in _home(iabang).content.decode()


def test_a_network_theme_switch_reaches_cached_pages(network, cached):
    from themes.models import NetworkTheme

    iabang = network["iabang"]
    before = _home(iabang).content.decode()
    assert _home(iabang)["X-Page-Cache"] == "hit"
    NetworkTheme.objects.create(portal=network["dakdoa"], theme="modern:1")
    after = _home(iabang).content.decode()
    assert after != before
    assert 'data-theme="modern:1"' in after
