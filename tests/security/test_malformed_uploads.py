"""A malformed upload of any kind is a Vietnamese form error, never a 500, and stores nothing:
no Image or Document row, no file in the site's media folder (issue 14, #7).

The attacks: a GIF with a valid signature and garbage after it (a 500 on the demo), PNG/JPEG
files cut short, a text file named .png, decompression bombs, and documents whose first bytes
are right but whose body is missing (truncated PDF, DOCX, MP3, MP4).
"""

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context
from PIL import Image as PILImage

from content.demo import mp3_bytes, pdf_bytes, png_bytes
from tests.security.sites import make_site, member_client

BROKEN = "Không đọc được tệp này như một ảnh"
TOO_BIG = "Ảnh quá lớn"
TRUNCATED = "bị hỏng hoặc chưa tải hết"


def _encoded(kind: str) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (200, 30, 30)).save(buffer, kind)
    return buffer.getvalue()


def _png_bomb(width: int, height: int) -> bytes:
    """A few KB of PNG that claims width × height pixels (1-bit, all zero)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = zlib.compress(b"\x00" * ((width // 8 + 1) * height), 9)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def _office(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<document/>" * 200)
    return buffer.getvalue()


MALFORMED_IMAGES = [
    ("garbage-after-signature.gif", b"GIF89a" + b"\x00\xff" * 40, BROKEN),
    ("cut-short.gif", _encoded("GIF")[:30], BROKEN),
    ("cut-short.png", png_bytes(64, 48, (10, 90, 30))[:70], BROKEN),
    ("cut-short.jpg", _encoded("JPEG")[:200], BROKEN),
    ("garbage-after-signature.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 60, BROKEN),
    ("not-an-image.png", "Đây không phải là ảnh".encode(), BROKEN),
    ("bomb-400-megapixels.png", _png_bomb(20_000, 20_000), TOO_BIG),
    ("bomb-100-megapixels.png", _png_bomb(10_000, 10_000), TOO_BIG),
]

MALFORMED_DOCUMENTS = [
    ("cut-short.pdf", pdf_bytes(["58/KH-UBND"])[:-200], TRUNCATED),
    ("cut-short.docx", _office("word/document.xml")[:-60], TRUNCATED),
    ("no-document-part.docx", _office("other.xml"), TRUNCATED),
    ("cut-short.xlsx", _office("xl/workbook.xml")[:100], TRUNCATED),
    ("tag-only.mp3", b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 50, TRUNCATED),
    ("header-only.mp4", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", TRUNCATED),
    (
        "box-overruns.mp4",
        b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom\x00\x10\x00\x00moov",
        TRUNCATED,
    ),
    ("mp3-that-is-a-pdf.mp3", pdf_bytes(["1"]), "không phải là tệp MP3 thật"),
    ("mp4-that-is-a-gif.mp4", _encoded("GIF"), "không phải là tệp MP4 thật"),
]


@pytest.fixture
def site(db, demo_network):
    return make_site(demo_network, "Xã Ia Pết")


def _stored(site):
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    folder = Path(settings.MEDIA_ROOT) / site.schema
    with schema_context(site.schema):
        rows = (Image.objects.count(), Document.objects.count())
    return rows, sorted(p.name for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize(("name", "content", "message"), MALFORMED_IMAGES)
def test_a_malformed_image_is_refused_by_the_image_form(site, name, content, message):
    client = member_client(site, "truongban")
    before = _stored(site)
    response = client.post(
        "/admin/images/add/", {"title": "Ảnh hỏng", "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _stored(site) == before


@pytest.mark.parametrize(("name", "content", "message"), MALFORMED_IMAGES)
def test_a_malformed_image_is_refused_by_the_multiple_upload(site, name, content, message):
    client = member_client(site, "truongban")
    before = _stored(site)
    response = client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    result = response.json()
    assert result["success"] is False
    assert message in result["error_message"]
    assert _stored(site) == before


@pytest.mark.parametrize(("name", "content", "message"), MALFORMED_DOCUMENTS)
def test_a_truncated_or_disguised_document_is_refused(site, name, content, message):
    client = member_client(site, "truongban")
    before = _stored(site)
    response = client.post(
        "/admin/documents/add/", {"title": "Tệp hỏng", "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _stored(site) == before
    response = client.post(
        "/admin/documents/multiple/add/", {"files[]": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert message in response.json()["error_message"]
    assert _stored(site) == before


def test_whole_files_of_each_kind_are_still_accepted(site):
    from wagtail.models import Collection

    with schema_context(site.schema):
        root = Collection.get_first_root_node().pk
    client = member_client(site, "truongban")
    good_image = SimpleUploadedFile("tru-so.jpg", _encoded("JPEG"))
    response = client.post(
        "/admin/images/add/", {"title": "Trụ sở", "file": good_image, "collection": root}
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    for name, content in [
        ("ke-hoach.pdf", pdf_bytes(["58/KH-UBND"])),
        ("bieu-mau.docx", _office("word/document.xml")),
        ("phat-thanh.mp3", mp3_bytes(2)),
    ]:
        response = client.post(
            "/admin/documents/add/",
            {"title": name, "file": SimpleUploadedFile(name, content), "collection": root},
        )
        assert response.status_code == 302, name
