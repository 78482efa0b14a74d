"""A small network made in the test: a parent portal with two communes, and another parent
with a commune of its own; each site has one user per role. Helpers act as the boards do."""

import datetime
import io
import json
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django_tenants.utils import schema_context
from PIL import Image as PILImage

from editorial.roles import CHIEF, CONTRIBUTOR, DEPUTY, EDITOR
from tenants.services import create_site
from tests.conftest import site_client

PASSWORD = "Lien-thong-2026"
ROLES = (("truongban", CHIEF), ("phoban", DEPUTY), ("bientap", EDITOR), ("ctv", CONTRIBUTOR))
NO_COMMENTS = {
    "comments-TOTAL_FORMS": "0",
    "comments-INITIAL_FORMS": "0",
    "comments-MIN_NUM_FORMS": "0",
    "comments-MAX_NUM_FORMS": "1000",
}


@dataclass
class Network:
    portal: object
    commune: object
    neighbour: object
    other_portal: object
    outsider: object

    def all(self):
        return [self.portal, self.commune, self.neighbour, self.other_portal, self.outsider]


def _board(tenant):
    with schema_context(tenant.schema_name):
        for username, role in ROLES:
            user = get_user_model().objects.create_user(
                username, email=f"{username}@{tenant.slug}.gov.vn", password=PASSWORD
            )
            user.groups.add(Group.objects.get(name=role.group_name))
    return tenant


@pytest.fixture
def network(db):
    portal = create_site(
        name="Huyện Thử Nghiệm", slug="thunghiem", kind="district", domain="thunghiem.localhost"
    ).tenant
    other = create_site(
        name="Huyện Bên Cạnh", slug="bencanh", kind="district", domain="bencanh.localhost"
    ).tenant
    sites = Network(
        portal=portal,
        commune=create_site(name="Xã Ia Một", slug="iamot", kind="commune", parent=portal).tenant,
        neighbour=create_site(name="Xã Ia Hai", slug="iahai", kind="commune", parent=portal).tenant,
        other_portal=other,
        outsider=create_site(name="Xã Ia Ba", slug="iaba", kind="commune", parent=other).tenant,
    )
    for tenant in sites.all():
        _board(tenant)
    return sites


def login(tenant, username="truongban"):
    client = site_client(tenant)
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, f"{username} should log into {tenant.slug}"
    return client


def png_bytes(colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), colour).save(buffer, "PNG")
    return buffer.getvalue()


def section(tenant, slug):
    from wagtail.models import Page

    with schema_context(tenant.schema_name):
        return Page.objects.get(slug=slug).pk


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def make_news(tenant, title, lead="Sapô của tin.", body_text="Đoạn một.", with_files=True):
    """A live news item with a lead image, an image in its body and an attached file."""
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Page

    from content.models import NewsPage
    from portal.text import slugify_vietnamese

    with schema_context(tenant.schema_name):
        body = [paragraph(body_text)]
        image = None
        if with_files:
            image = Image(title="Ảnh hội nghị")
            image.file.save("hoi-nghi.png", ContentFile(png_bytes()), save=False)
            image.width, image.height = 40, 30
            image.save()
            document = Document(title="Biên bản")
            document.file.save("bien-ban.pdf", ContentFile(b"%PDF-1.4 bien ban"), save=False)
            document.save()
            body += [
                {
                    "type": "image",
                    "value": {"image": image.pk, "alt_text": "Hội nghị", "caption": "Toàn cảnh"},
                },
                {"type": "document", "value": {"document": document.pk, "title": "Biên bản"}},
            ]
        page = NewsPage(
            title=title,
            slug=slugify_vietnamese(title),
            lead=lead,
            author="Nguyễn Văn An",
            image=image,
            body=json.dumps(body),
        )
        Page.objects.get(slug="tin-tuc").add_child(instance=page)
        page.save_revision().publish()
        return page.pk


def make_document(tenant, title, number="12/TB-UBND"):
    from wagtail.documents.models import Document
    from wagtail.models import Page

    from content.models import DocumentPage, DocumentType, IssuingBody
    from portal.text import slugify_vietnamese

    with schema_context(tenant.schema_name):
        file = Document(title=title)
        file.file.save("thong-bao.pdf", ContentFile(b"%PDF-1.4 thong bao"), save=False)
        file.save()
        page = DocumentPage(
            title=title,
            slug=slugify_vietnamese(title),
            number=number,
            abstract="Về việc tổ chức ngày hội đại đoàn kết.",
            document_type=DocumentType.objects.get_or_create(name="Thông báo")[0],
            issuing_body=IssuingBody.objects.get_or_create(name="UBND huyện Thử Nghiệm")[0],
            issue_date=datetime.date(2026, 11, 2),
            effective_date=datetime.date(2026, 11, 2),
            file=file,
        )
        Page.objects.get(slug="van-ban").add_child(instance=page)
        page.save_revision().publish()
        return page.pk


def republish(tenant, page_id, **changes):
    from wagtail.models import Page

    with schema_context(tenant.schema_name):
        page = Page.objects.get(pk=page_id).specific
        for name, value in changes.items():
            setattr(page, name, value)
        page.save_revision().publish()


def fetch(tenant, page_id):
    from wagtail.models import Page

    with schema_context(tenant.schema_name):
        return Page.objects.get(pk=page_id).specific


def task_action(client, tenant, page_id, action):
    with schema_context(tenant.schema_name):
        state = fetch(tenant, page_id).current_workflow_task_state
        assert state is not None, "the copy should be in review"
        state_id = state.pk
    return client.post(f"/admin/pages/workflow/action/{page_id}/{action}/{state_id}/", {})
