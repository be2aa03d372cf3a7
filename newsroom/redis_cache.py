"""Django's Redis cache backend, minus a per-call cost.

Django builds a new ``redis.Redis`` client for every cache operation, and
each build fills a table of about 170 response callbacks, a cost of the
same order as serving a cached page. A client is safe to
share between threads and keeps no connection of its own (the pool does,
and the pool notices a fork), so one client per pool is kept instead. Keys
are not checked against memcached's limits, which Redis does not have.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def validate_key(self, key):
        """Nothing to check: Redis takes any key. Django's checks are
        memcached's limits, a loop over every character of every key of
        every page-cache hit."""
