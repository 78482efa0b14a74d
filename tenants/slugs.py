"""Site slugs and the schema names made from them.

A slug is the site's address label: lowercase ASCII, no diacritics ("Xã Ia Băng" → ``iabang``),
as Decree 224/2026 art. 11(4)(c) names commune domains ``tenxa.tentinh.gov.vn``.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.text import fold_vietnamese

SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
MAX_SLUG_LENGTH = 40
# Names a site may not take: PostgreSQL's and the platform's own schemas, and labels that
# would read as infrastructure in a host name.
RESERVED_SLUGS = frozenset(
    {"public", "template", "information-schema", "admin", "www", "static", "media", "mail", "api"}
)
UNIT_PREFIXES = ("thành phố", "thị trấn", "thị xã", "phường", "huyện", "tỉnh", "xã", "quận")


def strip_unit_prefix(name: str) -> str:
    """The name without its unit word: "Thị trấn Đak Đoa" → "Đak Đoa"."""
    name = unicodedata.normalize("NFC", name).strip()
    for prefix in UNIT_PREFIXES:
        if name.lower().startswith(prefix + " "):
            return name[len(prefix) + 1 :].strip()
    return name


def suggest_slug(name: str) -> str:
    """Suggest a slug from an official name: "Thị trấn Đak Đoa" → ``dakdoa``."""
    ascii_name = fold_vietnamese(strip_unit_prefix(name).lower())
    return re.sub(r"[^a-z0-9]", "", ascii_name)[:MAX_SLUG_LENGTH]


def validate_slug(slug: str) -> None:
    if not slug or len(slug) > MAX_SLUG_LENGTH or not SLUG_PATTERN.match(slug):
        raise ValidationError(
            _(
                "Mã trang “%(slug)s” không hợp lệ: chỉ dùng chữ thường không dấu (a–z), chữ số"
                " và dấu gạch ngang, bắt đầu bằng một chữ cái, tối đa %(max)d ký tự."
            ),
            code="invalid_slug",
            params={"slug": slug, "max": MAX_SLUG_LENGTH},
        )
    if slug in RESERVED_SLUGS or slug.startswith("pg-"):
        raise ValidationError(
            _("Mã trang “%(slug)s” được hệ thống dành riêng, hãy chọn mã khác."),
            code="reserved_slug",
            params={"slug": slug},
        )


def schema_name_for(slug: str) -> str:
    """PostgreSQL schema of a site: its slug with ``_`` for ``-``."""
    return slug.replace("-", "_")
