"""Several real processes at once: what one changes, every other one sees.

These start gunicorn (or runserver) in subprocesses, as `make serve` does,
and run management commands beside them. Each runs on the settings a
newcomer gets (SQLite, no CACHE_URL: the shared file store) and, when the
suite itself runs on PostgreSQL + Redis, on those against the test database.
"""

import os
import shutil
import subprocess
import threading

import pytest
from django.conf import settings
from django.db import connection

from comments.models import Comment
from tests import servers

pytestmark = pytest.mark.django_db(transaction=True)

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
ON_REDIS = "redis" in settings.CACHES["default"]["BACKEND"].lower()
needs_postgres_and_redis = pytest.mark.skipif(
    not (ON_POSTGRES and ON_REDIS),
    reason="shares state between processes: needs DATABASE_URL=postgres… and CACHE_URL=redis…",
)

# Run in `manage.py shell` in the site's own settings: the people and
# stories every test below starts from.
STORIES = """
import importlib
from django.apps import apps
from articles.workflow import Status
from tests.factories import ArticleFactory, UserFactory

importlib.import_module("newsroom.migrations.0002_roles").create_roles(apps, None)
UserFactory(username="editor", role="Editor")
live = ArticleFactory(published=True, slug="live-story", headline="The live story")
ArticleFactory(status=Status.IN_REVIEW, slug="next-story", headline="The next story")
print(live.pk)
"""
PUBLISH_NEXT_STORY = """
from django.contrib.auth import get_user_model
from articles.models import Article

editor = get_user_model().objects.get(username="editor")
Article.objects.get(slug="next-story").transition("published", by=editor)
"""


@pytest.fixture(scope="session")
def static_root(collected_static):
    return collected_static


def postgres_url():
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def sqlite_env(tmp_path, static_root, **extra):
    """`make serve`'s settings on a new SQLite file: no CACHE_URL."""
    env = servers.production_env(
        f"sqlite:///{tmp_path / 'newsroom.sqlite3'}", None, static_root, **extra
    )
    servers.manage(env, "migrate", "--noinput", "-v0")
    return env


@pytest.fixture(params=["sqlite, default store", "postgresql + redis"])
def site_env(request, tmp_path, static_root):
    """The environment every process of one site shares."""
    if request.param.startswith("sqlite"):
        if ON_POSTGRES:
            pytest.skip("the SQLite default runs in the suite's SQLite run")
        env = sqlite_env(tmp_path, static_root)
    else:
        if not (ON_POSTGRES and ON_REDIS):
            pytest.skip("needs DATABASE_URL=postgres… and CACHE_URL=redis…")
        env = servers.production_env(
            postgres_url(), os.environ["CACHE_URL"], static_root
        )
    if not any(static_root.iterdir()):
        servers.collectstatic(env)
    return env


def test_the_default_store_is_files_beside_the_database(site_env):
    store = servers.manage(
        site_env,
        "shell",
        "-c",
        "from django.conf import settings; c = settings.CACHES['default']; "
        "print(c['BACKEND'], c.get('LOCATION'))",
    ).splitlines()[-1]

    assert "locmem" not in store
    if "CACHE_URL" not in site_env:
        database = site_env["DATABASE_URL"].removeprefix("sqlite:///")
        assert store == f"newsroom.file_cache.FileCache {database}-cache"


