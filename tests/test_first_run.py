"""What a newcomer meets on `make run`: links to the port it serves on, a
readable development log and a demo that loads quietly, with sane dates."""

import io
import logging
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from tests.servers import ROOT, Browser, free_port

REQUEST_LINE = re.compile(r"^GET /search/ 200 \d+(\.\d+)?ms")


@pytest.mark.django_db
def test_the_request_log_line_says_method_path_status_and_time(client, caplog):
    with caplog.at_level(logging.INFO, logger="newsroom.request"):
        client.get("/search/")

    lines = [r.getMessage() for r in caplog.records if r.name == "newsroom.request"]
    assert len(lines) == 1
    assert REQUEST_LINE.match(lines[0]), lines[0]


@pytest.mark.django_db
def test_load_demo_says_what_it_did_in_one_line(caplog):
    out = io.StringIO()
    with caplog.at_level(logging.INFO):
        call_command("load_demo", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "Demo content ready: 16 new stories, 49 new comments, 5 correspondents."
    )
    assert lines[1].startswith("Demo logins at /admin/")
    assert len(lines) == 2
    assert not [r for r in caplog.records if r.getMessage() == "workflow transition"]
    # The workflow's own log lines are back once the demo is in.
    assert logging.getLogger("articles.models").isEnabledFor(logging.INFO)


@pytest.mark.django_db
def test_demo_comments_are_dated_after_their_story_and_before_now():
    call_command("load_demo", verbosity=0)
    comments = Comment.objects.select_related("article")

    assert comments.count() == 49
    assert not comments.filter(created_at__gt=timezone.now())
    assert not comments.filter(created_at__lt=F("article__publish_at"))
    assert not comments.filter(parent__created_at__gt=F("created_at"))


@pytest.fixture(scope="module")
def make_run(tmp_path_factory):
    """`make run` on a free port, on a database of its own; yields the port."""
    tmp_path = tmp_path_factory.mktemp("make-run")
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST", "DJANGO", "SITE_URL", "CACHE_URL"))
    }
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'run.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    log = (tmp_path / "make-run.log").open("w+")
    process = subprocess.Popen(
        ["make", "run", f"PORT={port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except (urllib.error.URLError, OSError):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"make run did not come up:\n{log.read()[-3000:]}")
                time.sleep(0.5)
        yield port, log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


def fetch(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
        return r.status, r.read().decode()


@pytest.mark.django_db
def test_make_run_on_another_port_links_to_that_port(make_run):
    port, log = make_run
    # The demo's newest story, as `make run` loaded it into its own database.
    status, home = fetch(port, "/")
    story = re.search(r'href="(/articles/[^"]+/)"', home).group(1)

    status, html = fetch(port, story)

    assert status == HTTPStatus.OK
    here = f"http://127.0.0.1:{port}"
    assert f'<link rel="canonical" href="{here}{story}">' in html
    assert f'<meta property="og:url" content="{here}{story}">' in html
    assert f'"mainEntityOfPage": "{here}{story}"' in html  # JSON-LD
    share = re.search(r'data-copy="([^"]+)"', html).group(1)
    assert share == f"{here}{story}"
    assert ":8000" not in html
    # One plain line per request in the development log.
    log.seek(0)
    output = log.read()
    assert f"GET {story} 200 " in output
    assert output.count(story) == 1  # one line for the request, no echo
    assert "workflow transition" not in output
    assert Article.objects.count() == 0  # the test database was left alone


@pytest.mark.django_db
def test_make_run_preview_links_point_to_its_port(make_run):
    port, _log = make_run
    editor = Browser(f"http://127.0.0.1:{port}")
    _, login, _ = editor.request("/admin/login/")
    editor.request(
        "/admin/login/",
        {
            "username": "editor",
            "password": "editor-demo",
            "csrfmiddlewaretoken": editor.csrf_token(login),
        },
    )
    _, queue, _ = editor.request("/admin/articles/article/?queue=review")
    change = re.search(r'href="(/admin/articles/article/\d+/change/)', queue).group(1)
    _, form, _ = editor.request(change)

    status, _, headers = editor.request(
        change.replace("change/", "preview-link/"),
        {"csrfmiddlewaretoken": editor.csrf_token(form)},
    )
    _, page, _ = editor.request(change)

    assert status == HTTPStatus.FOUND
    link = re.search(r'href="([^"]*/preview/[^"]+)"', page).group(1)
    assert link.startswith(f"http://127.0.0.1:{port}/preview/")
