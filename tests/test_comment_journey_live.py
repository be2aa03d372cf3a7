"""The comment journey against real servers: the reader and the moderator
on two gunicorn processes, the erasure run as a separate `manage.py`
command, so every step has to reach the others through the shared
database and cache.

Needs committed data in a database other processes can reach, and a cache
they share: PostgreSQL + Redis.
"""

import os
import subprocess

import pytest
from django.conf import settings
from django.utils.html import escape

from comments import privacy
from comments.views import AWAITING_MODERATION
from tests import servers
from tests.admin_forms import form_data
from tests.factories import ArticleFactory, UserFactory

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
ON_REDIS = "redis" in settings.CACHES["default"]["BACKEND"].lower()

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (ON_POSTGRES and ON_REDIS),
        reason="processes share state: needs DATABASE_URL=postgres… and "
        "CACHE_URL=redis…",
    ),
]

EMAIL = "lee.reader@mail.example"
WORDS = "The night bus timetable in this story is out of date."
PASSWORD = "pass-word-123"  # UserFactory's


@pytest.fixture
def live_env(tmp_path):
    db = settings.DATABASES["default"]
    database_url = (
        f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )
    env = servers.production_env(
        database_url,
        os.environ["CACHE_URL"],
        tmp_path / "static",
        COMMENT_RATE_LIMIT="0",
        PAGE_CACHE_SECONDS="3600",
    )
    servers.collectstatic(env)
    return env


def pairs(data: dict) -> list[tuple[str, str]]:
    return [(name, value) for name, values in data.items() for value in values]


def read(browser, url):
    status, page, headers = browser.request(url)
    assert status == 200, page[:300]
    return page, headers.get("X-Page-Cache")


def sign_in(browser, username):
    status, page, _ = browser.request("/admin/login/")
    assert status == 200
    form = form_data(page, "login-form")
    form.update(username=[username], password=[PASSWORD])
    status, page, headers = browser.request("/admin/login/", pairs(form))
    assert status == 302, page[:500]


def test_comment_journey_across_processes(live_env, settings):
    # The servers check passwords with the real hasher, not the tests' fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    story = ArticleFactory(published=True, headline="Night buses cut")
    UserFactory(username="desk", role="Moderator")
    url = story.get_absolute_url()

    with servers.server(live_env) as one, servers.server(live_env) as two:
        # A reader posts through the form that server one serves.
        reader = servers.Browser(one)
        page, _ = read(reader, url)
        form = form_data(page, "comment-form")
        form.update(name=["Lee Reader"], email=[EMAIL], body=[WORDS])
        status, _, headers = reader.request(
            f"/articles/{story.slug}/comments/", pairs(form)
        )
        assert status == 303
        page, _ = read(reader, headers["Location"])
        assert AWAITING_MODERATION in page

        # Readers of server one see the page, from the cache, without it.
        read(servers.Browser(one), url)
        page, cache = read(servers.Browser(one), url)
        assert cache == "hit" and escape(WORDS) not in page

        # The moderator approves it from the queue on server two.
        desk = servers.Browser(two)
        sign_in(desk, "desk")
        queue, _ = read(desk, "/admin/comments/comment/")
        assert "Lee Reader" in queue
        action = form_data(queue, "changelist-form")
        selected = queue.split('name="_selected_action" value="')[1].split('"')[0]
        action.update(action=["approve_selected"], _selected_action=[selected])
        status, _, _ = desk.request("/admin/comments/comment/", pairs(action))
        assert status == 302

        # Both servers show it at once, and keep it in the cache.
        for base in (one, two):
            read(servers.Browser(base), url)
            page, cache = read(servers.Browser(base), url)
            assert cache == "hit" and escape(WORDS) in page and "Lee Reader" in page

        # An operator erases the reader's data from a shell.
        erased = subprocess.run(
            [servers.sys.executable, "manage.py", "commenter_data", "erase", EMAIL],
            cwd=servers.ROOT,
            env=live_env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        assert erased.stdout.strip() == f"Erased {EMAIL} from 1 comment(s)."

        # Neither server shows the words on the next request.
        for base in (one, two):
            page, _ = read(servers.Browser(base), url)
            assert escape(WORDS) not in page and "Lee Reader" not in page
            assert escape(privacy.ERASED_BODY) in page
