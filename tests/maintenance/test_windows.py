"""Planned stops (F21): 7 working days' notice on Vietnam's calendar, less only with a recorded
force majeure; the notice shows from 7 working days ahead until the expected return; a
network-wide window shows on every member."""

import datetime
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tenants.utils import schema_context

from maintenance.calendar import latest_notice_day, working_days_between
from maintenance.models import MaintenanceWindow
from tests import factories
from tests.conftest import site_client

NOTICE = "Thông báo tạm ngừng hoạt động"


@pytest.fixture
def commune(demo_network, db):
    return factories.commune(demo_network["dakdoa"], "Xã Tạm Ngừng")


def login(tenant, username):
    client = site_client(tenant)
    response = client.post("/admin/login/", {"username": username, "password": factories.PASSWORD})
    assert response.status_code == 302
    return client


def form_time(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def test_working_days_leave_out_weekends_and_vietnamese_holidays():
    monday = datetime.date(2026, 11, 30)
    assert working_days_between(monday, datetime.date(2026, 12, 9)) == 6
    assert working_days_between(monday, datetime.date(2026, 12, 10)) == 7
    assert latest_notice_day(datetime.date(2026, 12, 10)) == monday
    # Two weeks across the Lunar New Year of 2027 (4–10 February) are four working days.
    assert working_days_between(datetime.date(2027, 2, 1), datetime.date(2027, 2, 15)) == 4
    # National Day (2 and 1 or 3 September) is not a working day either.
    assert working_days_between(datetime.date(2026, 8, 31), datetime.date(2026, 9, 4)) < 3


def test_the_board_schedules_with_notice_and_is_refused_with_less(commune):
    factories.board(commune)
    client = login(commune, "quantri")
    soon = timezone.now() + timedelta(days=2)
    short = client.post(
        "/admin/tam-ngung/",
        {"starts_at": form_time(soon), "ends_at": form_time(soon + timedelta(hours=4))},
    )
    assert short.status_code == 200
    assert "ít nhất 7 ngày làm việc" in short.content.decode()
    assert not MaintenanceWindow.objects.filter(site=commune).exists()

    forced = client.post(
        "/admin/tam-ngung/",
        {
            "starts_at": form_time(soon),
            "ends_at": form_time(soon + timedelta(hours=4)),
            "force_majeure": "Máy chủ hỏng ổ cứng, phải thay gấp",
        },
    )
    assert forced.status_code == 302
    window = MaintenanceWindow.objects.get(site=commune)
    assert window.force_majeure == "Máy chủ hỏng ổ cứng, phải thay gấp"
    assert window.notice_working_days < 7
    assert window.scheduled_by == f"quantri@{commune.slug}"

    later = timezone.now() + timedelta(days=40)
    planned = client.post(
        "/admin/tam-ngung/",
        {"starts_at": form_time(later), "ends_at": form_time(later + timedelta(hours=6))},
    )
    assert planned.status_code == 302
    assert MaintenanceWindow.objects.filter(site=commune, force_majeure="").count() == 1
    listing = client.get("/admin/tam-ngung/").content.decode()
    assert "Máy chủ hỏng ổ cứng" in listing


def test_the_return_must_follow_the_start_and_the_start_be_ahead(commune):
    factories.board(commune)
    client = login(commune, "truongban")
    later = timezone.now() + timedelta(days=40)
    backwards = client.post(
        "/admin/tam-ngung/",
        {"starts_at": form_time(later), "ends_at": form_time(later - timedelta(hours=1))},
    )
    assert "phải sau thời điểm tạm ngừng" in backwards.content.decode()
    past = client.post(
        "/admin/tam-ngung/",
        {
            "starts_at": form_time(timezone.now() - timedelta(days=1)),
            "ends_at": form_time(later),
            "force_majeure": "x",
        },
    )
    assert "phải ở tương lai" in past.content.decode()
    assert not MaintenanceWindow.objects.filter(site=commune).exists()


def test_the_notice_shows_from_seven_working_days_ahead_until_the_return(commune):
    starts = timezone.make_aware(datetime.datetime(2027, 3, 10, 22, 0))
    window = MaintenanceWindow.objects.create(
        site=commune,
        starts_at=starts,
        ends_at=starts + timedelta(hours=5),
        scheduled_at=starts - timedelta(days=60),
    )
    shows_from = window.shows_from
    assert timezone.localdate(shows_from) == latest_notice_day(datetime.date(2027, 3, 10))
    assert working_days_between(timezone.localdate(shows_from), starts.date()) == 7
    with time_machine.travel(shows_from - timedelta(minutes=1)):
        assert NOTICE not in site_client(commune).get("/").content.decode()
    with time_machine.travel(shows_from + timedelta(minutes=1)):
        html = site_client(commune).get("/tin-tuc/").content.decode()
        assert NOTICE in html
        assert "22:00 10/03/2027" in html and "03:00 11/03/2027" in html
    with time_machine.travel(window.ends_at + timedelta(minutes=1)):
        assert NOTICE not in site_client(commune).get("/").content.decode()


def test_a_network_wide_window_shows_on_every_member_and_one_sites_only_there(
    demo_network, commune
):
    parent = demo_network["dakdoa"]
    soon = timezone.now() + timedelta(days=1)
    MaintenanceWindow.objects.create(
        site=parent,
        whole_network=True,
        starts_at=soon,
        ends_at=soon + timedelta(hours=2),
        force_majeure="Nâng cấp khẩn cấp hạ tầng của tỉnh",
    )
    for tenant in (commune, parent, demo_network["iabang"]):
        assert NOTICE in site_client(tenant).get("/").content.decode(), tenant.slug
    other = factories.commune(parent, "Xã Bên Cạnh")
    MaintenanceWindow.objects.filter(whole_network=True).delete()
    MaintenanceWindow.objects.create(
        site=other, starts_at=soon, ends_at=soon + timedelta(hours=2), force_majeure="x"
    )
    assert NOTICE in site_client(other).get("/").content.decode()
    assert NOTICE not in site_client(commune).get("/").content.decode()
    assert NOTICE not in site_client(parent).get("/").content.decode()


def test_the_console_schedules_for_the_whole_network(demo_network, commune):
    parent = demo_network["dakdoa"]
    with schema_context(parent.schema_name):
        user = get_user_model().objects.create_user("mangluoi", password=factories.PASSWORD)
        from django.contrib.auth.models import Group

        from tenants.access import NETWORK_ADMINS

        user.groups.add(Group.objects.get_or_create(name=NETWORK_ADMINS)[0])
    client = login(parent, "mangluoi")
    soon = timezone.now() + timedelta(days=2)
    fields = {
        "scope": "mang-luoi",
        "starts_at": form_time(soon),
        "ends_at": form_time(soon + timedelta(hours=3)),
    }
    refused = client.post("/admin/mang-luoi-tam-ngung/", fields)
    assert refused.status_code == 200
    assert "bất khả kháng" in refused.content.decode()
    done = client.post(
        "/admin/mang-luoi-tam-ngung/", {**fields, "force_majeure": "Sự cố điện diện rộng"}
    )
    assert done.status_code == 302
    window = MaintenanceWindow.objects.get(whole_network=True)
    assert window.site_id == parent.pk
    assert NOTICE in site_client(commune).get("/").content.decode()
    one = client.post(
        "/admin/mang-luoi-tam-ngung/",
        {**fields, "scope": str(commune.pk), "force_majeure": "Chuyển máy chủ"},
    )
    assert one.status_code == 302
    assert MaintenanceWindow.objects.filter(site=commune, whole_network=False).count() == 1
