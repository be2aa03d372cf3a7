import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import override_settings

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and renditions go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True, scope="session")
def own_cache_folder(tmp_path_factory):
    """The file cache in a folder of this run's own, never a dev server's."""
    default = django_settings.CACHES["default"]
    if default["BACKEND"] != "newsroom.file_cache.FileCache":
        yield
        return
    folder = str(tmp_path_factory.mktemp("cache"))
    with override_settings(CACHES={"default": default | {"LOCATION": folder}}):
        yield


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


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
