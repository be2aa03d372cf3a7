"""Search has a cost bound: no scan-everything queries, few uncached searches."""

from http import HTTPStatus
from types import SimpleNamespace

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from articles import search
from blocks import ratelimit
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories():
    ArticleFactory(published=True, headline="Harbour strike ends")
    ArticleFactory(published=True, headline="Budget vote delayed")


@pytest.mark.parametrize("q", ["-x", "-harbour -budget", "  -strike  "])
def test_a_search_that_only_leaves_words_out_is_refused(client, stories, q):
    answer = client.get("/search/", {"q": q})

    assert answer.status_code == HTTPStatus.BAD_REQUEST
    assertContains(answer, search.NEEDS_A_WORD, status_code=400, html=False)
    assertNotContains(answer, "Harbour strike ends", status_code=400)


def test_a_word_with_an_exclusion_still_searches(client, stories):
    answer = client.get("/search/", {"q": "strike -budget"})

    assertContains(answer, "Harbour strike ends")
    assertNotContains(answer, "Budget vote delayed")


def test_an_overlong_query_is_refused_with_a_message(client, stories):
    answer = client.get("/search/", {"q": "strike " * 100})

    assert answer.status_code == HTTPStatus.BAD_REQUEST
    assertContains(answer, "at most 200 characters", status_code=400)


def test_uncached_searches_are_limited_per_address(client, settings, monkeypatch):
    settings.SEARCH_RATE_LIMIT = "3/m"
    settings.PAGE_CACHE_SECONDS = 0  # every search reaches the view
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1.8e9))

    answers = [client.get("/search/", {"q": f"word{n}"}).status_code for n in range(4)]
    elsewhere = client.get("/search/", {"q": "word"}, REMOTE_ADDR="198.51.100.9")
    browsing = client.get("/search/")

    assert answers == [HTTPStatus.OK] * 3 + [HTTPStatus.TOO_MANY_REQUESTS]
    assert elsewhere.status_code == HTTPStatus.OK
    assert browsing.status_code == HTTPStatus.OK  # an empty form costs nothing