def test_a_withdraw_in_one_worker_and_a_command_reach_every_worker(site_env):
    live_pk = servers.manage(site_env, "shell", "-c", STORIES).split()[-1]
    with servers.server(site_env) as a, servers.server(site_env) as b:
        readers = [servers.Browser(a), servers.Browser(b)]
        for reader in readers:
            for _ in range(2):
                status, page, headers = reader.request("/articles/live-story/")
                assert status == 200 and "The live story" in page
            assert headers["X-Page-Cache"] == "hit"  # each worker holds the page
            status, page, _ = reader.request("/")
            assert status == 200 and "The next story" not in page

        editor = servers.Browser(a)
        editor.sign_in("editor")
        change = f"/admin/articles/article/{live_pk}/change/"
        status, page, _ = editor.request(change)
        assert status == 200 and "The live story" in page
        status, _, headers = editor.request(
            f"/admin/articles/article/{live_pk}/transition/",
            {"csrfmiddlewaretoken": editor.csrf_token(page), "to": "withdrawn"},
        )
        assert status == 302 and headers["Location"] == change
        assert "is now withdrawn" in editor.request(change)[1]

        burst = [
            reader.request("/articles/live-story/")[0]
            for _ in range(20)
            for reader in readers
        ]
        assert burst == [404] * 40

        servers.manage(site_env, "shell", "-c", PUBLISH_NEXT_STORY)

        for reader in readers:
            status, page, _ = reader.request("/articles/next-story/")
            assert status == 200 and "The next story" in page
            status, page, _ = reader.request("/")
            assert "The next story" in page and "The live story" not in page


def test_every_worker_counts_towards_one_rate_limit(site_env):
    servers.manage(site_env, "shell", "-c", STORIES)
    env = site_env | {"COMMENT_RATE_LIMIT": "3/m", "COMMENT_MIN_SECONDS": "0"}
    with servers.server(env) as a, servers.server(env) as b:
        one, two = servers.Browser(a), servers.Browser(b)
        codes = []
        for n, browser in enumerate([one, two, one, two]):
            form = browser.comment_form("live-story", f"Point number {n}")
            codes.append(browser.request("/articles/live-story/comments/", form)[0])

    assert codes == [303, 303, 303, 429]
    count = servers.manage(
        site_env,
        "shell",
        "-c",
        "from comments.models import Comment; print(Comment.objects.count())",
    )
    assert count.splitlines()[-1] == "3"


