"""Copying a page from one site's schema into another's, files included (issue 18).

Nothing is linked across sites: the source page is read inside the source's schema, its
images and files are read as bytes there, and the copy is written inside the target's schema
as new ``Image``/``Document`` rows whose files the target's tenant-aware storage puts under
``media/<target schema>/``. Ids inside the body (images, files) are remapped to the copies;
links to other pages of the source site cannot follow (those pages do not exist in the
target) and are dropped.

The copy is all or nothing: the target's rows are written in one transaction, and the files
already stored are deleted when anything fails, so a failed copy leaves no page, no image row
and no orphan file. A failure is raised as ``CopyError`` with a message the reviewer reads.
"""

import contextlib
import difflib
import os
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django_tenants.utils import schema_context
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from exchange.sources import find_page

NEWS_FIELDS = ("kind", "date", "lead", "author", "event_date", "urgent")
DOCUMENT_FIELDS = ("number", "issue_date", "effective_date", "abstract", "signer")
DOCUMENT_LISTS = ("document_type", "issuing_body", "sector")  # snippets matched by name


class CopyError(Exception):
    """A copy that could not be made; the message says what failed, in Vietnamese."""


@dataclass
class FileBlob:
    kind: str  # "image" or "document"
    source_id: int
    title: str
    name: str
    data: bytes
    description: str = ""
    extra: dict = field(default_factory=dict)  # an image's size and focal point


@dataclass
class SourcePage:
    """Everything a copy needs, read out of the source schema."""

    model: str  # "news" or "document"
    title: str
    slug: str
    url: str
    fields: dict
    body: list = field(default_factory=list)
    lists: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)  # "image:12" → FileBlob
    credit: str = ""  # the sending site's name, credited as the copy's contributing unit

    def snapshot(self) -> dict:
        return page_snapshot(self.model, self.title, self.fields, self.body)


def page_snapshot(model: str, title: str, fields: dict, body) -> dict:
    """The text a reviewer compares when the source changes: title, lead or abstract, body."""
    if model == "document":
        return {
            "title": title,
            "lead": f"{fields.get('number', '')} {fields.get('abstract', '')}".strip(),
            "body": "",
        }
    return {"title": title, "lead": fields.get("lead", ""), "body": body_text(body)}


def page_snapshot_of(page) -> dict:
    """The snapshot of a page of the current schema, without reading its files."""
    from content.models import DocumentPage

    if isinstance(page, DocumentPage):
        fields = {"number": page.number, "abstract": page.abstract}
        return page_snapshot("document", page.title, fields, [])
    return page_snapshot("news", page.title, {"lead": page.lead}, page.body.get_prep_value())


