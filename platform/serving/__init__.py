"""Serving public pages fast (issue 19): cache generations, page and fragment caches, host lookup.

The caches are invalidated by *generations*: one counter per site and one for the network,
kept in the public schema. Every cache key carries both, so a bump makes every older entry
unreachable at once (they age out of the cache by their TTL). See ``serving.generations``.
"""
