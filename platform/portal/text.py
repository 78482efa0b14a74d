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
