"""The one interface both backends answer (issue 7): a query in, a result out.

A backend never sees raw request parameters: ``SearchQuery.build`` validates them and raises
``InvalidQuery`` with a Vietnamese message a citizen can act on.
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

from search.documents import KINDS

MAX_QUERY_LENGTH = 200  # characters; longer text is a paste, not a search
MAX_WORDS = 32
PER_PAGE = 10
# Ranking is bounded (research/search-baseline.md): only the RANKED newest matches are scored,
# and facets and the total are counted over at most COUNTED matches.
RANKED = 200
COUNTED = 1000
MAX_PAGE = RANKED // PER_PAGE

KIND_LABELS = {
    "news": "Tin tức",
    "document": "Văn bản",
    "procedure": "Thủ tục hành chính",
    "question": "Hỏi – Đáp",
    "consultation": "Lấy ý kiến dự thảo",
    "page": "Trang",
}


class InvalidQuery(ValueError):
    """Bad input from a citizen: the message says what to change."""


@dataclass(frozen=True)
class SearchQuery:
    """What to look for and where. ``sites`` empty means every site of the network."""

    text: str
    sites: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    page: int = 1
    per_page: int = PER_PAGE

    @classmethod
    def build(cls, text, *, sites=(), kinds=(), years=(), page=1) -> "SearchQuery":
        text = unicodedata.normalize("NFC", (text or "")).strip()
        text = " ".join(text.split())
        if not text:
            raise InvalidQuery(_("Hãy nhập từ khóa cần tìm."))
        if len(text) > MAX_QUERY_LENGTH or len(text.split()) > MAX_WORDS:
            raise InvalidQuery(
                _("Từ khóa quá dài: hãy dùng tối đa %(n)s ký tự.") % {"n": MAX_QUERY_LENGTH}
            )
        if not any(char.isalnum() for char in text):
            raise InvalidQuery(_("Từ khóa cần có chữ hoặc số."))
        try:
            page = int(page or 1)
            site_ids = tuple(sorted({int(site) for site in sites}))
            year_values = tuple(sorted({int(year) for year in years}))
        except (TypeError, ValueError) as error:
            raise InvalidQuery(_("Tham số tìm kiếm không hợp lệ.")) from error
        if page < 1 or page > MAX_PAGE:
            raise InvalidQuery(
                _("Chỉ xem được đến trang %(n)s của kết quả; hãy thu hẹp tìm kiếm.")
                % {"n": MAX_PAGE}
            )
        if any(year < 1900 or year > 2200 for year in year_values):
            raise InvalidQuery(_("Năm không hợp lệ."))
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise InvalidQuery(_("Loại nội dung không hợp lệ."))
        return cls(text, site_ids, tuple(sorted(set(kinds))), year_values, page)

    @property
    def has_diacritics(self) -> bool:
        from portal.text import fold_vietnamese

        return fold_vietnamese(self.text) != self.text

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass
class Hit:
    site_id: int
    page_id: int
    url: str
    title: str  # HTML: escaped, with <mark> around matched words
    snippet: str  # HTML, same
    date: datetime
    kind: str
    section: str = ""
    locale: str = "vi"
    site_name: str = ""
    site_archived: bool = False
    score: float = 0.0

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass
class Bucket:
    key: str
    count: int
    label: str = ""
    slug: str = ""  # a site's slug, for the site facet's links


@dataclass
class SearchResult:
    query: SearchQuery
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    total_is_exact: bool = True  # False: at least ``total`` (the count stopped at COUNTED)
    facets: dict[str, list[Bucket]] = field(default_factory=dict)
    suggestion: str = ""  # "Có phải bạn muốn tìm …": a corrected query for a typo
    suggestion_used: bool = False  # the hits are those of the suggestion (nothing matched)

    @property
    def pages(self) -> int:
        reachable = min(self.total, RANKED)
        return max(1, -(-reachable // self.query.per_page))
