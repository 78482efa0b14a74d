"""Backup and restore of one site (issue 21): an archive restored as a new site serves the same
pages and files, a restore into the site brings it back as it was, and a bad archive or target
is refused before anything is written, leaving every other site byte for byte as it was.

``pg_dump`` is another session and sees committed data only, so the sites backed up here are
made and committed once for the module (outside the tests' transactions) and dropped after it.
Each restore happens inside its test's transaction and rolls back with it, schema and all.
"""

import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django_tenants.utils import schema_context, schema_exists

from search.models import Entry
from tenants import backup
from tenants.models import Tenant
from tenants.services import create_site
from tests.conftest import site_client

NEWS_TITLE = "Ra quân làm đường giao thông nông thôn"


def _drop_site(tenant: Tenant) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{tenant.schema_name}" CASCADE')
        cursor.execute("DELETE FROM public.search_entry WHERE site_id = %s", [tenant.pk])
        cursor.execute("DELETE FROM public.search_outbox WHERE site_id = %s", [tenant.pk])
    tenant.domains.all().delete()
    Tenant.objects.filter(pk=tenant.pk).delete()
    shutil.rmtree(Path(settings.MEDIA_ROOT) / tenant.schema_name, ignore_errors=True)


@pytest.fixture(scope="module")
def committed(django_db_setup, django_db_blocker):
    """A province and a commune with a news item, an image and a PDF, committed."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    from content.demo import png_bytes
    from tests.search.conftest import publish_news

    with django_db_blocker.unblock():
        province = create_site(
            name="Tỉnh Sao Lưu", slug="saoluu", kind=Tenant.Kind.PROVINCE, domain="saoluu.test"
        ).tenant
        commune = create_site(
            name="Xã Ia Lưu", slug="ialuu", kind=Tenant.Kind.COMMUNE, parent=province
        ).tenant
        with schema_context(commune.schema_name):
            image = Image.objects.create(
                title="Công trường",
                file=ImageFile(
                    io.BytesIO(png_bytes(64, 48, (10, 120, 40))), name="cong-truong.png"
                ),
            )
            document = Document.objects.create(
                title="Kế hoạch", file=ContentFile(b"%PDF-1.4 ke hoach", name="ke-hoach.pdf")
            )
            session = SessionStore()  # an editor signed in when the backup is taken
            session["_auth_user_id"] = "1"
            session.create()
        news = publish_news(commune, NEWS_TITLE, lead="Cả xã cùng ra quân.")
        connection.set_schema_to_public()
        shutil.rmtree(settings.PORTAL_BACKUP_DIR, ignore_errors=True)
        archive = backup.backup_site(commune)
        yield {
            "province": province,
            "commune": commune,
            "archive": archive,
            "news_path": news.url_path.split("/", 2)[2],
            "image_file": image.file.name,
            "document_id": document.pk,
        }
        connection.set_schema_to_public()
        _drop_site(Tenant.objects.get(slug="ialuu"))
        _drop_site(Tenant.objects.get(slug="saoluu"))
        shutil.rmtree(settings.PORTAL_BACKUP_DIR, ignore_errors=True)


def _schema_checksums(exclude: set[str]) -> dict[str, str]:
    """Each schema's tables and rows, as one digest per schema."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_schema, table_name FROM information_schema.tables"
            " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN"
            " ('pg_catalog', 'information_schema', 'public') ORDER BY 1, 2"
        )
        tables = [row for row in cursor.fetchall() if row[0] not in exclude]
        digests: dict[str, list[str]] = {}
        for schema, table in tables:
            cursor.execute(
                f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                f' FROM "{schema}"."{table}" t'  # noqa: S608
            )
            digests.setdefault(schema, []).append(f"{table}:{cursor.fetchone()[0]}")
    return {schema: "/".join(parts) for schema, parts in digests.items()}


def _leftovers() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE %s",
            [backup.TEMPORARY_PREFIX + "%"],
        )
        return [row[0] for row in cursor.fetchall()]


