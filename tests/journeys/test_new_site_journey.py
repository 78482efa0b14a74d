"""A new site works for its board on day one (issue 15), walked through HTTP as people act:

a network administrator creates the site in the console (or imports it from a CSV) → the chief
receives the e-mail and sets a password from its link → invites a deputy, an editor and a
contributor → the contributor writes a news item with a photo and a document with its PDF and
the required metadata → both go through the two-step review → published, and found from
another site's search → a citizen asks a question, the deputy answers and publishes it → the
board report counts the items and the question, and the compliance score rises.
"""

import re
import time

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tenants.utils import schema_context

from content.demo import pdf_bytes, png_bytes
from tenants.access import NETWORK_ADMINS
from tenants.models import ChiefEmail, Tenant
from tests.conftest import site_client

CONSOLE = "/admin/trang-thanh-vien/"
PASSWORD = "Xa-Ia-Pet-2026!"
CHIEF = "truongban@iapet.gialai.gov.vn"
NO_COMMENTS = {
    "comments-TOTAL_FORMS": "0",
    "comments-INITIAL_FORMS": "0",
    "comments-MIN_NUM_FORMS": "0",
    "comments-MAX_NUM_FORMS": "1000",
}
BODY = (
    '{"blocks":[{"key":"k1","text":"Sáng nay, xã tổ chức lễ ra quân làm đường giao thông.",'
    '"type":"unstyled","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}'
)
NEWS = "Xã Ia Pết ra quân làm đường giao thông nông thôn"
DOCUMENT = "Kế hoạch làm đường giao thông nông thôn năm 2027"


def _network_admin(district) -> Client:
    with schema_context(district.schema_name):
        user = get_user_model().objects.create_user("mangluoi", password=PASSWORD)
        user.groups.add(Group.objects.get_or_create(name=NETWORK_ADMINS)[0])
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = site_client(district)
    assert (
        client.post("/admin/login/", {"username": "mangluoi", "password": PASSWORD}).status_code
        == 302
    )
    return client


def _create_in_console(console) -> None:
    response = console.post(
        CONSOLE + "tao-moi/",
        {
            "name": "Xã Ia Pết",
            "kind": "commune",
            "slug": "iapet",
            "chief_email": CHIEF,
            "extra_domains": "",
            "approval_steps": "2",
        },
    )
    assert response.status_code == 200, response.content.decode()[:2000]


def _import_from_csv(console) -> None:
    csv = f"ten_don_vi,cap,ma_trang,email_truong_ban\nXã Ia Pết,xã,iapet,{CHIEF}\n"
    upload = SimpleUploadedFile("xa.csv", csv.encode(), content_type="text/csv")
    preview = console.post(CONSOLE + "nhap-csv/", {"csv_file": upload, "approval_steps": "2"})
    assert "Sẽ tạo" in preview.content.decode()
    done = console.post(CONSOLE + "nhap-csv/", {"confirm": "1", "approval_steps": "2"})
    assert "Đã tạo" in done.content.decode()


def _link_in(message) -> str:
    return re.search(r"https?://\S+/admin/password_reset/confirm/\S+/", message.body).group(0)


