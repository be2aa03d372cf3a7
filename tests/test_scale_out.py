import os
import subprocess
import sys

import pytest
from django.test import Client, RequestFactory

from newsroom import replicas
from tests import servers


@pytest.fixture
def with_replicas(monkeypatch):
    monkeypatch.setattr(replicas, "replica_aliases", lambda: ["replica1", "replica2"])
    monkeypatch.setattr(replicas, "caught_up", lambda alias: True)
    return ReplicaProbe()


class ReplicaProbe:
    router = replicas.ReplicaRouter()

    def reads_from(self, method="get", path="/", cookies=None, requests=50):
        """Where each of `requests` requests reads, all its queries together."""
        seen = []

        def view(request):
            seen.append({self.router.db_for_read(None) for _ in range(5)})
            return _Response()

        for _ in range(requests):
            request = getattr(RequestFactory(), method)(path)
            request.COOKIES.update(cookies or {})
            replicas.PrimaryPinMiddleware(view)(request)
        assert all(len(aliases) == 1 for aliases in seen)  # one database a request
        return set().union(*seen)


def test_readers_read_from_replicas_and_writes_go_to_the_primary(with_replicas):
    assert with_replicas.reads_from() == {"replica1", "replica2"}
    assert with_replicas.router.db_for_write(None) == "default"
    assert with_replicas.router.allow_migrate("replica1", "articles") is False


def test_without_replicas_everything_uses_the_primary():
    assert ReplicaProbe().reads_from() == {"default"}


def test_outside_a_readers_request_reads_use_the_primary(with_replicas):
    """Commands and the task worker read what they are about to change."""
    assert {with_replicas.router.db_for_read(None) for _ in range(20)} == {"default"}


def test_a_replica_behind_the_last_change_or_down_is_passed_over(
    with_replicas, monkeypatch
):
    monkeypatch.setattr(replicas, "caught_up", lambda alias: alias == "replica2")
    assert with_replicas.reads_from() == {"default", "replica2"}

    def down(alias):
        raise OSError("connection refused")

    monkeypatch.setattr(replicas, "caught_up", down)
    assert with_replicas.reads_from() == {"default"}


@pytest.mark.parametrize(
    ("method", "path", "cookies", "pinned"),
    [
        ("get", "/", {}, False),
        ("head", "/feed/", {}, False),
        ("get", "/admin/", {}, True),
        ("post", "/articles/x/comments/", {}, True),
        ("get", "/", {"sessionid": "abc"}, True),
        ("get", "/", {replicas.PIN_COOKIE: "1"}, True),
    ],
)
def test_staff_and_fresh_writers_stay_on_the_primary(
    with_replicas, method, path, cookies, pinned
):
    reads = with_replicas.reads_from(method, path, cookies)

    assert reads == ({"default"} if pinned else {"replica1", "replica2"})


def test_a_post_sets_the_pin_cookie():
    response = replicas.PrimaryPinMiddleware(lambda request: _Response())(
        RequestFactory().post("/articles/x/comments/")
    )

    assert replicas.PIN_COOKIE in response.cookies


class _Response:
    def __init__(self):
        from http.cookies import SimpleCookie

        self.cookies = SimpleCookie()

    def set_cookie(self, name, value, **kwargs):
        self.cookies[name] = value


def test_replica_urls_become_mirrored_aliases():
    replicas_env = {
        "DEBUG": "1",
        "DATABASE_REPLICA_URLS": "postgres://r@replica-a:5432/news,postgres://r@replica-b:5432/news",
    }

    out = servers.settings_in(
        replicas_env,
        "sorted(s.DATABASES), s.DATABASES['replica2']['HOST'], "
        "s.DATABASES['replica1']['TEST']['MIRROR']",
    )

    assert out == "['default', 'replica1', 'replica2'] replica-b default"


def test_s3_bucket_switches_media_to_django_storages():
    s3_env = {
        "DEBUG": "1",
        "S3_BUCKET": "newsroom-media",
        "S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    }

    out = servers.settings_in(
        s3_env,
        "s.STORAGES['default']['BACKEND'], "
        "s.STORAGES['default']['OPTIONS']['bucket_name'], s.SERVE_MEDIA",
    )

    assert out == "storages.backends.s3.S3Storage newsroom-media False"


@pytest.mark.django_db
def test_a_post_pins_the_next_reads_to_the_primary(client, no_comment_delays):
    from tests.comment_helpers import post_comment
    from tests.factories import ArticleFactory

    response = post_comment(client, ArticleFactory(published=True))

    assert response.cookies[replicas.PIN_COOKIE]["max-age"] == replicas.PIN_SECONDS
    assert Client().get("/").status_code == 200


def test_warm_up_compiles_every_reader_template_before_the_fork():
    from django.template import engines

    from newsroom.warmup import warm_up

    jinja = engines["jinja2"].env
    jinja.cache.clear()

    warm_up()

    cached = {template.name for template in jinja.cache.values()}
    assert {"base.html", "articles/article_detail.html", "includes/comment.html"} <= (
        cached
    )


def test_without_cache_url_the_cache_is_files_beside_the_sqlite_database(tmp_path):
    database = tmp_path / "site.sqlite3"

    out = servers.settings_in(
        {"DEBUG": "1", "DATABASE_URL": f"sqlite:///{database}", "CACHE_URL": ""},
        "s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'], "
        "s.CACHES['default']['OPTIONS']['MAX_ENTRIES'], s.SESSION_ENGINE",
    )

    assert out == (
        f"newsroom.file_cache.FileCache {database}-cache 5000 "
        "django.contrib.sessions.backends.db"
    )


def test_without_cache_url_on_postgresql_the_cache_is_in_the_project():
    out = servers.settings_in(
        {
            "DEBUG": "1",
            "DATABASE_URL": "postgres://u@127.0.0.1:5432/news",
            "CACHE_URL": "",
        },
        "s.CACHES['default']['LOCATION']",
    )

    assert out == str(servers.ROOT / ".cache")


def test_a_file_cache_url_names_the_folder(tmp_path):
    out = servers.settings_in(
        {"DEBUG": "1", "CACHE_URL": f"filecache://{tmp_path}/pages"},
        "s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION']",
    )

    assert out == f"newsroom.file_cache.FileCache {tmp_path}/pages"


def test_redis_keeps_its_own_backend_counters_apart_and_sessions_in_the_db():
    out = servers.settings_in(
        {"DEBUG": "1", "CACHE_URL": "redis://127.0.0.1:6379/3"},
        "s.CACHES['default']['BACKEND'], s.CACHES['counters']['BACKEND'], "
        "s.CACHES['counters']['KEY_PREFIX'], s.SESSION_ENGINE",
    )

    assert out == (
        "newsroom.redis_cache.RedisCache newsroom.redis_cache.RedisCache "
        "counters django.contrib.sessions.backends.db"
    )


def test_the_counters_can_have_a_redis_of_their_own():
    out = servers.settings_in(
        {
            "DEBUG": "1",
            "CACHE_URL": "redis://127.0.0.1:6379/3",
            "COUNTER_CACHE_URL": "redis://127.0.0.1:6380/0",
        },
        "s.CACHES['counters']['LOCATION']",
    )

    assert out == "redis://127.0.0.1:6380/0"


def test_make_serve_runs_a_worker_per_core_without_cache_url():
    env = {
        k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "WEB_CONCURRENCY")
    }
    code = "import runpy; print(runpy.run_path('newsroom/gunicorn.conf.py')['workers'])"

    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=servers.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert int(out) == os.cpu_count()
