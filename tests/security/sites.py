"""Two sites created inside the test, each with a board member and files of every kind: the
attacker's own site and the site whose data it must never reach (issue 14)."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django_tenants.utils import schema_context

from content.demo import pdf_bytes, png_bytes
from editorial.roles import CHIEF, SITE_ADMIN
from tenants.models import Tenant
from tenants.services import create_site
from tests.conftest import site_client

PASSWORD = "Bao-mat-tep-2026"


@dataclass
class SiteFiles:
    """A site and the paths (under MEDIA_ROOT) and URLs of what it holds."""

    tenant: Tenant
    image_id: int = 0
    original_path: str = ""
    rendition_path: str = ""
    document_id: int = 0
    document_url: str = ""
    document_path: str = ""
    private_document_id: int = 0
    private_document_url: str = ""
    private_document_path: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def schema(self) -> str:
        return self.tenant.schema_name


def make_site(demo_network, name: str) -> SiteFiles:
    """A commune of the demo district with two board members, ``quantri`` (site
    administrator) and ``truongban`` (chief editor: all pages and media), an image with a
    rendition, a public document and one in a login-restricted collection."""
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Collection, CollectionViewRestriction

    tenant = create_site(name=name, kind="commune", parent=demo_network["dakdoa"]).tenant
    site = SiteFiles(tenant)
    with schema_context(tenant.schema_name):
        for username, role in (("quantri", SITE_ADMIN), ("truongban", CHIEF)):
            user = get_user_model().objects.create_user(
                username, email=f"{username}@xa.gov.vn", password=PASSWORD
            )
            user.groups.add(Group.objects.get(name=role.group_name))
        image = Image.objects.create(
            title="Ảnh trụ sở", file=ContentFile(png_bytes(40, 30, (160, 20, 20)), "tru-so.png")
        )
        rendition = image.get_rendition("fill-20x20")
        site.image_id, site.original_path = image.pk, image.file.name
        site.rendition_path = rendition.file.name
        public = Document.objects.create(
            title="Kế hoạch", file=ContentFile(pdf_bytes(["58/KH-UBND"]), "ke-hoach.pdf")
        )
        private_collection = Collection.get_first_root_node().add_child(name="Nội bộ")
        CollectionViewRestriction.objects.create(
            collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
        )
        private = Document.objects.create(
            title="Tài liệu mật",
            file=ContentFile(pdf_bytes(["12/MAT"]), "tai-lieu-mat.pdf"),
            collection=private_collection,
        )
        site.document_id, site.document_url = public.pk, public.url
        site.private_document_id, site.private_document_url = private.pk, private.url
        site.document_path, site.private_document_path = public.file.name, private.file.name
    return site


def media_url(site: SiteFiles, name: str) -> str:
    """The URL django-tenants' storage gives a stored file: /media/<schema>/<name>."""
    return f"/media/{site.schema}/{name}"


def member_client(site: SiteFiles, username: str = "quantri"):
    """A board member of the site, logged in on the site's own host."""
    client = site_client(site.tenant)
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "the board member should log in"
    return client


def body(response) -> bytes:
    """The bytes a response carries, streamed or not."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content
