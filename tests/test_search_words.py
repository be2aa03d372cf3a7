"""Search finds whole words (and their forms), marks them in the snippet,
and keeps its index current: on SQLite (FTS5) as on PostgreSQL."""

from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def search(q):
    return Client().get("/search/", {"q": q})


def test_a_word_is_not_found_inside_other_words():
    ArticleFactory(published=True, headline="Art fair opens on the quay")
    ArticleFactory(
        published=True,
        headline="Smart meters",
        body="<p>The article started a debate about partisan charts.</p>",
    )

    response = search("art")

    assertContains(response, "1 result for")
    assertContains(response, "Art fair opens on the quay")
    assertNotContains(response, "Smart meters")


def test_forms_of_a_word_are_found_and_marked():
    ArticleFactory(
        published=True,
        headline="Delta rebuilds",
        body="<p>Last year <b>floods</b> reached the old town twice.</p>",
    )

    response = search("flood")

    assertContains(response, "<mark>floods</mark>")
    assertNotContains(response, "<b>")


def test_every_word_is_needed_and_a_marked_word_leaves_stories_out():
    ArticleFactory(published=True, headline="Harbour strike ends")
    ArticleFactory(published=True, headline="Harbour walls rise")
    ArticleFactory(published=True, headline="Walls of the old city")

    both = search("harbour walls")
    without = search("harbour -strike")

    assertContains(both, "1 result for")
    assertContains(both, "Harbour walls rise")
    assertContains(without, "Harbour walls rise")
    assertNotContains(without, "Harbour strike ends")


def test_the_headline_counts_more_than_the_body():
    ArticleFactory(
        published=True,
        headline="Quarterly figures",
        body="<p>Shipping was steady; shipping was slow.</p>",
    )
    ArticleFactory(published=True, headline="Shipping rates fall", body="<p>No.</p>")

    html = search("shipping").content.decode()

    assert html.index("Shipping rates fall") < html.index("Quarterly figures")


def test_the_index_follows_edits_and_deletions():
    story = ArticleFactory(published=True, headline="Ferry timetable changes")

    story.headline = "Bus timetable changes"
    story.save()
    after_edit = (search("ferry"), search("bus"))
    story.delete()

    assertContains(after_edit[0], "0 results for")
    assertContains(after_edit[1], "1 result for")
    assertContains(search("timetable"), "0 results for")


def test_the_command_reindexes_what_bulk_updates_changed():
    ArticleFactory(published=True, headline="Lighthouse keepers return")
    Article.objects.update(headline="Lifeboat crews return", body="<p>Crews.</p>")
    stale = search("lifeboat")

    call_command("update_search_index", stdout=None)

    assertContains(stale, "0 results for")
    # Another query: the page cache still holds the first answer, as it should.
    assertContains(search("lifeboat crews"), "1 result for")


@pytest.mark.parametrize(
    "q",
    [
        "AND",
        "OR",
        "NOT harbour",
        "NEAR(harbour walls)",
        "body:harbour",
        "harb*",
        "^harbour",
        '"harbour walls"',
        "harbour + walls",
        "harbour's",
    ],
)
def test_search_syntax_in_a_query_is_read_as_words(q):
    ArticleFactory(published=True, headline="Harbour walls rise")

    response = search(q)

    assert response.status_code == HTTPStatus.OK
    assertContains(response, "result")
