"""Vietnamese text helpers shared by site slugs, page slugs and (later) search folding."""

import re
import unicodedata


def fold_vietnamese(text: str) -> str:
    """Remove tones and diacritics; đ becomes d (NFD leaves it whole, so it is mapped first)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def slugify_vietnamese(text: str, max_length: int = 80) -> str:
    """A URL slug without diacritics: "Tin tức – Sự kiện" → ``tin-tuc-su-kien``."""
    ascii_text = fold_vietnamese(unicodedata.normalize("NFC", text)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:max_length].rstrip("-")


# Vietnamese alphabetical order (Đ after D, Ơ after Ô…); tones sort after the letters, in
# dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
_ALPHABET = {letter: rank for rank, letter in enumerate("aăâbcdđeêghiklmnoôơpqrstuưvxy")}
_MARKED = {  # a letter and its vowel mark (breve, circumflex, horn) as one letter
    "a\u0306": "ă",
    "a\u0302": "â",
    "e\u0302": "ê",
    "o\u0302": "ô",
    "o\u031b": "ơ",
    "u\u031b": "ư",
}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vietnamese_sort_key(text: str) -> tuple:
    """Sort key in Vietnamese order: "Xã Đak Krong" after "Xã Dur", before "Xã Trang"
    (code points put Đ after every Latin letter). A Python key: PostgreSQL's ICU collations
    depend on how the server was built, and a console list is a few hundred rows."""
    letters: list[str] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if char in _TONES and tones:
            tones[-1] = _TONES[char]
        elif letters and letters[-1] + char in _MARKED:
            letters[-1] = _MARKED[letters[-1] + char]
        elif not unicodedata.combining(char):
            letters.append(char)
            tones.append(0)
    primary = tuple((0, _ALPHABET[c]) if c in _ALPHABET else (1, ord(c)) for c in letters)
    return primary, tuple(tones), text