def _rewrite(archive: Path, destination: Path, change) -> Path:
    """A copy of ``archive`` whose members ``change(folder)`` edited."""
    folder = destination.parent / f"{destination.stem}-members"
    with tarfile.open(archive) as source:
        source.extractall(folder, filter="data")
    change(folder)
    with tarfile.open(destination, "w") as target:
        for name in ("manifest.json", *backup.MEMBERS):
            target.add(folder / name, arcname=name)
    return destination


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def _write_manifest(folder: Path, manifest: dict) -> None:
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_an_archive_holds_the_schema_files_rows_and_a_manifest(committed):
    with tarfile.open(committed["archive"]) as archive:
        assert sorted(archive.getnames()) == sorted(["manifest.json", *backup.MEMBERS])
        manifest = json.load(archive.extractfile("manifest.json"))
        with tarfile.open(fileobj=archive.extractfile("media.tar")) as media:
            files = media.getnames()
        site = json.load(archive.extractfile("site.json"))
    assert manifest["slug"] == "ialuu"
    assert manifest["platform_version"] == backup.platform_version()
    assert ["wagtailcore", "0001_initial"] in manifest["migrations"]
    assert committed["image_file"] in files
    assert site["tenant"]["parent_slug"] == "saoluu"
    assert site["domains"] == [{"domain": "ialuu.saoluu.test", "is_primary": True}]
    # password hashes and citizens' addresses inside: readable by the service account only
    assert committed["archive"].stat().st_mode & 0o777 == 0o600
    assert committed["archive"].parent.stat().st_mode & 0o077 == 0


def test_a_site_restored_as_a_new_site_serves_the_same_pages_and_files(committed, db):
    others = _schema_checksums(exclude={"ialuu2"})
    restored = backup.restore_site(committed["archive"], as_slug="ialuu2")
    try:
        assert restored.get_primary_domain().domain == "ialuu2.saoluu.test"
        assert restored.parent == committed["province"]
        client = site_client(restored)
        home = client.get("/")
        assert home.status_code == 200
        assert NEWS_TITLE in home.content.decode()
        news = client.get(f"/{committed['news_path']}")
        assert news.status_code == 200
        assert "Cả xã cùng ra quân." in news.content.decode()
        stored = Path(settings.MEDIA_ROOT) / restored.schema_name
        assert (stored / committed["image_file"]).is_file()
        document = client.get(f"/documents/{committed['document_id']}/ke-hoach.pdf")
        assert document.status_code == 200
        assert b"".join(document.streaming_content) == b"%PDF-1.4 ke hoach"
        # signed-in sessions are not carried over: whoever holds the archive is no editor
        with schema_context(restored.schema_name), connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM django_session")
            assert cursor.fetchone()[0] == 0
        # found by the network's search, under the new site
        assert Entry.objects.filter(site_id=restored.pk, title=NEWS_TITLE).exists()
        # and no other site changed, byte for byte
        assert _schema_checksums(exclude={restored.schema_name}) == others
        assert _leftovers() == []
    finally:
        shutil.rmtree(Path(settings.MEDIA_ROOT) / restored.schema_name, ignore_errors=True)


def test_restoring_into_the_site_brings_back_what_was_deleted_after_the_backup(committed, db):
    from wagtail.models import Page

    commune = committed["commune"]
    media_before = sorted(
        p.name for p in (Path(settings.MEDIA_ROOT) / commune.schema_name).rglob("*")
    )
    with schema_context(commune.schema_name):
        Page.objects.get(title=NEWS_TITLE).specific.unpublish()
    connection.set_schema_to_public()
    assert site_client(commune).get(f"/{committed['news_path']}").status_code == 404
    assert not Entry.objects.filter(site_id=commune.pk, title=NEWS_TITLE).exists()

    backup.restore_site(committed["archive"], replace=True)

    assert site_client(commune).get(f"/{committed['news_path']}").status_code == 200
    assert Entry.objects.filter(site_id=commune.pk, title=NEWS_TITLE).exists()
    media_after = sorted(
        p.name for p in (Path(settings.MEDIA_ROOT) / commune.schema_name).rglob("*")
    )
    assert media_after == media_before
    assert Tenant.objects.filter(slug="ialuu").count() == 1


