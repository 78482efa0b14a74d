"""Generation counters: the one mechanism by which every cache of public pages is invalidated.

- ``bump_site(schema)``: something shown on one site changed (a page published, unpublished,
  moved or deleted; its settings, branding, own banners, menus). Every cached page and
  fragment of that site is unreachable from the next request on.
- ``bump_network()``: something every site may show changed (a campaign banner, a network
  theme, a site's name or status, a domain). Every site's entries go.

Keys carry both counters (``key_part``), so an entry is reused only while neither moved. The
counters live in the database (public schema), not in the cache: with the in-process cache of
the default setup each gunicorn worker has its own cache, and a bump made by the worker that
served the admin must reach the others. Each process keeps what it read for
``PORTAL_GENERATION_SECONDS`` (0.5 s by default; 0 in tests), so a cache hit usually costs no
query and a change shows on every worker within that time. What nginx fetches, to share it for
a second or two, reads them afresh (``fresh``: ``serving.pages``, docker/nginx.conf), so no
worker's memory outlives a publish in nginx's cache.

Other apps call ``bump_site()`` / ``bump_network()`` directly, or list their models in
``PORTAL_CACHE_SITE_MODELS`` / ``PORTAL_CACHE_NETWORK_MODELS`` (``serving.invalidation``).
"""

import time

from django.conf import settings
from django.db import connection
from django_tenants.utils import get_public_schema_name

NETWORK = "network"
_memo: dict[str, tuple[int, float]] = {}


def _site_scope(schema: str) -> str:
    return f"site:{schema}"


def _ttl() -> float:
    return getattr(settings, "PORTAL_GENERATION_SECONDS", 0.5)


def current(schema: str | None = None, fresh: bool = False) -> tuple[int, int]:
    """(site generation, network generation) for ``schema`` (the current one by default);
    ``fresh``: read from the database even when this process remembers them."""
    schema = schema or connection.schema_name
    scopes = (_site_scope(schema), NETWORK)
    now = time.monotonic()
    cached = [_memo.get(scope) for scope in scopes]
    if not fresh and all(entry is not None and entry[1] > now for entry in cached):
        return cached[0][0], cached[1][0]
    public = get_public_schema_name()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT scope, value FROM {public}.serving_generation"  # noqa: S608 - a schema name
            " WHERE scope IN (%s, %s)",
            scopes,
        )
        found = dict(cursor.fetchall())
    expires = now + _ttl()
    values = tuple(found.get(scope, 0) for scope in scopes)
    for scope, value in zip(scopes, values, strict=True):
        _memo[scope] = (value, expires)
    return values


def key_part(schema: str | None = None) -> str:
    """``<schema>.<site generation>.<network generation>``: the prefix of every cache key."""
    schema = schema or connection.schema_name
    site, network = current(schema)
    return f"{schema}.{site}.{network}"


def _bump(scope: str) -> int:
    public = get_public_schema_name()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {public}.serving_generation (scope, value)"  # noqa: S608 - as above
            f" VALUES (%s, nextval('{public}.serving_generation_seq'))"
            " ON CONFLICT (scope) DO UPDATE SET value = EXCLUDED.value RETURNING value",
            [scope],
        )
        value = cursor.fetchone()[0]
    _memo[scope] = (value, time.monotonic() + _ttl())
    return value


def bump_site(schema: str | None = None) -> int:
    """Invalidate every cached page and fragment of one site (the current one by default)."""
    schema = schema or connection.schema_name
    if schema == get_public_schema_name():
        return bump_network()
    return _bump(_site_scope(schema))


def bump_parents_of(site_ids: list[int]) -> list[str]:
    """Invalidate the parent portals of the sites ``site_ids`` (what they show of their members
    changed), in one statement; the parents' schemas."""
    public = get_public_schema_name()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {public}.serving_generation (scope, value)"  # noqa: S608 - as above
            f" SELECT 'site:' || p.schema_name, nextval('{public}.serving_generation_seq')"
            f" FROM (SELECT DISTINCT parent.schema_name FROM {public}.tenants_tenant member"
            f" JOIN {public}.tenants_tenant parent ON parent.id = member.parent_id"
            " WHERE member.id = ANY(%s)) p"
            " ON CONFLICT (scope) DO UPDATE SET value = EXCLUDED.value RETURNING scope, value",
            [list(site_ids)],
        )
        rows = cursor.fetchall()
    expires = time.monotonic() + _ttl()
    for scope, value in rows:
        _memo[scope] = (value, expires)
    return [scope.removeprefix("site:") for scope, _value in rows]


def bump_network() -> int:
    """Invalidate every cached page and fragment of every site."""
    return _bump(NETWORK)


def forget() -> None:
    """Drop what this process remembers (tests; a process that must see a bump at once)."""
    _memo.clear()
