"""Comment rate limits: per address whatever e-mail it gives, per e-mail
whatever address it comes from, in windows that pass with the (stopped) clock."""

from http import HTTPStatus

import pytest
from django.test import Client
from pytest_django.asserts import assertContains

from blocks import ratelimit
from comments.models import Comment
from comments.spam import RATE_LIMITED
from tests.comment_helpers import post_comment
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ACCEPTED, LIMITED = HTTPStatus.SEE_OTHER, HTTPStatus.TOO_MANY_REQUESTS


@pytest.fixture(autouse=True)
def three_a_minute(settings, clock):
    settings.COMMENT_MIN_SECONDS = 0
    settings.COMMENT_RATE_LIMIT = "3/m"


def reader_at(address):
    return Client(REMOTE_ADDR=address)


@pytest.fixture(params=["one story", "five stories"])
def stories(request, article):
    """Where five comments go: the limits count across stories too."""
    if request.param == "one story":
        return [article] * 5
    return [article, *ArticleFactory.create_batch(4, published=True)]


def test_one_address_is_limited_whatever_e_mail_it_gives(article, stories):
    reader = reader_at("203.0.113.7")

    responses = [
        post_comment(reader, story, email=f"name{n}@mail.example", body=f"Point {n}")
        for n, story in enumerate(stories)
    ]

    assert [r.status_code for r in responses] == [ACCEPTED] * 3 + [LIMITED] * 2
    assertContains(responses[3], RATE_LIMITED, status_code=LIMITED)
    assert Comment.objects.count() == 3
    other = post_comment(
        reader_at("198.51.100.8"), article, email="other@mail.example", body="Mine"
    )
    assert other.status_code == ACCEPTED  # the limit is that address's alone


def test_one_e_mail_is_limited_whatever_address_it_comes_from(article, stories):
    spellings = [
        "ada@reader.example",
        "Ada@Reader.example",
        "ADA@READER.EXAMPLE",
        "ada@READER.example",
        "aDa@reader.example",
    ]

    responses = [
        post_comment(
            reader_at(f"198.51.100.{n + 1}"), story, email=email, body=f"Point {n}"
        )
        for n, (email, story) in enumerate(zip(spellings, stories, strict=True))
    ]

    assert [r.status_code for r in responses] == [ACCEPTED] * 3 + [LIMITED] * 2
    assertContains(responses[4], RATE_LIMITED, status_code=LIMITED)
    assert Comment.objects.count() == 3
    other = post_comment(
        reader_at("198.51.100.99"), article, email="grace@reader.example", body="Mine"
    )
    assert other.status_code == ACCEPTED  # the limit is that e-mail's alone


def test_the_limit_lifts_when_the_window_has_passed(article, clock):
    reader = reader_at("203.0.113.7")
    for n in range(3):
        assert post_comment(reader, article, body=f"Point {n}").status_code == ACCEPTED
    assert post_comment(reader, article, body="Too soon").status_code == LIMITED

    clock.advance(minutes=1)

    assert post_comment(reader, article, body="Later").status_code == ACCEPTED
    assert sorted(Comment.objects.values_list("body", flat=True)) == [
        "Later",
        "Point 0",
        "Point 1",
        "Point 2",
    ]


def test_no_limit_when_the_setting_is_zero(article, settings):
    settings.COMMENT_RATE_LIMIT = "0"
    reader = reader_at("203.0.113.7")

    codes = {
        post_comment(reader, article, body=f"Point {n}").status_code for n in range(6)
    }

    assert codes == {ACCEPTED}


@pytest.mark.parametrize(
    ("rate", "parsed"),
    [("5/m", (5, 60)), ("10/2h", (10, 7200)), ("1/s", (1, 1)), ("0", None), ("", None)],
)
def test_a_rate_reads_as_a_count_per_period(rate, parsed):
    assert ratelimit.parse(rate) == parsed


def test_each_key_has_its_own_allowance_for_the_window(clock):
    first = [ratelimit.is_allowed("reader-a", "2/m") for _ in range(3)]
    other = ratelimit.is_allowed("reader-b", "2/m")
    clock.advance(seconds=59)
    still = ratelimit.is_allowed("reader-a", "2/m")
    clock.advance(seconds=1)
    next_window = ratelimit.is_allowed("reader-a", "2/m")

    assert (first, other, still, next_window) == (
        [True, True, False],
        True,
        False,
        True,
    )