def test_a_site_restored_after_its_address_changed_answers_on_the_new_one(committed, db):
    """The archive names the host of its day; the restored tree links to today's."""
    from wagtail.models import Site

    commune = committed["commune"]
    commune.domains.update(domain="ialuu-moi.saoluu.test")
    backup.restore_site(committed["archive"], replace=True)
    with schema_context(commune.schema_name):
        assert Site.objects.get(is_default_site=True).hostname == "ialuu-moi.saoluu.test"
    home = site_client(Tenant.objects.get(pk=commune.pk)).get("/")
    assert home.status_code == 200
    assert "ialuu.saoluu.test" not in home.content.decode()
    entry = Entry.objects.get(site_id=commune.pk, title=NEWS_TITLE)
    assert entry.url.startswith("http://ialuu-moi.saoluu.test/")


def test_an_existing_slug_is_refused_without_replace_or_a_new_slug(committed, db):
    with pytest.raises(backup.ArchiveError, match="--replace"):
        backup.restore_site(committed["archive"])
    with pytest.raises(backup.ArchiveError, match="Đã có trang mã “saoluu”"):
        backup.restore_site(committed["archive"], as_slug="saoluu")
    assert _leftovers() == []


def test_a_truncated_archive_is_refused_before_anything_is_written(committed, db, tmp_path):
    data = committed["archive"].read_bytes()
    truncated = tmp_path / "ialuu-cut.tar"
    truncated.write_bytes(data[: len(data) // 2])
    sites = Tenant.objects.count()
    with pytest.raises(backup.ArchiveError, match="hỏng|không phải bản sao lưu"):
        backup.restore_site(truncated, as_slug="ialuu3")
    assert Tenant.objects.count() == sites
    assert not schema_exists("ialuu3") and _leftovers() == []
    assert not (Path(settings.MEDIA_ROOT) / "ialuu3").exists()


def test_an_archive_edited_by_hand_is_refused_by_its_checksums_or_signature(
    committed, db, tmp_path
):
    def edit_rows(folder):
        site = json.loads((folder / "site.json").read_text(encoding="utf-8"))
        site["tenant"]["kind"] = "province"  # a commune turned into a parent portal
        (folder / "site.json").write_text(json.dumps(site), encoding="utf-8")

    plain = _rewrite(committed["archive"], tmp_path / "a.tar", edit_rows)
    with pytest.raises(backup.ArchiveError, match="site.json"):
        backup.restore_site(plain, as_slug="ialuu3")

    def edit_rows_and_checksums(folder):
        edit_rows(folder)
        manifest = _manifest(folder)
        manifest["checksums"]["site.json"] = backup._sha256(folder / "site.json")
        _write_manifest(folder, manifest)

    forged = _rewrite(committed["archive"], tmp_path / "b.tar", edit_rows_and_checksums)
    with pytest.raises(backup.ArchiveError, match="Chữ ký"):
        backup.restore_site(forged, as_slug="ialuu3")
    assert not Tenant.objects.filter(slug="ialuu3").exists() and _leftovers() == []


def test_an_archive_of_a_newer_platform_is_refused(committed, db, tmp_path):
    def from_the_future(folder):
        manifest = _manifest(folder)
        manifest["migrations"].append(["content", "9999_from_the_future"])
        manifest["signature"] = backup._sign(manifest)
        _write_manifest(folder, manifest)

    newer = _rewrite(committed["archive"], tmp_path / "newer.tar", from_the_future)
    with pytest.raises(backup.ArchiveError, match="mới hơn.*content.9999_from_the_future"):
        backup.restore_site(newer, as_slug="ialuu3")
    assert not Tenant.objects.filter(slug="ialuu3").exists() and _leftovers() == []


def test_a_restore_failing_half_way_leaves_no_schema_tenant_domain_file_or_entry(
    committed, db, monkeypatch
):
    from tenants.models import Domain

    put_in_place = backup._put_in_place

    def fail_after_writing(*args, **kwargs):
        put_in_place(*args, **kwargs)  # tenant, domain and schema written, then the power fails
        raise RuntimeError("mất điện giữa chừng")

    monkeypatch.setattr(backup, "_put_in_place", fail_after_writing)
    with pytest.raises(RuntimeError):
        backup.restore_site(committed["archive"], as_slug="ialuu4")
    assert not Tenant.objects.filter(slug="ialuu4").exists()
    assert not Domain.objects.filter(domain__startswith="ialuu4.").exists()
    assert not schema_exists("ialuu4") and _leftovers() == []
    assert not (Path(settings.MEDIA_ROOT) / "ialuu4").exists()
    assert not list(Path(settings.MEDIA_ROOT).parent.glob(".restore-*"))


def test_an_archive_of_another_network_needs_trust_and_a_parent_there(committed, db):
    with override_settings(SECRET_KEY="another-network-key"):
        with pytest.raises(backup.ArchiveError, match="--trust-foreign"):
            backup.restore_site(committed["archive"], as_slug="ialuu5")
        with pytest.raises(backup.ArchiveError, match="--parent"):
            backup.restore_site(
                committed["archive"], as_slug="ialuu5", parent_slug="khong-co", trust_foreign=True
            )
        restored = backup.restore_site(
            committed["archive"], as_slug="ialuu5", parent_slug="saoluu", trust_foreign=True
        )
    try:
        assert site_client(restored).get("/").status_code == 200
    finally:
        shutil.rmtree(Path(settings.MEDIA_ROOT) / restored.schema_name, ignore_errors=True)


def test_the_command_asks_before_replacing_and_picks_the_archive_by_time(committed, db):
    with pytest.raises(CommandError, match="--replace"):
        call_command("restore_site", "ialuu", stdout=io.StringIO())
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_site", "ialuu", "--replace", stdout=io.StringIO())
    with pytest.raises(CommandError, match="Không có bản sao lưu nào"):
        call_command("restore_site", "ialuu", "--at", "2020-01-01 08:00", stdout=io.StringIO())
    out = io.StringIO()
    call_command("restore_site", "ialuu", "--replace", "--yes", stdout=out)
    assert committed["archive"].name in out.getvalue()


def test_nightly_backups_keep_only_the_newest_archives(tmp_path):
    for day in range(3):
        (tmp_path / f"ialuu-2026010{day}T000000000000Z.tar").write_bytes(b"x")
    removed = backup.prune_archives("ialuu", keep=1, directory=tmp_path)
    assert [p.name for p in removed] == [
        "ialuu-20260100T000000000000Z.tar",
        "ialuu-20260101T000000000000Z.tar",
    ]
    assert [p.name for p in backup.archives_of("ialuu", tmp_path)] == [
        "ialuu-20260102T000000000000Z.tar"
    ]


def test_a_site_whose_slug_starts_like_another_never_gets_its_archives(tmp_path):
    """``ia`` and ``ia-bang`` may sit in two networks: one's archives are never the other's."""
    ia = tmp_path / "ia-20260101T000000000000Z.tar"
    ia_bang = tmp_path / "ia-bang-20260102T000000000000Z.tar"
    for path in (ia, ia_bang, tmp_path / "ia-ban-sao.tar"):
        path.write_bytes(b"x")
    assert backup.archives_of("ia", tmp_path) == [ia]
    assert backup.find_archive("ia", directory=tmp_path) == ia
    assert backup.prune_archives("ia", keep=1, directory=tmp_path) == []
    assert ia_bang.exists()
