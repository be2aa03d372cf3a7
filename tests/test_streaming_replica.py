"""The read replica for real: a hot standby streaming from a primary, both started here.

`make serve`'s gunicorn reads through `DATABASE_REPLICA_URLS` from a second
PostgreSQL cluster that replays the first one's log (tests/postgres_cluster.py).
With its replay paused the standby lags as far as we like: an editor's
withdrawal or a moderator's approval made meanwhile must still reach every
reader, and no page rendered from the old rows may be kept in the page cache.

This needs PostgreSQL's programs (initdb, pg_basebackup, pg_ctl) and runs in
the suite's PostgreSQL pass; without the programs it skips, except in CI
(SCALE_OUT_REQUIRED=1), where that is a failure.
"""

import os
from types import SimpleNamespace

import pytest
from django.conf import settings

from tests import postgres_cluster, servers

pytestmark = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="runs in the PostgreSQL pass (DATABASE_URL=postgres://…)",
)

DATABASE = "newsroom"
LAG_COMMENT = "Approved while the standby lags"
# Run in `manage.py shell` against the primary: the people and stories the
# tests below start from (each test has stories of its own).
SEED = f"""
from tests.factories import ArticleFactory, CommentFactory, UserFactory
UserFactory(username="editor", role="Editor")
UserFactory(username="moderator", role="Moderator")
for slug, headline in [
    ("standby-story", "As first written"),
    ("lag-story", "Soon to be withdrawn"),
    ("standby-down", "Served all the same"),
]:
    ArticleFactory(published=True, slug=slug, headline=headline)
talk = ArticleFactory(published=True, slug="lag-talk", headline="Talk of the town")
CommentFactory(article=talk, body="{LAG_COMMENT}")
"""
# Run on the primary with {slug} or {body} filled in.
WITHDRAW = """
from django.contrib.auth import get_user_model
from articles.models import Article
editor = get_user_model().objects.get(username="editor")
Article.objects.get(slug="{slug}").withdraw(by=editor, note="Legal advice.")
"""
APPROVE = """
from django.contrib.auth import get_user_model
from comments.models import Comment
moderator = get_user_model().objects.get(username="moderator")
Comment.objects.get(body="{body}").approve(by=moderator)
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory, collected_static):
    """A primary, its hot standby, and `make serve` reading from the standby."""
    bin_dir = postgres_cluster.binaries()
    if bin_dir is None:
        reason = "PostgreSQL's programs (initdb, pg_basebackup) are not installed"
        if os.environ.get(postgres_cluster.REQUIRED):
            pytest.fail(f"the streaming replica test is required here: {reason}")
        pytest.skip(reason)
    with postgres_cluster.primary_and_standby(bin_dir) as (primary, standby):
        primary.sql(f"CREATE DATABASE {DATABASE}")
        cache_url = os.environ.get("CACHE_URL", "")
        if not cache_url.startswith("redis"):
            cache_url = f"filecache://{tmp_path_factory.mktemp('replica-cache')}"
        env = servers.production_env(primary.url(DATABASE), cache_url, collected_static)
        servers.manage(env, "migrate", "--noinput", "-v0")
        servers.manage(env, "shell", "-c", SEED)
        env["DATABASE_REPLICA_URLS"] = standby.url(DATABASE)
        with servers.server(env) as base:
            yield SimpleNamespace(env=env, primary=primary, standby=standby, base=base)


def on_primary(site, script, **values):
    """Run `script` in `manage.py shell`: what an editor or a command does."""
    servers.manage(site.env, "shell", "-c", script.format(**values))


def caught_up(site):
    postgres_cluster.wait_until_replayed(site.primary, site.standby, DATABASE)


def on_standby(site, query, *params):
    return site.standby.sql(query, params, DATABASE)


def test_readers_read_from_the_standby(site):
    caught_up(site)
    reader = servers.Browser(site.base)
    assert reader.request("/")[0] == 200

    postgres_cluster.pause_replay(site.standby)
    try:
        # Behind the site's back (no signal, so no purge): only the primary
        # has the new headline.
        site.primary.sql(
            "UPDATE articles_article SET headline = 'Rewritten on the primary' "
            "WHERE slug = 'standby-story'",
            database=DATABASE,
        )
        status, page, headers = reader.request("/articles/standby-story/")
    finally:
        postgres_cluster.resume_replay(site.standby)

    assert status == 200 and headers["X-Page-Cache"] == "miss"
    assert "As first written" in page
    assert "Rewritten on the primary" not in page


def test_a_lagging_standby_never_puts_an_old_page_in_the_cache(site):
    body = LAG_COMMENT
    caught_up(site)
    reader = servers.Browser(site.base)
    for path in ("/", "/feed/", "/articles/lag-story/", "/articles/lag-talk/"):
        reader.request(path)
        status, page, headers = reader.request(path)
        assert status == 200 and headers["X-Page-Cache"] == "hit", path
    assert "Soon to be withdrawn" in reader.request("/")[1]

    postgres_cluster.pause_replay(site.standby)
    try:
        on_primary(site, WITHDRAW, slug="lag-story")
        on_primary(site, APPROVE, body=body)
        # The standby really is behind: it still has the old rows.
        assert on_standby(
            site, "SELECT status FROM articles_article WHERE slug = %s", "lag-story"
        ) == ("published",)
        assert on_standby(
            site, "SELECT status FROM comments_comment WHERE body = %s", body
        ) == ("pending",)

        outcomes = []
        for _ in range(2):  # rendered, then from the page cache
            for path in ("/", "/feed/"):
                status, page, headers = reader.request(path)
                assert status == 200 and "Soon to be withdrawn" not in page, path
                outcomes.append(headers["X-Page-Cache"])
            status, page, headers = reader.request("/articles/lag-talk/")
            assert status == 200 and body in page
            outcomes.append(headers["X-Page-Cache"])
            assert reader.request("/articles/lag-story/")[0] == 404
        assert outcomes == ["miss"] * 3 + ["hit"] * 3
    finally:
        postgres_cluster.resume_replay(site.standby)

    caught_up(site)
    assert on_standby(
        site, "SELECT status FROM articles_article WHERE slug = %s", "lag-story"
    ) == ("withdrawn",)
    status, page, _ = reader.request("/")
    assert status == 200 and "Soon to be withdrawn" not in page
    assert body in reader.request("/articles/lag-talk/")[1]
    assert reader.request("/articles/lag-story/")[0] == 404


def test_readers_are_served_from_the_primary_while_the_standby_is_down(site):
    caught_up(site)
    site.standby.stop()
    try:
        status, page, _ = servers.Browser(site.base).request("/articles/standby-down/")
    finally:
        site.standby.start()

    assert status == 200 and "Served all the same" in page