def _set_password(site, link: str, username: str) -> Client:
    """Follow the one-time link from the e-mail, choose a password, log in with it."""
    assert link.startswith(f"http://{site.get_primary_domain().domain}/")
    client = site_client(site)
    form = client.get(link.split(site.get_primary_domain().domain, 1)[1], follow=True)
    assert form.status_code == 200
    action = form.redirect_chain[-1][0] if form.redirect_chain else link
    done = client.post(action, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302, done.content.decode()[:2000]
    member = site_client(site)
    assert (
        member.post("/admin/login/", {"username": username, "password": PASSWORD}).status_code
        == 302
    )
    return member


def _page_id(site, slug) -> int:
    from wagtail.models import Page

    with schema_context(site.schema_name):
        return Page.objects.get(slug=slug).pk


def _invite(chief, site, email, role, unit=""):
    response = chief.post(
        "/admin/ban-bien-tap/moi/",
        {"email": email, "full_name": email.split("@")[0], "roles": [role], "unit": unit,
         "position": ""},
    )  # fmt: skip
    assert response.status_code == 200 and email in response.content.decode()
    assert mail.outbox[-1].to == [email]
    return _set_password(site, _link_in(mail.outbox[-1]), email)


def _review(site, title, deputy, chief):
    from wagtail.models import Page

    for reviewer in (deputy, chief):
        with schema_context(site.schema_name):
            page = Page.objects.get(title=title)
            state = page.current_workflow_task_state
            assert state is not None, f"{title} should await review"
        response = reviewer.post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/", {"comment": ""}
        )
        assert response.status_code in (200, 302)
    with schema_context(site.schema_name):
        page = Page.objects.get(title=title)
        assert page.live
        return page.url


def _score(client) -> int:
    html = client.get("/admin/bao-cao/tuan-thu/").content.decode()
    return int(re.search(r'<strong id="score">(\d+)</strong>', html).group(1))


def _figure(html, element_id) -> str:
    return BeautifulSoup(html, "html.parser").find(id=element_id).get_text(" ", strip=True)


