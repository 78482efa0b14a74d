"""Reading the national monitoring snippet a board pastes (F20): one ``<script src>``, nothing else.

The board receives the snippet from the national monitoring system (EMC or its successor) and
pastes it as given. We keep only the ``src`` and write the tag ourselves, so what reaches a
public page is never the pasted HTML: a board (or whoever takes over its account) cannot put
arbitrary markup or an inline script on the site, and the CSP admits only the allowed origins.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_SNIPPET = 2000  # characters: a script tag with its address, never a page of HTML
# Attributes a monitoring tag may carry besides ``src``; their values are not kept.
HARMLESS = {"async", "defer", "charset", "type"}
SCRIPT_TYPES = {"", "text/javascript", "application/javascript"}


def allowed_origins() -> list[str]:
    return [origin.rstrip("/").lower() for origin in settings.PORTAL_MONITORING_ORIGINS]


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict] = []
        self.others: list[str] = []
        self.inside = False
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))
            self.inside = True
        else:
            self.others.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.others.append(tag)

    def handle_endtag(self, tag):
        if tag == "script":
            self.inside = False
        else:
            self.others.append(f"/{tag}")

    def handle_data(self, data):
        self.text += data

    def handle_comment(self, data):
        pass  # "<!-- EMC -->" above the tag is how the snippet is often handed out

    def handle_decl(self, decl):
        self.others.append(decl)

    def handle_pi(self, data):
        self.others.append(data)


def parse_snippet(snippet: str) -> str:
    """The ``src`` of the one script tag in ``snippet``; ValidationError (Vietnamese) else."""
    snippet = (snippet or "").strip()
    if len(snippet) > MAX_SNIPPET:
        raise ValidationError(_("Mã giám sát quá dài: chỉ dán đúng một thẻ <script> được cấp."))
    reader = _Reader()
    reader.feed(snippet)
    reader.close()
    if len(reader.scripts) != 1:
        raise ValidationError(_("Mã giám sát phải có đúng một thẻ <script>."))
    if reader.others or reader.text.strip():
        raise ValidationError(
            _('Mã giám sát chỉ được gồm một thẻ <script src="…"></script>, không có nội dung khác.')
        )
    attrs = reader.scripts[0]
    src = (attrs.pop("src", None) or "").strip()
    if not src:
        raise ValidationError(_("Thẻ <script> của mã giám sát phải có địa chỉ src."))
    unknown = set(attrs) - HARMLESS
    if unknown:
        raise ValidationError(
            _("Thẻ <script> có thuộc tính không được phép: %(names)s.")
            % {"names": ", ".join(sorted(unknown))}
        )
    if (attrs.get("type") or "").lower() not in SCRIPT_TYPES:
        raise ValidationError(_("Thẻ <script> của mã giám sát phải là JavaScript thông thường."))
    parts = urlsplit(src)
    if parts.scheme != "https" or not parts.netloc or "@" in parts.netloc:
        raise ValidationError(_("Địa chỉ src của mã giám sát phải bắt đầu bằng https://."))
    if origin_of(src) not in allowed_origins():
        raise ValidationError(
            _("Mã giám sát từ %(origin)s không được chấp nhận; chỉ chấp nhận: %(allowed)s.")
            % {"origin": origin_of(src), "allowed": ", ".join(allowed_origins())}
        )
    return src
