"""A page-cache hit does the least it can: no query, no token thrown away, no log line when told so."""

import logging
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client, RequestFactory

from comments import forms
from comments.forms import issue_start, read_start
from newsroom import logs
from tests.comment_helpers import comment_data, comments_url, csrf_token
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

STARTED = re.compile(r'name="started" value="([^"]+)"')


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.COMMENT_MIN_SECONDS = 0


def test_a_hit_with_a_comment_form_makes_no_query_and_a_working_form(
    cached, django_assert_num_queries
):
    story = ArticleFactory(published=True)
    Client().get(story.get_absolute_url())  # stored
    reader = Client(enforce_csrf_checks=True)

    with django_assert_num_queries(0):
        page = reader.get(story.get_absolute_url())

    assert page["X-Page-Cache"] == "hit"
    html = page.content.decode()
    data = comment_data(
        body="Posted from a cached page.",
        csrfmiddlewaretoken=csrf_token(html),
        started=STARTED.search(html)[1],
    )
    answer = reader.post(comments_url(story), data)
    assert answer.status_code == 303


def test_a_hit_masks_one_token_only(cached, monkeypatch):
    story = ArticleFactory(published=True)
    Client().get(story.get_absolute_url())
    masked = []
    real = forms.get_token
    monkeypatch.setattr(forms, "get_token", lambda r: masked.append(r) or real(r))

    page = Client().get(story.get_absolute_url())

    assert page["X-Page-Cache"] == "hit"
    assert masked == []  # the page's own token comes from pagecache/csrf.py
    assert csrf_token(page)


def test_issue_start_binds_to_the_readers_secret_as_before():
    request = RequestFactory().get("/")
    token = issue_start(request)  # no secret yet: one is made, as get_token() did
    secret = request.META["CSRF_COOKIE"]
    assert len(secret) == 32 and read_start(token, request) is not None

    again = RequestFactory().get("/")
    again.META["CSRF_COOKIE"] = secret
    assert read_start(token, again) is not None
    issue_start(again)
    assert again.META["CSRF_COOKIE"] == secret  # kept, and sent again
    assert again.META["CSRF_COOKIE_NEEDS_UPDATE"] is True  # its expiry renewed


@pytest.mark.parametrize(
    ("environment", "logged"),
    [
        ({}, "INFO"),
        ({"LOG_LEVEL": "WARNING"}, "WARNING"),
        ({"LOG_LEVEL": "WARNING", "REQUEST_LOG_LEVEL": "INFO"}, "INFO"),
    ],
)
def test_log_level_warning_silences_the_request_lines(environment, logged):
    code = (
        "import django, logging; django.setup(); "
        "print(logging.getLevelName("
        "logging.getLogger('newsroom.request').getEffectiveLevel()))"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "1",
        "PATH": "/usr/bin:/bin",
        **environment,
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    assert result.stdout.strip() == logged


def test_a_silenced_request_log_does_no_work_for_the_line(monkeypatch, client):
    monkeypatch.setattr(logs, "redact", lambda text: pytest.fail("line was made"))
    logger = logging.getLogger("newsroom.request")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        assert client.get("/healthz").status_code == 200
    finally:
        logger.setLevel(level)