def test_counts_and_locks_from_many_processes_at_once_add_up(tmp_path, static_root):
    """The default store's add and increment are atomic across processes."""
    env = sqlite_env(tmp_path, static_root)
    race = (
        "from django.core.cache import cache\n"
        "from blocks import ratelimit\n"
        "won = 0\n"
        "for n in range(100):\n"
        "    ratelimit.is_allowed('everyone', '100000/h')\n"
        "    won += cache.add(f'lock:{n}', 1, 600)\n"
        "print(won)\n"
    )
    processes = [
        subprocess.Popen(
            [servers.sys.executable, "manage.py", "shell", "-c", race],
            cwd=servers.ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [process.communicate(timeout=300)[0] for process in processes]
    assert [process.returncode for process in processes] == [0] * 4

    count = servers.manage(
        env,
        "shell",
        "-c",
        # The counters' store; both hours, in case the run crossed one.
        "import time; from django.core.cache import caches; "
        "c = caches['counters']; h = int(time.time() // 3600); "
        "print(sum(c.get(f'ratelimit:everyone:3600:{w}', 0) for w in (h - 1, h)))",
    )
    assert count.splitlines()[-1] == "400"  # no increment lost
    assert sum(int(out.splitlines()[-1]) for out in outputs) == 100  # each lock once


@needs_postgres_and_redis
@pytest.mark.skipif(
    not shutil.which("pg_ctlcluster") or os.geteuid() != 0,
    reason="restarts the local PostgreSQL: needs pg_ctlcluster as root",
)
def test_postgres_restart_mid_burst_loses_nothing(static_root):
    env = servers.production_env(
        postgres_url(),
        os.environ["CACHE_URL"],
        static_root,
        COMMENT_RATE_LIMIT="0",
        COMMENT_MIN_SECONDS="0",
    )
    if not any(static_root.iterdir()):
        servers.collectstatic(env)
    servers.manage(env, "shell", "-c", STORIES)
    results, lock = [], threading.Lock()
    busy = threading.Barrier(7)  # six clients and the restart
    restarted = threading.Event()
    after_restart = 5  # successes each client needs once the database is back

    with servers.server(env, workers=2) as base:

        def attempt(browser, n, count):
            if n % 2:
                return "read", browser.request("/articles/live-story/")[0], None
            form = browser.comment_form("live-story", "")
            body = f"Client {n} note {count}"
            status = browser.request(
                "/articles/live-story/comments/", form | {"body": body}
            )[0]
            return "comment", status, body

        def client(n):
            browser = servers.Browser(base)
            for count in range(3):
                results.append((False, *attempt(browser, n, count)))
            busy.wait(timeout=120)
            successes, count = 0, 3
            # Bounded by attempts, not by time: once restarted, each client
            # must get through again.
            while count < 400 and (not restarted.is_set() or successes < after_restart):
                try:
                    outcome = attempt(browser, n, count)
                except (IndexError, AssertionError):  # the page itself was a 503
                    outcome = ("read", 503, None)
                count += 1
                with lock:
                    results.append((restarted.is_set(), *outcome))
                if restarted.is_set() and outcome[1] in (200, 303):
                    successes += 1

        threads = [threading.Thread(target=client, args=(n,)) for n in range(6)]
        for thread in threads:
            thread.start()
        busy.wait(timeout=120)
        version = sorted(os.listdir("/etc/postgresql"))[0]
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
            check=True,
            timeout=60,
        )
        restarted.set()
        for thread in threads:
            thread.join(timeout=300)

    connection.close()  # the restart dropped this process's connection too
    assert all(status in (200, 303, 503) for _, _, status, _ in results), sorted(
        {(kind, status) for _, kind, status, _ in results}
    )
    assert all(status in (200, 303) for *_, status, _ in results[:18])
    recovered = [status for after, _, status, _ in results if after]
    assert recovered.count(200) + recovered.count(303) >= 6 * after_restart
    accepted = [
        body for _, kind, status, body in results if kind == "comment" and status == 303
    ]
    for body in accepted:
        assert Comment.objects.filter(body=body).count() == 1, body
    refused = [
        body for _, kind, status, body in results if kind == "comment" and status == 503
    ]
    assert Comment.objects.filter(body__in=refused).count() == 0


def test_sqlite_holds_eight_readers_and_commenters_at_once(tmp_path, static_root):
    env = sqlite_env(
        tmp_path,
        static_root,
        DEBUG="1",
        COMMENT_RATE_LIMIT="0",
        COMMENT_MIN_SECONDS="0",
    )
    servers.manage(env, "shell", "-c", STORIES)
    results, lock = [], threading.Lock()
    start = threading.Barrier(8)
    with servers.server(env, runserver=True) as base:

        def client(n):
            browser = servers.Browser(base)
            start.wait(timeout=120)
            for count in range(15):
                if n % 2:
                    outcome = ("read", browser.request("/articles/live-story/")[0])
                else:
                    # Each comment from a form the reader was just shown: a
                    # form's start token makes one comment.
                    form = browser.comment_form("live-story", "")
                    body = f"Client {n} comment {count}"
                    status = browser.request(
                        "/articles/live-story/comments/", form | {"body": body}
                    )[0]
                    outcome = ("comment", status, body)
                with lock:
                    results.append(outcome)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)

    assert len(results) == 8 * 15
    assert {outcome[:2] for outcome in results} == {("read", 200), ("comment", 303)}
    stored = servers.manage(
        env,
        "shell",
        "-c",
        "from django.db import connection; from comments.models import Comment; "
        "print(sorted(Comment.objects.values_list('body', flat=True))); "
        "print(connection.cursor().execute('PRAGMA journal_mode').fetchone()[0])",
    ).splitlines()
    posted = sorted(outcome[2] for outcome in results if outcome[0] == "comment")
    assert stored[-2] == repr(posted)  # every comment once, none lost
    assert stored[-1] == "wal"  # readers never wait for a writer
