"""The platform's own strings in English (locale/platform/en): complete, compiled, applied."""

from pathlib import Path

import polib
from django.utils import translation

PO = (
    Path(__file__).resolve().parents[2] / "locale" / "platform" / "en" / "LC_MESSAGES" / "django.po"
)


def test_every_platform_string_has_an_english_translation():
    po = polib.pofile(str(PO))
    missing = [e.msgid for e in po if not e.obsolete and not e.translated()]
    assert not missing, "run locale/platform/english.py; untranslated: " + repr(missing)


def test_the_committed_mo_is_compiled_from_the_po():
    expected = {(e.msgid, e.msgstr) for e in polib.mofile(polib.pofile(str(PO)).to_binary())}
    committed = {(e.msgid, e.msgstr) for e in polib.mofile(str(PO.with_suffix(".mo")))}
    assert expected == committed


def test_english_pages_read_the_platform_strings_in_english():
    with translation.override("en"):
        assert translation.gettext("Trang chủ") == "Home"
        assert translation.gettext("Gửi câu hỏi") == "Ask a question"
    with translation.override("vi"):
        assert translation.gettext("Trang chủ") == "Trang chủ"
