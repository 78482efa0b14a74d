"""Small facts about one site that nearly every page asks the database for (its view
restrictions, where a path leads), remembered by each process while the site's generation
stands (issue 19, the query budget).

Every change that could alter such a fact (publishing, moving, a view restriction, a locale)
bumps the site's generation (``serving.invalidation``), and the generation is part of what is
remembered: a stale fact is never read, it is recomputed. The store is a bounded LRU, so a
worker that serves thousands of sites keeps the hot ones and a few megabytes at most.
"""

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connection
from django_tenants.utils import get_public_schema_name

from serving import generations

MAX_FACTS = 8_000

_facts: OrderedDict[tuple[str, str], tuple[str, Any]] = OrderedDict()


def enabled() -> bool:
    return getattr(settings, "PORTAL_SITE_FACTS", True)


def remembered(name: str, compute: Callable[[], Any]) -> Any:
    """``compute()``, or what it returned for the current site while its generation stands.

    ``compute`` runs in the current schema and must return something immutable: every request
    of the process shares it. None is not remembered (a path that leads nowhere, say: anyone
    can ask for millions of those)."""
    schema = connection.schema_name
    if not enabled() or schema == get_public_schema_name():
        return compute()
    where = generations.key_part(schema)
    key = (schema, name)
    known = _facts.get(key)
    if known is not None and known[0] == where:
        _facts.move_to_end(key)
        return known[1]
    value = compute()
    if value is None:
        return None
    _facts[key] = (where, value)
    _facts.move_to_end(key)
    while len(_facts) > MAX_FACTS:
        _facts.popitem(last=False)
    return value


def forget() -> None:
    _facts.clear()