@pytest.mark.parametrize("create", [_create_in_console, _import_from_csv], ids=["console", "csv"])
def test_a_new_site_works_for_its_board_on_day_one(db, demo_network, create):
    from content.forms import QuestionForm
    from content.models import ContributingUnit, DocumentType, IssuingBody, Question, Sector

    mail.outbox.clear()
    _create = create
    _create(_network_admin(demo_network["dakdoa"]))
    site = Tenant.objects.get(slug="iapet")

    # The chief's e-mail, recorded in the console, with a link to the site's own host.
    [welcome] = mail.outbox
    assert welcome.to == [CHIEF] and "Trang thông tin điện tử xã Ia Pết" in welcome.subject
    assert ChiefEmail.objects.filter(tenant=site, recipient=CHIEF, delivered=True).exists()
    chief = _set_password(site, _link_in(welcome), CHIEF)
    score_before = _score(chief)

    # The board: a deputy, an editor, a contributor of one of the default units.
    with schema_context(site.schema_name):
        office = ContributingUnit.objects.get(name="Văn phòng HĐND và UBND xã Ia Pết").pk
    deputy = _invite(chief, site, "phoban@iapet.gialai.gov.vn", "deputy")
    _invite(chief, site, "bientap@iapet.gialai.gov.vn", "editor")
    writer = _invite(chief, site, "ctv@iapet.gialai.gov.vn", "contributor", office)
    news_id, documents_id = _page_id(site, "tin-tuc"), _page_id(site, "van-ban")
    opened = chief.post("/admin/ban-bien-tap/chuyen-muc/", {"sections": [news_id, documents_id]})
    assert opened.status_code == 302

    # The contributor's photo and PDF, then the news item and the document.
    photo = writer.post(
        "/admin/images/add/",
        {"title": "Lễ ra quân", "description": "Người dân làm đường",
         "file": SimpleUploadedFile("le-ra-quan.png", png_bytes(64, 48, (40, 120, 60)),
                                    content_type="image/png")},
    )  # fmt: skip
    assert photo.status_code == 302, photo.content.decode()[:3000]
    pdf = writer.post(
        "/admin/documents/add/",
        {"title": "KH làm đường",
         "file": SimpleUploadedFile("ke-hoach.pdf", pdf_bytes(["Ke hoach lam duong"]),
                                    content_type="application/pdf")},
    )  # fmt: skip
    assert pdf.status_code == 302, pdf.content.decode()[:3000]
    with schema_context(site.schema_name):
        from wagtail.documents.models import Document
        from wagtail.images.models import Image

        image_id = Image.objects.get(title="Lễ ra quân").pk
        file_id = Document.objects.get(title="KH làm đường").pk
        plan = DocumentType.objects.get(name="Kế hoạch").pk
        committee = IssuingBody.objects.get(name="Ủy ban nhân dân xã Ia Pết").pk
        roads = Sector.objects.get(name="Giao thông vận tải").pk
    news = writer.post(
        f"/admin/pages/add/content/newspage/{news_id}/",
        {"title": NEWS, "slug": "ra-quan-lam-duong", "kind": "tin-anh", "date": "20/11/2026",
         "lead": "Hơn 300 người dân tham gia.", "body": BODY, "image": image_id,
         "author": "Nguyễn Văn An", "contributing_unit": office, **NO_COMMENTS,
         "action-submit": "1"},
    )  # fmt: skip
    assert news.status_code == 302, news.content.decode()[:3000]
    document = writer.post(
        f"/admin/pages/add/content/documentpage/{documents_id}/",
        {"title": DOCUMENT, "slug": "ke-hoach-lam-duong", "number": "15/KH-UBND",
         "document_type": plan, "issue_date": "18/11/2026", "effective_date": "18/11/2026",
         "issuing_body": committee, "signer": "Nguyễn Văn Bình", "sector": roads,
         "abstract": "Kế hoạch làm đường giao thông nông thôn năm 2027", "file": file_id,
         **NO_COMMENTS, "action-submit": "1"},
    )  # fmt: skip
    assert document.status_code == 302, document.content.decode()[:3000]

    # The two-step review; published, and found from another site of the network.
    news_url = _review(site, NEWS, deputy, chief)
    document_url = _review(site, DOCUMENT, deputy, chief)
    public = site_client(site)
    assert "le-ra-quan" in public.get(news_url).content.decode()  # the photo's rendition
    assert "15/KH-UBND" in public.get(document_url).content.decode()
    address = f"http://{site.get_primary_domain().domain}"
    found = site_client(demo_network["iabang"]).get(
        "/tim-kiem/", {"q": "ra quan lam duong", "don_vi": "iapet"}
    )
    assert f'href="{address}{news_url}"' in found.content.decode()
    found = site_client(demo_network["habau"]).get(
        "/tim-kiem/", {"q": "ke hoach lam duong", "don_vi": "iapet"}
    )
    assert f'href="{address}{document_url}"' in found.content.decode()

    # A citizen asks; the deputy answers and publishes the answer.
    asked = public.post(
        "/hoi-dap/",
        {"name": "Trần Thị Hoa", "contact": "0905111222", "question": "Đường thôn 3 khi nào làm?",
         "website": "", "started": QuestionForm.start_token(time.time() - 60)},
        REMOTE_ADDR="203.0.113.9",
    )  # fmt: skip
    assert asked.status_code == 302
    with schema_context(site.schema_name):
        question = Question.objects.get()
    answered = deputy.post(
        f"/admin/snippets/content/question/edit/{question.pk}/",
        {"sector": roads, "status": "da-tra-loi", "answered_by": "UBND xã Ia Pết",
         "answer": BODY.replace("Sáng nay, xã tổ chức lễ ra quân làm đường giao thông.",
                                "Quý I năm 2027."),
         "is_public": "on"},
    )  # fmt: skip
    assert answered.status_code == 302, answered.content.decode()[:3000]
    assert "Quý I năm 2027." in public.get("/hoi-dap/").content.decode()

    # The board's report counts them, and the site meets more of the law than on day one.
    report = chief.get("/admin/bao-cao/").content.decode()
    assert "Tin ảnh 1" in _figure(report, "items-by-kind")
    assert "Kế hoạch 1" in _figure(report, "documents-by-type")
    assert _figure(report, "questions-received") == "1"
    assert _figure(report, "questions-answered") == "1"
    assert _score(chief) > score_before
