"""The chief's e-mail on creation and import, with links on the site's own host and port; the
console's site list searched without diacritics, filtered, in Vietnamese order."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from django_tenants.utils import schema_context

from tenants.access import NETWORK_ADMINS
from tenants.models import ChiefEmail, Tenant
from tenants.services import create_site

CONSOLE = "/admin/trang-thanh-vien/"
PASSWORD = "Mat-khau-thu-2026"


def _console(district, port=""):
    with schema_context(district.schema_name):
        user = get_user_model().objects.create_user("mangluoi", password=PASSWORD)
        user.groups.add(Group.objects.get_or_create(name=NETWORK_ADMINS)[0])
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client(HTTP_HOST=district.get_primary_domain().domain + port)
    client.post("/admin/login/", {"username": "mangluoi", "password": PASSWORD})
    return client


def test_a_site_created_in_the_console_on_a_port_links_and_mails_with_that_port(district):
    mail.outbox.clear()
    console = _console(district, ":8000")
    html = console.post(
        CONSOLE + "tao-moi/",
        {"name": "Xã Ia Pết", "kind": "commune", "slug": "", "chief_email": "tb@iapet.vn",
         "extra_domains": "", "approval_steps": "2"},
    ).content.decode()  # fmt: skip
    assert "http://iapet.dakdoa.localhost:8000/" in html
    assert "http://iapet.dakdoa.localhost:8000/admin/password_reset/confirm/" in html
    [sent] = mail.outbox
    assert sent.to == ["tb@iapet.vn"]
    assert "http://iapet.dakdoa.localhost:8000/admin/password_reset/confirm/" in sent.body
    assert "Tên đăng nhập: tb@iapet.vn" in sent.body
    record = ChiefEmail.objects.get(tenant__slug="iapet")
    assert record.reason == "created" and record.sent_by == "mangluoi@dakdoa"


def test_a_site_without_a_chief_sends_nothing(district):
    mail.outbox.clear()
    tenant = create_site(name="Xã Ia Nhin", kind="commune", parent=district).tenant
    assert mail.outbox == [] and not tenant.chief_emails.exists()


def test_the_site_list_is_searched_without_diacritics_filtered_and_in_vietnamese_order(
    district,
):
    made = (("Xã Trang", "commune"), ("Xã Đak Krong", "commune"), ("Phường Dur", "ward"))
    for name, kind in made:
        create_site(name=name, kind=kind, parent=district)
    console = _console(district)
    names = [t.name for t in Tenant.objects.filter(parent=district)]

    def listed(**query):
        html = console.get(CONSOLE, query).content.decode()
        return [n for n in sorted(names, key=html.find) if f">{n}</a>" in html]

    everything = listed()
    assert everything.index("Phường Dur") < everything.index("Xã Đak Krong")  # by name
    assert everything.index("Xã Đak Krong") < everything.index("Xã Glar")  # Đ after D, before G
    assert everything.index("Xã Nam Yang") < everything.index("Xã Trang")
    assert listed(q="dak krong") == ["Xã Đak Krong"]
    assert listed(kind="ward") == ["Phường Dur"]
    assert listed(status="archived") == []
