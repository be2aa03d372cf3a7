"""The page cache cannot be filled with junk, shared wrongly, or made to leak."""

from http import HTTPStatus

import pytest
from django.test import Client

from pagecache import middleware as page_cache
from tests.comment_helpers import csrf_token
from tests.factories import ArticleFactory, CommentFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_junk_query_strings_share_the_canonical_entry():
    ArticleFactory(published=True, headline="Harbour strike ends")
    canonical = Client().get("/")

    answers = [Client().get("/", {"junk": n, "utm_source": "x"}) for n in range(30)]

    assert canonical["X-Page-Cache"] == "miss"
    assert {a["X-Page-Cache"] for a in answers} == {"hit"}
    assert {a["ETag"] for a in answers} == {canonical["ETag"]}


def test_the_parameters_pages_read_still_make_their_own_pages():
    section = SectionFactory(name="World")
    for n in range(25):
        ArticleFactory(published=True, section=section, headline=f"Story {n}")

    first = Client().get(section.get_absolute_url())
    second = Client().get(section.get_absolute_url(), {"page": "2", "junk": "1"})
    again = Client().get(section.get_absolute_url(), {"junk": "2", "page": "2"})

    assert first["ETag"] != second["ETag"]
    assert (second["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")


def test_a_refused_page_number_is_answered_and_never_kept():
    section = SectionFactory(name="World")

    answer = Client().get(section.get_absolute_url(), {"page": "abc"})

    assert answer.status_code == HTTPStatus.NOT_FOUND
    assert "X-Page-Cache" not in answer


def test_pages_with_a_reader_token_are_private_and_lists_shareable():
    article = ArticleFactory(published=True)

    story = Client().get(article.get_absolute_url())
    hit = Client().get(article.get_absolute_url())
    listing = Client().get("/")

    for answer in (story, hit):
        assert answer["Cache-Control"].startswith("private,"), answer["Cache-Control"]
    assert listing["Cache-Control"].startswith("public,")


def test_the_token_placeholder_in_a_comment_is_never_filled_in():
    article = ArticleFactory(published=True)
    placeholder = page_cache.CSRF_PLACEHOLDER.decode()
    CommentFactory(article=article, approved=True, body=f"Look: {placeholder} !")

    Client().get(article.get_absolute_url())  # stored
    hit = Client().get(article.get_absolute_url())

    assert hit["X-Page-Cache"] == "hit"
    assert f"Look: {placeholder} !" in hit.content.decode()
    assert csrf_token(hit) != placeholder
