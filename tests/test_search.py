from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def search(**params):
    return Client().get("/search/", params)


def test_finds_live_stories_only():
    ArticleFactory(published=True, headline="Monsoon floods the delta")
    ArticleFactory(headline="Monsoon draft not yet out")

    response = search(q="monsoon")

    assertContains(response, "Monsoon floods the delta")
    assertNotContains(response, "draft not yet out")
    assertContains(response, "1 result for")


def test_headline_match_ranks_above_body_match():
    ArticleFactory(
        published=True,
        headline="Quarterly outlook",
        body="<p>The turbine maker beat forecasts.</p>",
    )
    ArticleFactory(
        published=True,
        headline="Turbine orders surge",
        body="<p>Orders rose sharply.</p>",
        publish_at=timezone.now() - timezone.timedelta(days=5),
    )

    content = search(q="turbine").content.decode()

    assert content.index("Turbine orders surge") < content.index("Quarterly outlook")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search only"
)
def test_postgres_ranks_with_stemming_and_highlights():
    ArticleFactory(
        published=True,
        headline="Markets",
        body="<p>Investors were <b>rallying</b> behind the reforms.</p>",
    )

    response = search(q="rally")

    assertContains(response, "<mark>rallying</mark>")
    assertNotContains(response, "<b>")


def test_filters_by_section_and_date():
    world, business = SectionFactory(name="World"), SectionFactory(name="Business")
    ArticleFactory(published=True, headline="Port strike world", section=world)
    ArticleFactory(published=True, headline="Port strike business", section=business)
    old = ArticleFactory(published=True, headline="Port strike long ago", section=world)
    old.publish_at = timezone.now() - timezone.timedelta(days=400)
    old.save()

    by_section = search(q="port", section="business")
    by_date = search(
        q="port", since=(timezone.localdate() - timezone.timedelta(days=30)).isoformat()
    )

    assertContains(by_section, "Port strike business")
    assertNotContains(by_section, "Port strike world")
    assertNotContains(by_date, "long ago")
    assertContains(by_date, "Port strike world")


PROMPT = "Type a word or two to search every published story."


@pytest.mark.parametrize(
    ("q", "answer"),
    [
        ("", PROMPT),
        ("   ", PROMPT),
        ("x" * 5000, "Ensure this value has at most 200 characters (it has 5000)."),
        ("\x00\x00", "Null characters are not allowed."),
        ("'; DROP TABLE articles_article; --", "0 results for “DROP TABLE"),
        ("%%%", PROMPT),
        ("<script>alert(1)</script>", "0 results for “scriptalert1script”"),
        ("a & b | c ! (d", "0 results for “a b c d”"),
        ("😀🔥", PROMPT),
        ("\\", PROMPT),
        ("*:*", PROMPT),
    ],
)
def test_empty_huge_and_junk_queries_are_answered_cleanly(q, answer):
    ArticleFactory(published=True, headline="Something")

    response = search(q=q)

    # A query too long to be one, or with NUL bytes, is refused (and so never
    # cached); the rest search for what they can.
    refused = len(q) > 200 or "\x00" in q
    status = HTTPStatus.BAD_REQUEST if refused else HTTPStatus.OK
    assertContains(response, answer, status_code=status)
    assertNotContains(response, "Something", status_code=status)
    assert b"<script>alert(1)</script>" not in response.content


def test_bad_filter_values_show_a_message_not_an_error():
    response = search(q="port", section="no-such-section", since="not-a-date")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assertContains(response, "Select a valid choice.", status_code=400)
    assertContains(response, "Enter a valid date.", status_code=400)
