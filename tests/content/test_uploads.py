"""Only the files a government site publishes, within their size limits, and only when they
are what their name says; a refused upload leaves nothing behind."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context

from content.demo import mp3_bytes, pdf_bytes
from content.forms import UPLOAD_RULES, check_upload
from tests.conftest import site_client


def _upload(name, content):
    return SimpleUploadedFile(name, content)


def office_bytes(part: str) -> bytes:
    """A minimal DOCX/XLSX: a ZIP with the content types and the main part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<document/>")
    return buffer.getvalue()


def mp4_bytes() -> bytes:
    """Top-level boxes of an MP4: file type, movie header, media data."""
    return (
        b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
        + b"\x00\x00\x00\x10moov"
        + b"\x00" * 8
        + b"\x00\x00\x00\x0cmdat\x00\x00\x00\x00"
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("van-ban.pdf", pdf_bytes(["164/TB-UBND"])),
        ("bieu-mau.docx", office_bytes("word/document.xml")),
        ("so-lieu.xlsx", office_bytes("xl/workbook.xml")),
        ("bao-cao.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
        ("phat-thanh.mp3", mp3_bytes(2)),
        ("clip.mp4", mp4_bytes()),
    ],
)
def test_files_a_government_site_publishes_are_accepted(name, content, db, demo_network):
    """Accepted by the check, and stored whole by the admin's upload form (issue 17: this
    test used to call the check and assert nothing)."""
    from wagtail.documents.models import Document

    upload = _upload(name, content)
    upload.read(4)
    check_upload(upload)
    assert upload.tell() == 4  # the check leaves the file where the form had it

    tenant = demo_network["namyang"]
    client = site_client(tenant)
    client.post("/admin/login/", {"username": "admin", "password": "demo-portal-2026"})
    response = client.post("/admin/documents/add/", {"title": name, "file": _upload(name, content)})
    assert response.status_code == 302
    with schema_context(tenant.schema_name):
        stored = Document.objects.get(title=name)
        assert stored.file.size == len(content)
        assert stored.file.name.endswith(name.rsplit(".", 1)[1])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ" + b"\x00" * 50, "chỉ nhận PDF, DOC, DOCX, XLS, XLSX, MP3 và MP4"),
        ("ghi-chu.txt", b"hello", "chỉ nhận PDF"),
        ("khong-duoi", b"%PDF-1.4", "chỉ nhận PDF"),
        ("virus.pdf", b"MZ" + b"\x00" * 50, "không phải là tệp PDF thật"),
        ("anh.docx", b"\x89PNG\r\n\x1a\n", "không phải là tệp DOCX thật"),
        ("clip.mp4", b"\x00" * 64, "không phải là tệp MP4 thật"),
    ],
)
def test_wrong_type_uploads_are_refused_with_a_vietnamese_message(name, content, message):
    from django import forms

    with pytest.raises(forms.ValidationError) as error:
        check_upload(_upload(name, content))
    assert message in error.value.messages[0]


def test_oversized_uploads_are_refused_with_the_limit_in_the_message():
    from django import forms

    limit = UPLOAD_RULES["pdf"][0]
    upload = _upload("qua-lon.pdf", b"%PDF-1.4" + b"\x00" * 16)
    upload.size = limit + 1
    with pytest.raises(forms.ValidationError) as error:
        check_upload(upload)
    message = error.value.messages[0]
    assert "quá giới hạn" in message and "cho tệp PDF" in message


def test_the_admin_refuses_a_disguised_file_and_saves_no_document(db, demo_network):
    from wagtail.documents.models import Document

    tenant = demo_network["namyang"]
    client = site_client(tenant)
    client.post("/admin/login/", {"username": "admin", "password": "demo-portal-2026"})
    with schema_context(tenant.schema_name):
        before = Document.objects.count()
    response = client.post(
        "/admin/documents/add/",
        {"title": "Quyết định", "file": _upload("quyet-dinh.pdf", b"MZ" + b"\x00" * 50)},
    )
    assert response.status_code == 200
    assert "không phải là tệp PDF thật" in response.content.decode()
    with schema_context(tenant.schema_name):
        assert Document.objects.count() == before

    response = client.post(
        "/admin/documents/add/",
        {"title": "Quyết định", "file": _upload("quyet-dinh.pdf", pdf_bytes(["12/QĐ-UBND"]))},
    )
    assert response.status_code == 302
    with schema_context(tenant.schema_name):
        assert Document.objects.count() == before + 1
