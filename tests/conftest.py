"""Fixtures for every test module: role users, a live story, a stopped
clock, and a throwaway media folder and cache."""

import time
from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.cache import cache, caches
from django.test import override_settings
from django.utils import timezone

from tests import servers
from tests.factories import ArticleFactory, UserFactory


@pytest.fixture(autouse=True, scope="session")
def live_server_one_request_at_a_time():
    """Django's live server answers each request in a thread of its own, and
    on SQLite's in-memory test database every thread shares one connection:
    two requests at once (an autosave beside a presence check-in) break each
    other's savepoints. There it answers one request at a time; persistent
    connections then close after each answer, which browsers take in stride.
    """
    from django.core.servers.basehttp import WSGIServer
    from django.db import connection
    from django.test.testcases import LiveServerThread

    class OneRequestAtATime(WSGIServer):
        # The live server's own thread already uses the shared connection.
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)

    if connection.vendor == "sqlite":
        LiveServerThread.server_class = OneRequestAtATime


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
    counters = django_settings.CACHES[django_settings.COUNTER_CACHE]
    with override_settings(
        CACHES={
            "default": default | {"LOCATION": folder},
            django_settings.COUNTER_CACHE: counters
            | {"LOCATION": folder + "-counters"},
        }
    ):
        yield


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """The site's static files, collected once for every test that starts
    `make serve` (hashed names need the manifest)."""
    root = tmp_path_factory.mktemp("static")
    database = tmp_path_factory.mktemp("collect") / "unused.sqlite3"
    servers.collectstatic(servers.production_env(f"sqlite:///{database}", None, root))
    return root


@pytest.fixture(autouse=True)
def fresh_cache():
    counters = caches[django_settings.COUNTER_CACHE]
    cache.clear()
    counters.clear()
    yield
    cache.clear()
    counters.clear()


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


@pytest.fixture
def article(db):
    """A live story open for comments."""
    return ArticleFactory(published=True, headline="Harbour reopens")


class Clock:
    """The time the code under test reads; it moves only when told to."""

    def __init__(self, now: datetime):
        self.now = now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)

    def timestamp(self) -> float:
        return self.now.timestamp()


@pytest.fixture
def clock(monkeypatch):
    """Stop the clocks at a fixed instant: `timezone.now()`, `time.time()` and
    model fields defaulting to `timezone.now` all read `clock.now`, which
    `clock.advance(seconds=...)` moves."""
    clock = Clock(datetime(2030, 1, 15, 9, 30, tzinfo=UTC))
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    monkeypatch.setattr(time, "time", clock.timestamp)
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.default is real_now:
                monkeypatch.setattr(field, "_get_default", lambda: clock.now)
    return clock
