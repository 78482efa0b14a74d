"""Django's Redis cache, keeping one Redis client per connection pool.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every operation, and
redis-py fills some 170 response callbacks in each constructor: about 0.2 ms of CPU per cache
call. A page-cache miss asks the cache for its fragments, renditions and visit counts about ten
times, so with ``REDIS_URL`` an uncached news item spent a third more CPU than with the
in-process cache (issue 19). A client is only a façade over its pool, which does the
connection handling (and notices a fork), so one client per pool serves every call.
"""

from django.core.cache.backends import redis


class _KeptClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _KeptClient
