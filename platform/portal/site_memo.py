"""Remember a small fact of the current site until the site changes (issue 19, the query
budget): the page-building apps (content, exchange, themes) ask their per-page questions
through ``remembered``.

What "until the site changes" means (its generation counters) belongs to ``serving``, which
sits above those apps in the import layers; it provides the memory when it starts
(``serving.site_facts``). Without it (a process that does not load ``serving``) every call
simply computes.
"""

from collections.abc import Callable
from typing import Any

_remember: Callable[[str, Callable[[], Any]], Any] | None = None


def remembered(name: str, compute: Callable[[], Any]) -> Any:
    """``compute()``, or its earlier answer for this site while nothing on it has changed.
    ``compute`` must return something immutable (tuples, numbers, strings); None is never
    remembered."""
    if _remember is None:
        return compute()
    return _remember(name, compute)


def provide(remember: Callable[[str, Callable[[], Any]], Any]) -> None:
    global _remember
    _remember = remember
