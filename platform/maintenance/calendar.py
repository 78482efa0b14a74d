"""Working days in Vietnam: Monday to Friday, less the public holidays (Lunar New Year too).

Decree 224/2026 art. 13(1)(a) asks that a planned stop be announced at least 7 working days
ahead (portal-requirements F21). We count the working days strictly between the day of the
announcement and the day the stop begins: neither day is a full day of notice.
"""

from datetime import date, timedelta
from functools import lru_cache

NOTICE_WORKING_DAYS = 7


@lru_cache(maxsize=16)
def _holidays(year: int):
    import holidays  # ~3 MB that a serving process never needs (issue 19)

    return holidays.country_holidays("VN", years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def working_days_between(first: date, last: date) -> int:
    """Working days strictly after ``first`` and strictly before ``last``."""
    count, day = 0, first + timedelta(days=1)
    while day < last:
        count += is_working_day(day)
        day += timedelta(days=1)
    return count


def latest_notice_day(start: date, days: int = NOTICE_WORKING_DAYS) -> date:
    """The last day on which announcing a stop that begins on ``start`` is still in time."""
    day, counted = start, 0
    while counted < days:
        day -= timedelta(days=1)
        counted += is_working_day(day)
    return day - timedelta(days=1)
