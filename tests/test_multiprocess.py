"""Several real processes at once: shared cache, shared limits, faults.

These start gunicorn or runserver in subprocesses against the test database,
so they need committed data (transactional tests) and a database other
processes can reach: PostgreSQL + Redis for the shared-state tests, a SQLite
file for the concurrency test.
"""

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from comments.models import Comment
from tests import servers
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
ON_REDIS = "redis" in settings.CACHES["default"]["BACKEND"].lower()
needs_postgres_and_redis = pytest.mark.skipif(
    not (ON_POSTGRES and ON_REDIS),
    reason="shares state between processes: needs DATABASE_URL=postgres… and CACHE_URL=redis…",
)


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    return tmp_path_factory.mktemp("static")


def postgres_url():
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def pg_env(static_root):
    env = servers.production_env(postgres_url(), os.environ["CACHE_URL"], static_root)
    if not any(static_root.iterdir()):
        servers.collectstatic(env)
    return env


def comment_form(browser, slug, body):
    status, page, _ = browser.request(f"/articles/{slug}/")
    assert status == 200, page[:300]
    started = page.split('name="started" value="')[1].split('"')[0]
    return {
        "csrfmiddlewaretoken": browser.csrf_token(page),
        "started": started,
        "name": "Load Reader",
        "email": "load@reader.example",
        "body": body,
        "website": "",
    }


@needs_postgres_and_redis
def test_two_processes_see_one_cache_and_one_rate_limit(pg_env):
    article = ArticleFactory(published=True, headline="First version")
    env = pg_env | {"COMMENT_RATE_LIMIT": "3/m"}
    with servers.server(env) as a, servers.server(env) as b:
        one, two = servers.Browser(a), servers.Browser(b)

        assert one.request(f"/articles/{article.slug}/")[2]["X-Page-Cache"] == "miss"
        assert two.request(f"/articles/{article.slug}/")[2]["X-Page-Cache"] == "hit"

        article.headline = "Second version"
        article.save()  # purges for every process through Redis
        status, page, headers = two.request(f"/articles/{article.slug}/")
        assert headers["X-Page-Cache"] == "miss" and "Second version" in page
        status, page, headers = one.request(f"/articles/{article.slug}/")
        assert headers["X-Page-Cache"] == "hit" and "Second version" in page

        codes = []
        for n, browser in enumerate([one, two, one, two]):
            form = comment_form(browser, article.slug, f"Point number {n}")
            codes.append(
                browser.request(f"/articles/{article.slug}/comments/", form)[0]
            )
    assert codes == [303, 303, 303, 429]
    assert Comment.objects.count() == 3


@needs_postgres_and_redis
@pytest.mark.skipif(
    not shutil.which("pg_ctlcluster") or os.geteuid() != 0,
    reason="restarts the local PostgreSQL: needs pg_ctlcluster as root",
)
def test_postgres_restart_mid_burst_loses_nothing(pg_env):
    article = ArticleFactory(published=True, headline="Steady story")
    results, lock = [], threading.Lock()
    window = {}
    stop = time.monotonic() + 14

    with servers.server(pg_env | {"COMMENT_RATE_LIMIT": "0"}, workers=2) as base:

        def reader():
            browser = servers.Browser(base)
            while time.monotonic() < stop:
                status = browser.request(f"/articles/{article.slug}/")[0]
                with lock:
                    results.append((time.monotonic(), "read", status, None))

        def commenter(n):
            browser = servers.Browser(base)
            form = None
            count = 0
            while time.monotonic() < stop:
                try:
                    form = form or comment_form(browser, article.slug, "")
                except (AssertionError, IndexError):
                    form = None
                    time.sleep(0.2)
                    continue
                body = f"Commenter {n} note {count}"
                count += 1
                status = browser.request(
                    f"/articles/{article.slug}/comments/", form | {"body": body}
                )[0]
                with lock:
                    results.append((time.monotonic(), "comment", status, body))

        threads = [threading.Thread(target=reader) for _ in range(3)]
        threads += [threading.Thread(target=commenter, args=(n,)) for n in range(3)]
        for thread in threads:
            thread.start()
        time.sleep(4)
        window["start"] = time.monotonic()
        version = sorted(os.listdir("/etc/postgresql"))[0]
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
            check=True,
            timeout=60,
        )
        window["end"] = time.monotonic() + 3  # connections re-established
        for thread in threads:
            thread.join(timeout=60)

    connection.close()  # the restart dropped this process's connection too
    outside = [r for r in results if not window["start"] <= r[0] <= window["end"]]
    assert outside and all(status < 500 for _, _, status, _ in outside), [
        r for r in outside if r[2] >= 500
    ][:5]
    assert all(status in (200, 303, 503) for _, _, status, _ in results), sorted(
        {(k, s) for _, k, s, _ in results}
    )
    accepted = [
        body for _, kind, status, body in results if kind == "comment" and status == 303
    ]
    assert len(accepted) > 10
    for body in accepted:
        assert Comment.objects.filter(body=body).count() == 1, body
    refused = [
        body for _, kind, status, body in results if kind == "comment" and status == 503
    ]
    assert Comment.objects.filter(body__in=refused).count() == 0


@pytest.mark.skipif(ON_POSTGRES, reason="the SQLite default under concurrency")
def test_sqlite_holds_eight_readers_and_commenters_at_once(tmp_path, static_root):
    database = tmp_path / "newsroom.sqlite3"
    env = servers.production_env(
        f"sqlite:///{database}",
        "locmemcache://",
        static_root,
        DEBUG="1",
        COMMENT_RATE_LIMIT="0",
    )
    subprocess.run(
        [servers.sys.executable, "manage.py", "migrate", "-v0"],
        cwd=servers.ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    subprocess.run(
        [
            servers.sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from tests.factories import ArticleFactory; ArticleFactory(published=True, slug='busy')",
        ],
        cwd=servers.ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    results, lock = [], threading.Lock()
    stop = time.monotonic() + 10
    with servers.server(env, runserver=True) as base:

        def worker(n):
            browser = servers.Browser(base)
            count = 0
            form = comment_form(browser, "busy", "")
            while time.monotonic() < stop:
                if n % 2:
                    status = browser.request("/articles/busy/")[0]
                    results_append(("read", status, None))
                else:
                    body = f"Worker {n} comment {count}"
                    count += 1
                    status = browser.request(
                        "/articles/busy/comments/", form | {"body": body}
                    )[0]
                    results_append(("comment", status, body))

        def results_append(item):
            with lock:
                results.append(item)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert results and all(status < 500 for _, status, _ in results), [
        r for r in results if r[1] >= 500
    ][:5]
    accepted = [
        body for kind, status, body in results if kind == "comment" and status == 303
    ]
    assert len(accepted) > 20
    check = subprocess.run(
        [
            servers.sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from comments.models import Comment; print(Comment.objects.count(), Comment.objects.values('body').distinct().count())",
        ],
        cwd=servers.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert check.stdout.split()[-2:] == [str(len(accepted))] * 2
    assert Path(str(database) + "-wal").exists() or Path(database).exists()
