"""Colour checks for site branding: hex only, and WCAG 2.1 AA contrast (4.5:1) against text.

Decree 42/2022 and the portal requirements (F11) ask for access by people with disabilities;
a commune choosing a pale yellow header with white text would make its name unreadable, so
such a pair is refused with a message saying why and what the ratio is.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
AA_NORMAL_TEXT = 4.5

validate_hex_colour = RegexValidator(
    HEX_COLOUR,
    gettext_lazy("Màu phải viết dạng mã hex gồm # và 6 chữ số hex, ví dụ #a50e0e."),
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb`` (WCAG 2.1, definition of relative luminance)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def check_pair(background: str, text: str, what: str) -> None:
    """Raise a Vietnamese ValidationError if ``text`` on ``background`` is below AA."""
    ratio = contrast_ratio(background, text)
    if ratio < AA_NORMAL_TEXT:
        raise ValidationError(
            _(
                "%(what)s: chữ màu %(text)s trên nền %(background)s có độ tương phản "
                "%(ratio)s:1, thấp hơn mức tối thiểu 4,5:1 (WCAG 2.1 mức AA) nên người "
                "nhìn kém khó đọc. Hãy chọn màu nền đậm hơn hoặc màu chữ khác."
            )
            % {
                "what": what,
                "text": text,
                "background": background,
                "ratio": f"{ratio:.2f}".replace(".", ","),  # Vietnamese decimal comma
            }
        )


def safe_colour(value: str | None) -> str | None:
    """The value if it is a hex colour, else None: only this reaches a page's CSS."""
    return value.lower() if value and HEX_COLOUR.match(value) else None
