"""The API's query parameters, checked before any query runs: bad input is a 400, never a 500.

Unknown parameters are refused too (as Wagtail's API v2 does): a typo such as ``form=`` for
``from=`` would otherwise return the whole list and look like a filter that matched all.
"""

from dataclasses import dataclass
from datetime import date

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class BadParameter(ValueError):
    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class ListParams:
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    date_from: date | None = None
    date_to: date | None = None
    type: str = ""
    site: str = ""


def _integer(query, name: str, default: int, low: int, high: int) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise BadParameter(name, f"'{name}' phải là số nguyên từ {low} đến {high}.")
    return int(raw)


def _date(query, name: str) -> date | None:
    raw = query.get(name)
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw) if len(raw) == 10 else _bad_date(name)
    except ValueError:
        return _bad_date(name)


def _bad_date(name: str):
    raise BadParameter(name, f"'{name}' phải là một ngày dạng YYYY-MM-DD.")


def parse(query, *, types: tuple[str, ...], allowed: tuple[str, ...] = ()) -> ListParams:
    """``query`` is ``request.GET``; ``types`` the values ``type`` may take (none: no filter)."""
    known = {"page", "page_size", "from", "to", *(("type",) if types else ()), *allowed}
    for name in query:
        if name not in known:
            raise BadParameter(name, f"Tham số '{name}' không được hỗ trợ.")
        if len(query.getlist(name)) > 1:
            raise BadParameter(name, f"Tham số '{name}' chỉ được dùng một lần.")
    date_from, date_to = _date(query, "from"), _date(query, "to")
    if date_from and date_to and date_from > date_to:
        raise BadParameter("from", "'from' phải không sau 'to'.")
    kind = query.get("type", "")
    if kind and kind not in types:
        raise BadParameter("type", f"'type' phải là một trong: {', '.join(types)}.")
    return ListParams(
        page=_integer(query, "page", 1, 1, 100_000),
        page_size=_integer(query, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
        date_from=date_from,
        date_to=date_to,
        type=kind,
        site=query.get("site", "") if "site" in allowed else "",
    )
