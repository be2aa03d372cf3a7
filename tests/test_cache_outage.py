"""With a store down the site keeps serving pages; what a counter guards is
refused rather than let through unthrottled."""

from http import HTTPStatus

import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from comments import spam
from comments.models import Comment
from tests.comment_helpers import comment_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

DEAD = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
}


@pytest.fixture
def redis_down(settings):
    """Both stores unreachable."""
    with override_settings(CACHES={"default": DEAD, "counters": DEAD}):
        yield
    caches["default"].close()
    caches["counters"].close()


@pytest.fixture
def page_cache_down(settings, tmp_path):
    """The page cache unreachable (or refusing writes); the counters fine."""
    counters = {
        "BACKEND": "newsroom.file_cache.FileCache",
        "LOCATION": str(tmp_path / "counters"),
    }
    with override_settings(CACHES={"default": DEAD, "counters": counters}):
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


def test_comments_are_refused_not_unthrottled_without_the_counters(
    redis_down, settings, caplog
):
    settings.COMMENT_MIN_SECONDS = 0
    article = ArticleFactory(published=True)

    answer = Client().post(
        f"/articles/{article.slug}/comments/", comment_data(body="Note")
    )

    assert answer.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert spam.COUNTERS_DOWN in answer.content.decode().replace("&#x27;", "'")
    assert Comment.objects.count() == 0
    assert "rate-limit counters unavailable" in caplog.text


def test_a_page_cache_outage_leaves_the_comment_limits_working(
    page_cache_down, settings
):
    settings.COMMENT_MIN_SECONDS = 0
    settings.COMMENT_RATE_LIMIT = "2/m"
    article = ArticleFactory(published=True)

    codes = [
        Client()
        .post(f"/articles/{article.slug}/comments/", comment_data(body=f"Note {n}"))
        .status_code
        for n in range(3)
    ]

    assert codes == [303, 303, 429]
    assert Comment.objects.count() == 2


def test_readyz_reports_the_counters_down(redis_down):
    response = Client().get("/readyz")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["database"] == "ok"
    assert response.json()["counters"].startswith("error")


def test_readyz_reports_a_page_cache_outage_as_degraded_not_down(page_cache_down):
    response = Client().get("/readyz")

    assert response.status_code == HTTPStatus.OK
    assert response.json()["counters"] == "ok"
    assert response.json()["page_cache"].startswith("degraded: error")


def test_staff_can_still_sign_in(redis_down, editor):
    response = Client().post(
        "/admin/login/", {"username": "editor", "password": "pass-word-123"}
    )

    assert response.status_code == HTTPStatus.FOUND
