"""The Redis cache backend of production (``REDIS_URL``) keeps one client per connection pool
and still behaves as Django's: against a real ``redis-server`` (Debian's), when installed."""

import shutil
import socket
import subprocess
import time

import pytest

from portal.redis_cache import RedisCache

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="Debian's redis-server is not installed"
)


@pytest.fixture
def redis_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_one_client_serves_every_call_and_values_round_trip(redis_url):
    cache = RedisCache(redis_url, {"KEY_PREFIX": "pages"})
    cache.set("frag:header", ("<header>Xã Ia Băng</header>", None), 60)
    assert cache.get("frag:header") == ("<header>Xã Ia Băng</header>", None)
    assert cache.get_many(["frag:header", "frag:absent"]) == {
        "frag:header": ("<header>Xã Ia Băng</header>", None)
    }
    other = RedisCache(redis_url, {"KEY_PREFIX": "renditions"})
    assert other.get("frag:header") is None  # prefixes still keep the aliases apart
    cache.set("views", 1, 60)
    assert cache.incr("views", 4) == 5
    cache.delete_many(["frag:header", "views"])
    assert cache.get("frag:header") is None and cache.get("views") is None
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
