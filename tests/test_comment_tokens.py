"""The comment form's start token: per reader, timed from when they saw the
form, good for one comment; and a comment is answered as saved exactly when
it is stored."""

from contextlib import contextmanager
from http import HTTPStatus

import pytest
from django.db import OperationalError, transaction
from django.test import Client

import comments.models
from comments import spam
from comments.models import Comment
from tests.comment_helpers import comment_data, comments_url, csrf_token
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def started_token(page) -> str:
    return page.content.decode().split('name="started" value="')[1].split('"')[0]


def read_as_reader(article):
    reader = Client()
    page = reader.get(article.get_absolute_url())
    return reader, page


def send(reader, article, page, **fields):
    return reader.post(
        comments_url(article),
        comment_data(
            csrfmiddlewaretoken=csrf_token(page), started=started_token(page), **fields
        ),
    )


@pytest.fixture
def live_story():
    article = ArticleFactory(published=True)
    Client().get(article.get_absolute_url())  # now in the page cache
    return article


def test_two_readers_of_a_cached_page_get_tokens_of_their_own(live_story):
    _, first = read_as_reader(live_story)
    _, second = read_as_reader(live_story)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("hit", "hit")
    assert started_token(first) != started_token(second)


def test_the_minimum_time_counts_from_when_this_reader_saw_the_form(clock, settings):
    settings.COMMENT_MIN_SECONDS = 3
    live_story = ArticleFactory(published=True)
    Client().get(live_story.get_absolute_url())
    reader, page = read_as_reader(live_story)
    assert page["X-Page-Cache"] == "hit"

    too_fast = send(reader, live_story, page, body="Instant reply.")
    clock.advance(seconds=5)
    in_time = send(reader, live_story, page, body="Considered reply.")

    assert too_fast.status_code == HTTPStatus.BAD_REQUEST
    assert spam.TOO_FAST in too_fast.content.decode()
    assert in_time.status_code == HTTPStatus.SEE_OTHER
    assert list(Comment.objects.values_list("body", flat=True)) == ["Considered reply."]


def test_a_token_works_only_in_the_browser_it_was_given_to(live_story, settings):
    settings.COMMENT_MIN_SECONDS = 0
    _, page = read_as_reader(live_story)
    thief, own_page = read_as_reader(live_story)

    stolen = thief.post(
        comments_url(live_story),
        comment_data(
            csrfmiddlewaretoken=csrf_token(own_page), started=started_token(page)
        ),
    )

    assert stolen.status_code == HTTPStatus.BAD_REQUEST
    assert spam.EXPIRED in stolen.content.decode()
    assert Comment.objects.count() == 0


def test_a_token_makes_one_comment_however_often_it_is_sent(live_story, settings):
    settings.COMMENT_MIN_SECONDS = 0
    reader, page = read_as_reader(live_story)

    answers = [send(reader, live_story, page, body=f"Take {n}") for n in range(3)]

    assert [a.status_code for a in answers] == [HTTPStatus.SEE_OTHER] * 3
    assert list(Comment.objects.values_list("body", flat=True)) == ["Take 0"]


@pytest.mark.django_db(transaction=True)
def test_a_comment_whose_commit_answer_is_lost_is_answered_as_saved(
    settings, monkeypatch
):
    settings.COMMENT_MIN_SECONDS = 0
    article = ArticleFactory(published=True)
    reader, page = read_as_reader(article)
    real_atomic = transaction.atomic

    @contextmanager
    def commits_then_loses_the_answer(*args, **kwargs):
        with real_atomic(*args, **kwargs):
            yield
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(
        comments.models.transaction, "atomic", commits_then_loses_the_answer
    )
    answer = send(reader, article, page, body="Made it after all.")

    assert answer.status_code == HTTPStatus.SEE_OTHER
    assert list(Comment.objects.values_list("body", flat=True)) == [
        "Made it after all."
    ]


def test_a_failure_before_the_commit_stores_nothing_and_says_so(
    live_story, settings, monkeypatch
):
    settings.COMMENT_MIN_SECONDS = 0
    reader, page = read_as_reader(live_story)

    def database_gone(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(Comment, "save", database_gone)
    reader.raise_request_exception = False
    answer = send(reader, live_story, page, body="Lost.")

    assert answer.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert "Your comment was not saved" in answer.content.decode()
    assert Comment.objects.count() == 0


def test_work_after_the_commit_cannot_turn_the_answer_into_an_error(
    live_story, settings, monkeypatch
):
    settings.COMMENT_MIN_SECONDS = 0
    reader, page = read_as_reader(live_story)

    def mail_server_down():
        raise RuntimeError("smtp exploded")

    monkeypatch.setattr("comments.notify.maybe_notify", mail_server_down)
    answer = send(reader, live_story, page, body="Stored regardless.")

    assert answer.status_code == HTTPStatus.SEE_OTHER
    assert Comment.objects.filter(body="Stored regardless.").exists()