def body_text(raw) -> str:
    """The readable text of a body's raw blocks, one line per text value, for diffs."""
    lines = []

    def walk(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                if k not in ("type", "id"):
                    walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key not in ("type", "id", "format"):
            text = " ".join(strip_tags(value).split())
            if text:
                lines.append(text)

    walk(raw or [])
    return "\n".join(lines)


def diff(old: dict | None, new: dict) -> list[tuple[str, list[str]]]:
    """Per field that changed, the lines of a unified diff (difflib), for the reviewer."""
    labels = {"title": _("Tiêu đề"), "lead": _("Sapô / trích yếu"), "body": _("Nội dung")}
    old = old or {}
    changes = []
    for key, label in labels.items():
        before, after = (old.get(key) or "").splitlines(), (new.get(key) or "").splitlines()
        if before != after:
            lines = list(difflib.unified_diff(before, after, lineterm="", n=1))[2:]
            changes.append((label, lines))
    return changes


# --- the body's ids ------------------------------------------------------------------------

_EMBED = re.compile(r'<embed([^>]*?)embedtype="image"([^>]*?)id="(\d+)"([^>]*)/?>')
_DOC_LINK = re.compile(r'<a([^>]*?)linktype="document"([^>]*?)id="(\d+)"([^>]*)>')
_PAGE_LINK = re.compile(r'<a[^>]*linktype="page"[^>]*>(.*?)</a>', re.S)


def _rich_text(html: str, remap) -> str:
    def image(match):
        new = remap("image", int(match.group(3)))
        if new is None:
            return ""
        before, between, after = match.group(1), match.group(2), match.group(4)
        return f'<embed{before}embedtype="image"{between}id="{new}"{after}/>'

    def document(match):
        new = remap("document", int(match.group(3)))
        if new is None:
            return "<a>"
        return f'<a{match.group(1)}linktype="document"{match.group(2)}id="{new}"{match.group(4)}>'

    html = _EMBED.sub(image, html or "")
    html = _DOC_LINK.sub(document, html)
    return _PAGE_LINK.sub(lambda m: m.group(1), html)


def remap_value(block, value, remap):
    """``value`` (raw JSON of ``block``) with every image and file id passed through
    ``remap(kind, id)`` and page references dropped."""
    if isinstance(block, blocks.StreamBlock):
        out = []
        for item in value or []:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                out.append({**item, "value": remap_value(child, item.get("value"), remap)})
        return out
    if isinstance(block, blocks.ListBlock):
        out = []
        for item in value or []:
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                out.append({**item, "value": remap_value(block.child_block, item["value"], remap)})
            else:
                out.append(remap_value(block.child_block, item, remap))
        return out
    if isinstance(block, blocks.StructBlock):
        return {
            key: remap_value(block.child_blocks[key], v, remap) if key in block.child_blocks else v
            for key, v in (value or {}).items()
        }
    if isinstance(block, ImageChooserBlock):
        return remap("image", value) if value else None
    if isinstance(block, DocumentChooserBlock):
        return remap("document", value) if value else None
    if isinstance(block, blocks.PageChooserBlock):
        return None
    if isinstance(block, blocks.RichTextBlock):
        return _rich_text(value, remap)
    return value


def _body_block():
    from content.models import NewsPage

    return NewsPage._meta.get_field("body").stream_block


# --- reading the source --------------------------------------------------------------------


def _read_file(kind: str, obj) -> FileBlob:
    label = _("ảnh") if kind == "image" else _("tệp")
    try:
        with obj.file.open("rb") as handle:
            data = handle.read()
    except (FileNotFoundError, OSError, ValueError) as error:
        raise CopyError(
            _("Không đọc được %(what)s “%(title)s” của bản gốc (%(error)s): thiếu tệp.")
            % {"what": label, "title": obj.title, "error": type(error).__name__}
        ) from error
    extra = {}
    if kind == "image":
        names = ("width", "height", "focal_point_x", "focal_point_y")
        names += ("focal_point_width", "focal_point_height")
        extra = {name: getattr(obj, name) for name in names}
    return FileBlob(
        kind,
        obj.pk,
        obj.title,
        os.path.basename(obj.file.name),
        data,
        getattr(obj, "description", "") or "",
        extra,
    )


def read_source(
    schema: str, page_id: int, request=None, require_live=False, translation_key=None
) -> SourcePage:
    """The page ``page_id`` of ``schema`` with its files, read in that schema; with
    ``translation_key``, that page only (``exchange.sources``), not another that took its id."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from content.models import DocumentPage, NewsPage

    with schema_context(schema):
        page = find_page(page_id, translation_key)
        page = page.specific if page else None
        if not isinstance(page, NewsPage | DocumentPage):
            raise CopyError(
                _("Không tìm thấy bản gốc: trang đã bị xoá hoặc không phải tin bài, văn bản.")
            )
        if require_live and not page.live:
            raise CopyError(_("Bản gốc đã bị gỡ khỏi trang gửi."))
        # A copy is public on its new site and in the network's search: what the sender shows
        # only to some (a login, a password, a group) is never copied.
        if page.get_view_restrictions().exists():
            raise CopyError(_("Bản gốc chỉ dành cho người được phép xem: không gửi đi được."))
        wanted = {"image": set(), "document": set()}
        lists = {}
        if isinstance(page, NewsPage):
            model = "news"
            fields = {name: getattr(page, name) for name in NEWS_FIELDS}
            body = page.body.get_prep_value()

            def collect(kind, pk):
                wanted[kind].add(int(pk))
                return pk

            remap_value(_body_block(), body, collect)
            if page.image_id:
                wanted["image"].add(page.image_id)
                fields["image"] = page.image_id
        else:
            model, body = "document", []
            fields = {name: getattr(page, name) for name in DOCUMENT_FIELDS}
            for name in DOCUMENT_LISTS:
                item = getattr(page, name)
                if item is not None:
                    lists[name] = item.name
            if page.file_id:
                wanted["document"].add(page.file_id)
                fields["file"] = page.file_id
        files = {}
        models = {"image": get_image_model(), "document": get_document_model()}
        for kind, ids in wanted.items():
            found = models[kind].objects.in_bulk(ids)
            for pk in ids:
                if pk not in found:
                    raise CopyError(
                        _("Bản gốc dùng một %(what)s đã bị xoá (mã %(id)s).")
                        % {"what": _("ảnh") if kind == "image" else _("tệp"), "id": pk}
                    )
                if found[pk].collection.get_view_restrictions().exists():
                    raise CopyError(
                        _("Bản gốc dùng một tệp chỉ dành cho người được phép xem (mã %(id)s).")
                        % {"id": pk}
                    )
                files[f"{kind}:{pk}"] = _read_file(kind, found[pk])
        return SourcePage(
            model=model,
            title=page.title,
            slug=page.slug,
            url=page.get_full_url(request),
            fields=fields,
            body=body,
            lists=lists,
            files=files,
        )


# --- writing the copy ----------------------------------------------------------------------


class _FileWriter:
    """Stores the copied files in the target schema, reusing earlier copies, and remembers
    what it stored so a failure can delete it."""

    def __init__(self, source: SourcePage, file_map: dict):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        self.source = source
        self.file_map = dict(file_map or {})
        self.models = {"image": get_image_model(), "document": get_document_model()}
        self.stored = []

    def __call__(self, kind, pk):
        key = f"{kind}:{int(pk)}"
        blob = self.source.files.get(key)
        if blob is None:
            return None
        model = self.models[kind]
        existing = self.file_map.get(key)
        if existing and model.objects.filter(pk=existing).exists():
            return existing
        obj = model(title=blob.title)
        if kind == "image" and hasattr(obj, "description"):
            obj.description = blob.description
        obj.file.save(blob.name, ContentFile(blob.data), save=False)
        for name, value in blob.extra.items():  # after the save, which resets the size
            setattr(obj, name, value)
        obj.file_size = len(blob.data)
        self.stored.append(obj.file)
        obj.save()
        self.file_map[key] = obj.pk
        return obj.pk

    def discard(self):
        for stored in self.stored:
            with contextlib.suppress(OSError):
                stored.storage.delete(stored.name)


def _page_fields(source: SourcePage, writer) -> dict:
    from content.models import ContributingUnit, DocumentType, IssuingBody, Sector

    fields = dict(source.fields)
    if source.model == "news":
        if source.credit:
            fields["contributing_unit"] = ContributingUnit.objects.get_or_create(
                name=source.credit
            )[0]
        if "image" in fields:
            fields["image_id"] = writer("image", fields.pop("image"))
        fields["body"] = remap_value(_body_block(), source.body, writer)
    else:
        if "file" in fields:
            fields["file_id"] = writer("document", fields.pop("file"))
        models = {"document_type": DocumentType, "issuing_body": IssuingBody, "sector": Sector}
        for name, model in models.items():
            value = source.lists.get(name)
            fields[name] = model.objects.get_or_create(name=value)[0] if value else None
    return fields


def _check_clash(parent, title: str, slug: str, exclude=None):
    siblings = parent.get_children()
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude)
    if siblings.filter(slug=slug).exists():
        raise CopyError(
            _("Chuyên mục “%(section)s” đã có một trang với đường dẫn “%(slug)s”.")
            % {"section": parent.title, "slug": slug}
        )
    if siblings.filter(title=title).exists():
        raise CopyError(
            _("Chuyên mục “%(section)s” đã có một trang tên “%(title)s”.")
            % {"section": parent.title, "title": title}
        )


def write_copy(schema, parent_id, source: SourcePage, user=None, file_map=None):
    """A new draft copy of ``source`` under page ``parent_id`` of ``schema``.

    Returns (page, file_map). The page is saved as a draft revision by ``user``; the caller
    decides whether it is submitted to review or published."""
    from wagtail.models import Page

    from content.models import DocumentPage, NewsPage

    model = NewsPage if source.model == "news" else DocumentPage
    with schema_context(schema):
        parent = Page.objects.filter(pk=parent_id).first()
        if parent is None or parent.specific_class not in model.allowed_parent_page_models():
            raise CopyError(_("Chuyên mục đã chọn không nhận loại trang này."))
        _check_clash(parent, source.title, source.slug)
        writer = _FileWriter(source, file_map)
        try:
            with transaction.atomic():
                page = model(title=source.title, slug=source.slug, live=False, owner=user)
                for name, value in _page_fields(source, writer).items():
                    setattr(page, name, value)
                parent.add_child(instance=page)
                page.save_revision(user=user, log_action=True)
        except CopyError:
            writer.discard()
            raise
        except (ValidationError, OSError, ValueError) as error:
            writer.discard()
            raise CopyError(_("Không tạo được bản sao: %(error)s") % {"error": error}) from error
        return page, writer.file_map


def update_copy(schema, page_id, source: SourcePage, user=None, file_map=None, publish=False):
    """A new revision of the copy ``page_id`` with ``source``'s current text and files;
    published at once when ``publish``. Returns (page, file_map)."""
    from wagtail.models import Page

    with schema_context(schema):
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise CopyError(_("Bản sao không còn trên trang này."))
        page = page.specific
        _check_clash(page.get_parent(), source.title, page.slug, exclude=page.pk)
        writer = _FileWriter(source, file_map)
        try:
            with transaction.atomic():
                page.title = source.title
                for name, value in _page_fields(source, writer).items():
                    setattr(page, name, value)
                revision = page.save_revision(user=user, log_action=True)
                if publish:
                    revision.publish(user=user)
        except CopyError:
            writer.discard()
            raise
        except (ValidationError, OSError, ValueError) as error:
            writer.discard()
            message = _("Không cập nhật được bản sao: %(error)s") % {"error": error}
            raise CopyError(message) from error
        return page, writer.file_map


def is_live(schema, page_id) -> bool:
    from wagtail.models import Page

    with schema_context(schema):
        return Page.objects.filter(pk=page_id, live=True).exists()


def unpublish_copy(schema, page_id, user=None):
    from wagtail.models import Page

    with schema_context(schema):
        page = Page.objects.filter(pk=page_id).first()
        if page is not None and page.live:
            page.specific.unpublish(user=user, log_action=True)
