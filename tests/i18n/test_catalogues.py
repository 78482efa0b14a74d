"""The Wagtail admin in Vietnamese: our catalogues under ``locale/`` (one folder per upstream
catalogue, each a LOCALE_PATHS entry) against the strings of the installed packages.

When a package upgrade adds or changes strings, the completeness test fails with the list of
untranslated msgids; ``locale/README.md`` says how to merge and translate them.
None of these tests touch the database.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation

BASE_DIR = Path(__file__).resolve().parents[2]
LOCALE_DIR = BASE_DIR / "locale"
CONFIG = json.loads((LOCALE_DIR / "catalogues.json").read_text(encoding="utf-8"))["catalogues"]
OTHER_OWNERS = {"platform"}  # locale/ folders that are not upstream catalogues

CATALOGUE_FILES = [
    pytest.param(name, domain, cat, id=f"{name}/{domain}")
    for name, cat in CONFIG.items()
    for domain in cat["domains"]
]
ADMIN_FACING_FILES = [p for p in CATALOGUE_FILES if p.values[2]["admin_facing"]]

# %(name)s / %s / %d and str.format fields ({name}, {0}, {}), then HTML tags.
PLACEHOLDER = re.compile(
    r"%\([A-Za-z_]\w*\)[-#0 +]*\d*(?:\.\d+)?[sdifrx]|%[sdif]|\{[A-Za-z_0-9]*\}"
)
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _package_locale_dir(cat: dict) -> Path:
    spec = importlib.util.find_spec(cat["module"])
    assert spec is not None and spec.submodule_search_locations, f"{cat['module']} missing"
    return Path(next(iter(spec.submodule_search_locations))) / cat["path"]


@cache
def _pofile(path: Path) -> polib.POFile:
    return polib.pofile(str(path))


def _ours(name: str, domain: str) -> polib.POFile:
    path = LOCALE_DIR / name / "vi" / "LC_MESSAGES" / f"{domain}.po"
    assert path.exists(), f"{path.relative_to(BASE_DIR)} is missing"
    return _pofile(path)


def _source(cat: dict, domain: str) -> polib.POFile:
    language = cat.get("template_language", "en")
    return _pofile(_package_locale_dir(cat) / language / "LC_MESSAGES" / f"{domain}.po")


def _msgstr(entry: polib.POEntry) -> str:
    return entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr


def _live(po: polib.POFile) -> list[polib.POEntry]:
    return [e for e in po if not e.obsolete and e.msgid]


def _edges(text: str) -> tuple[str, str]:
    """Leading and trailing whitespace, which templates concatenate with other text."""
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def _signature(text: str) -> tuple[Counter, Counter]:
    return Counter(PLACEHOLDER.findall(text)), Counter(HTML_TAG.findall(text))


def test_every_locale_folder_is_a_listed_catalogue_with_its_files():
    folders = {p.name for p in LOCALE_DIR.iterdir() if p.is_dir()} - OTHER_OWNERS
    assert folders == set(CONFIG), "locale/ folders and locale/catalogues.json disagree"
    for name, cat in CONFIG.items():
        for domain in cat["domains"]:
            for suffix in (".po", ".mo"):
                path = LOCALE_DIR / name / "vi" / "LC_MESSAGES" / f"{domain}{suffix}"
                assert path.exists(), f"{path.relative_to(BASE_DIR)} is missing"


def test_every_catalogue_folder_is_a_locale_path_in_settings():
    locale_paths = {Path(p).resolve() for p in settings.LOCALE_PATHS}
    missing = [name for name in CONFIG if (LOCALE_DIR / name).resolve() not in locale_paths]
    assert not missing, f"not in settings.LOCALE_PATHS: {missing}"


@pytest.mark.parametrize(("name", "domain", "cat"), ADMIN_FACING_FILES)
def test_admin_facing_catalogue_translates_every_string_of_the_installed_package(name, domain, cat):
    translated = {
        (e.msgctxt, e.msgid)
        for e in _live(_ours(name, domain))
        if _msgstr(e) and "fuzzy" not in e.flags
    }
    untranslated = sorted(
        e.msgid for e in _live(_source(cat, domain)) if (e.msgctxt, e.msgid) not in translated
    )
    assert not untranslated, (
        f"{len(untranslated)} untranslated message(s) in locale/{name} ({domain}); "
        "see locale/README.md:\n" + "\n".join(f"  {m!r}" for m in untranslated)
    )


@pytest.mark.parametrize(("name", "domain", "cat"), CATALOGUE_FILES)
def test_catalogue_has_no_fuzzy_or_stale_entries(name, domain, cat):
    ours = _ours(name, domain)
    fuzzy = [e.msgid for e in _live(ours) if "fuzzy" in e.flags]
    assert not fuzzy, f"fuzzy entries in locale/{name} ({domain}): {fuzzy}"
    source = {(e.msgctxt, e.msgid) for e in _live(_source(cat, domain))}
    stale = [e.msgid for e in _live(ours) if (e.msgctxt, e.msgid) not in source]
    assert not stale, f"msgids no longer in the package, in locale/{name} ({domain}): {stale}"


@pytest.mark.parametrize(("name", "domain", "cat"), CATALOGUE_FILES)
def test_translations_keep_every_placeholder_and_html_tag_of_the_source(name, domain, cat):
    wrong = []
    for entry in _live(_ours(name, domain)):
        text = _msgstr(entry)
        if not text:
            continue
        # Vietnamese has one plural form: msgstr[0] serves every n, so it follows msgid_plural.
        reference = entry.msgid_plural or entry.msgid
        if _signature(text) != _signature(reference):
            wrong.append(f"  {reference!r}\n    -> {text!r}")
        if _edges(text) != _edges(reference):
            wrong.append(f"  leading/trailing whitespace differs: {reference!r} -> {text!r}")
    assert not wrong, f"locale/{name} ({domain}):\n" + "\n".join(wrong)


@pytest.mark.parametrize(("name", "domain", "cat"), CATALOGUE_FILES)
def test_header_declares_vietnamese_with_a_single_plural_form(name, domain, cat):
    metadata = _ours(name, domain).metadata
    assert metadata.get("Language") == "vi"
    assert metadata.get("Plural-Forms", "").replace(" ", "") == "nplurals=1;plural=0;"
    assert "charset=UTF-8" in metadata.get("Content-Type", "")
    for entry in _live(_ours(name, domain)):
        if entry.msgid_plural:
            assert set(entry.msgstr_plural) == {0}, f"{entry.msgid!r} needs only msgstr[0]"


@pytest.mark.parametrize(("name", "domain", "cat"), CATALOGUE_FILES)
def test_committed_mo_is_compiled_from_the_committed_po(name, domain, cat):
    po_path = LOCALE_DIR / name / "vi" / "LC_MESSAGES" / f"{domain}.po"
    expected = polib.mofile(_pofile(po_path).to_binary())
    committed = polib.mofile(str(po_path.with_suffix(".mo")))

    def messages(mo):
        return {
            (e.msgctxt, e.msgid, e.msgid_plural): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in mo
        }

    expected_messages, committed_messages = messages(expected), messages(committed)
    differing = sorted(
        str(key[1])
        for key in expected_messages.keys() | committed_messages.keys()
        if expected_messages.get(key) != committed_messages.get(key)
    )
    assert not differing, (
        f"locale/{name}/vi/LC_MESSAGES/{domain}.mo is out of date with its .po "
        f"(recompile: python locale/sync_catalogues.py --compile-only): {differing[:20]}"
    )
    assert committed.metadata.get("Plural-Forms") == expected.metadata.get("Plural-Forms")


def test_a_message_shared_by_several_catalogues_reads_the_same_everywhere():
    # Every LOCALE_PATHS catalogue is merged into one gettext domain: a msgid translated two
    # ways would show whichever folder sorts first, so keep one term per concept.
    seen: dict[tuple, dict[str, list[str]]] = {}
    for name, cat in CONFIG.items():
        for domain in cat["domains"]:
            for entry in _live(_ours(name, domain)):
                key = (domain, entry.msgctxt, entry.msgid)
                seen.setdefault(key, {}).setdefault(_msgstr(entry), []).append(name)
    conflicts = {key[2]: variants for key, variants in seen.items() if len(variants) > 1}
    assert not conflicts, f"one msgid, several translations: {conflicts}"


KEY_ADMIN_STRINGS = {
    "Publish": "Xuất bản",
    "Unpublish": "Hủy xuất bản",
    "Save draft": "Lưu bản nháp",
    "Submit for moderation": "Gửi duyệt",
    "Approve": "Duyệt",
    "Request changes": "Yêu cầu chỉnh sửa",
    "Workflows": "Quy trình duyệt",
    "Workflow tasks": "Các bước duyệt trong quy trình",
    "Snippets": "Đoạn nội dung",
    "Collections": "Bộ sưu tập",
    "Images": "Hình ảnh",
    "Documents": "Tài liệu",
    "Redirects": "Chuyển hướng",
    "Reports": "Báo cáo",
    "Site history": "Nhật ký hoạt động",
    "Privacy": "Quyền riêng tư",
    "Translations": "Bản dịch",
    "Locales": "Ngôn ngữ",
    "Users": "Người dùng",
    "Groups": "Nhóm",
    "Preview": "Xem trước",
    "Please provide a comma-separated list of tags.": (
        "Vui lòng nhập danh sách thẻ, cách nhau bằng dấu phẩy."
    ),
}


@pytest.mark.parametrize(("msgid", "expected"), sorted(KEY_ADMIN_STRINGS.items()))
def test_key_admin_strings_read_in_vietnamese_through_django_gettext(msgid, expected):
    with translation.override("vi"):
        assert translation.gettext(msgid) == expected


def test_plural_messages_use_the_single_vietnamese_form():
    with translation.override("vi"):
        text = translation.ngettext("Delete 1 page", "Delete %(counter)s pages", 1)
        assert text % {"counter": 1} == "Xóa 1 trang"
        text = translation.ngettext("Delete 1 page", "Delete %(counter)s pages", 5)
        assert text % {"counter": 5} == "Xóa 5 trang"


@pytest.mark.parametrize(
    ("view_path", "msgid", "expected"),
    [
        ("wagtail.admin.views.i18n.js_catalog", "Page explorer", "Quản lý trang"),
        ("wagtail.admin.views.i18n.js_catalog", "Insert a block", "Chèn khối"),
        ("wagtail_localize_js_catalog", "Download PO file", "Tải xuống tệp PO"),
    ],
)
def test_admin_javascript_catalogues_serve_our_djangojs_translations(view_path, msgid, expected):
    # Django's JavaScriptCatalog merges the djangojs domain of every LOCALE_PATHS entry on top
    # of the packages' own, so no URL or settings change is needed for ours to apply.
    from django.views.i18n import JavaScriptCatalog
    from wagtail.admin.views.i18n import js_catalog

    if view_path == "wagtail_localize_js_catalog":  # as registered in wagtail_localize's hooks
        view = JavaScriptCatalog.as_view(packages=["wagtail_localize"])
    else:
        view = js_catalog
    with translation.override("vi"):
        response = view(RequestFactory().get("/admin/jsi18n/"))
    assert response.status_code == 200
    body = response.content.decode()
    assert json.dumps(msgid) + ": " + json.dumps(expected) in body
