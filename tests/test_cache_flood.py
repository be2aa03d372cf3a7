"""A flood of junk addresses against a Redis with a small memory cap leaves
the cache small, and sign-in and comment throttles working."""

import shutil
import subprocess
import time
from http import HTTPStatus

import pytest
import redis
from django.core.cache import caches
from django.test import Client, override_settings
from pytest_django.asserts import assertContains

from comments.models import Comment
from tests.comment_helpers import comment_data, comments_url
from tests.factories import ArticleFactory, UserFactory
from tests.servers import free_port

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
]
CAP = 4 * 1024 * 1024


@pytest.fixture
def capped_redis():
    """A Redis of this test's own, capped as an operator would cap a cache."""
    port = free_port()
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--maxmemory",
            str(CAP),
            "--maxmemory-policy",
            "allkeys-lru",
        ],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    url = f"redis://127.0.0.1:{port}/0"
    store = {"BACKEND": "newsroom.redis_cache.RedisCache", "LOCATION": url}
    caches_setting = {"default": store, "counters": store | {"KEY_PREFIX": "counters"}}
    with override_settings(CACHES=caches_setting):
        yield client
        caches["default"].close()
        caches["counters"].close()
    server.terminate()
    server.wait(timeout=10)


def test_a_junk_query_flood_neither_fills_the_cache_nor_lifts_the_throttles(
    capped_redis, settings
):
    settings.COMMENT_MIN_SECONDS = 0
    settings.COMMENT_RATE_LIMIT = "3/m"
    settings.LOGIN_FAILURES_PER_ACCOUNT = 5
    article = ArticleFactory(published=True, body="<p>" + "Long text. " * 2000 + "</p>")
    UserFactory(username="moderator")
    before = capped_redis.info("memory")["used_memory"]

    flood = [Client().get(article.get_absolute_url(), {"junk": n}) for n in range(700)]

    assert {answer.status_code for answer in flood} == {HTTPStatus.OK}
    # One page, its parts and the versions of the tags they show: no more.
    assert capped_redis.dbsize() < 40
    assert len(capped_redis.keys("*page:v*")) == 1
    assert capped_redis.info("memory")["used_memory"] - before < CAP // 4
    for _ in range(5):
        Client().post("/admin/login/", {"username": "moderator", "password": "wrong"})
    locked = Client().post(
        "/admin/login/", {"username": "moderator", "password": "pass-word-123"}
    )
    assertContains(locked, "Too many failed sign-in attempts")
    answers = [
        Client().post(comments_url(article), comment_data(body=f"Note {n}")).status_code
        for n in range(5)
    ]
    assert answers == [HTTPStatus.SEE_OTHER] * 3 + [HTTPStatus.TOO_MANY_REQUESTS] * 2
    assert Comment.objects.count() == 3
    assert Client().get("/readyz").status_code == HTTPStatus.OK
