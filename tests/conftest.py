import pytest
from django.core.cache import cache

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and renditions go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def api_unlimited(settings):
    """Tests page through the API freely; tests of the limits set their own."""
    settings.API_ANON_RATE = "0"


@pytest.fixture
def no_comment_delays(settings):
    settings.COMMENT_MIN_SECONDS = 0
    settings.COMMENT_RATE_LIMIT = "0"


@pytest.fixture
def journalist(db):
    return UserFactory(username="journalist", role="Journalist")


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", role="Editor")


@pytest.fixture
def moderator(db):
    return UserFactory(username="moderator", role="Moderator")


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True)
