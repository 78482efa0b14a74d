"""The themes every site can wear, with their versions, declared in code (issue 6).

A theme is only a set of design tokens (CSS custom properties, issue 16) on the one shared
stylesheet: every theme shares all of ``themes/templates`` (markup, includes, page templates) and
``themes/static/themes/css/portal.css``, so switching themes never touches a page or any other
content row. A theme changes by publishing a new *version* (a new token set,
``.theme-<slug>-<version>`` in ``themes/design/src/_tokens.scss``); the network picks a theme and
version from the console, and an old version stays selectable until no site needs it, so an
update can be previewed and rolled back.

Keys are ``<slug>:<version>`` (``classic:2``): what ``NetworkTheme.theme`` and a site's
branding override store.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Theme:
    slug: str
    version: str
    name: str
    description: str

    @property
    def key(self) -> str:
        return f"{self.slug}:{self.version}"

    @property
    def css_class(self) -> str:
        """The class on ``<body>`` that selects this theme's token set in ``portal.css``."""
        return f"theme-{self.slug}-{self.version}"

    @property
    def label(self) -> str:
        return f"{self.name} (phiên bản {self.version})"


THEMES: tuple[Theme, ...] = (
    Theme(
        "classic",
        "1",
        _("Cổ điển"),
        _("Đỏ và vàng của cơ quan nhà nước, đầu trang màu đỏ, chữ trắng."),
    ),
    Theme(
        "classic",
        "2",
        _("Cổ điển"),
        _("Như phiên bản 1, thêm dải vàng dưới đầu trang và thẻ tin có viền."),
    ),
    Theme(
        "modern",
        "1",
        _("Hiện đại"),
        _("Nền sáng, đầu trang trắng, menu màu chủ đạo, góc bo tròn."),
    ),
)

BY_KEY: dict[str, Theme] = {theme.key: theme for theme in THEMES}
DEFAULT_KEY = "classic:2"


def latest(slug: str) -> Theme | None:
    """The newest version of a theme by its slug (``?giao-dien=modern``)."""
    versions = [theme for theme in THEMES if theme.slug == slug]
    return max(versions, key=lambda t: int(t.version)) if versions else None


def find(value: str | None) -> Theme | None:
    """A theme from a stored key (``modern:1``) or a bare slug (newest version); None if
    unknown, so a removed theme falls back instead of breaking a site."""
    if not value:
        return None
    value = value.strip()
    return BY_KEY.get(value) or latest(value)


def default() -> Theme:
    return BY_KEY[DEFAULT_KEY]


def choices() -> list[tuple[str, str]]:
    return [(theme.key, theme.label) for theme in THEMES]
