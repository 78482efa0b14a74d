"""Checks on what editors and citizens type, each failing with a Vietnamese message."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Số ký hiệu (Decree 30/2020/NĐ-CP, art. 8 and 15): a number, for legal normative documents the
# year, then the abbreviations of the type and the issuer joined by hyphens:
# 164/TB-UBND, 12/2024/QĐ-UBND, 1234/UBND-VP, 05/KH-BCĐ.
DOCUMENT_NUMBER = re.compile(r"^\d{1,6}(/\d{4})?/[A-ZĐ0-9]+(?:[-.&][A-ZĐ0-9]+)*$")


def normalise_document_number(value: str) -> str:
    """Upper case, no spaces: editors paste ``164 / tb-ubnd`` from scanned documents."""
    return re.sub(r"\s+", "", value or "").upper()


def validate_document_number(value: str) -> None:
    if not DOCUMENT_NUMBER.match(normalise_document_number(value)):
        raise ValidationError(
            _(
                "Số ký hiệu “%(value)s” không đúng dạng. Hãy nhập theo mẫu 164/TB-UBND hoặc"
                " 12/2024/QĐ-UBND."
            ),
            code="invalid_document_number",
            params={"value": value},
        )
