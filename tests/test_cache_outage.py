"""With Redis down the site keeps serving: cache misses, limits degrade, logged."""

from http import HTTPStatus

import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from comments.models import Comment
from tests.comment_helpers import comment_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


@pytest.fixture
def redis_down(settings):
    with override_settings(
        CACHES=DEAD_REDIS, SESSION_ENGINE="django.contrib.sessions.backends.db"
    ):
        yield
    caches["default"].close()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Overrides the suite's cache clearing: there is no reachable cache here."""
    yield


def test_pages_are_served_and_the_outage_is_logged(redis_down, caplog):
    article = ArticleFactory(published=True, headline="Still readable")

    for url in ["/", article.get_absolute_url(), "/feed/", "/sitemap.xml"]:
        response = Client().get(url)
        assert response.status_code == HTTPStatus.OK, url
    assert "Still readable" in Client().get("/").content.decode()
    assert "page cache unavailable" in caplog.text


def test_comments_are_still_accepted_without_the_rate_limit(
    redis_down, settings, caplog
):
    settings.COMMENT_MIN_SECONDS = 0
    settings.COMMENT_RATE_LIMIT = "1/m"
    article = ArticleFactory(published=True)

    codes = [
        Client()
        .post(f"/articles/{article.slug}/comments/", comment_data(body=f"Note {n}"))
        .status_code
        for n in range(3)
    ]

    assert codes == [303, 303, 303]
    assert Comment.objects.count() == 3
    assert "rate limit not enforced" in caplog.text


def test_readyz_reports_the_cache_down(redis_down):
    response = Client().get("/readyz")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["database"] == "ok"
    assert response.json()["cache"].startswith("error")


def test_staff_can_still_sign_in(redis_down, editor):
    response = Client().post(
        "/admin/login/", {"username": "editor", "password": "pass-word-123"}
    )

    assert response.status_code == HTTPStatus.FOUND
