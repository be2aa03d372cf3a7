"""A refused comment comes back at the form: a summary that takes focus and
links to each field, with what the reader typed still there."""

from http import HTTPStatus

import pytest
from pytest_django.asserts import assertContains, assertRedirects

from comments import spam
from tests.comment_helpers import comment_data, post_comment, started
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticleFactory(published=True)


def summary(response):
    html = response.content.decode()
    start = html.index('<div class="error-summary"')
    return html[start : html.index("</ul>", start)]


def test_the_form_posts_to_an_address_without_a_fragment(client, article):
    page = client.get(article.get_absolute_url())

    # A #fragment would cancel the summary's autofocus (see comment_form.html).
    assertContains(page, f'action="/articles/{article.slug}/comments/"', count=1)


def test_a_refused_comment_gets_a_summary_linking_each_field(
    client, article, no_comment_delays
):
    response = post_comment(
        client, article, name="", email="not-an-address", body="My careful point."
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    box = summary(response)
    assert 'tabindex="-1" autofocus' in box
    assert '<a href="#id_name">Name: This field is required.</a>' in box
    assert '<a href="#id_email">E-mail: Enter a valid email address.</a>' in box
    assert "#id_body" not in box
    # What the reader typed is still there.
    assertContains(response, "My careful point.</textarea>", status_code=400)
    assertContains(response, 'value="not-an-address"', status_code=400)


def test_a_refusal_not_tied_to_a_field_is_in_the_summary_too(client, article, settings):
    settings.COMMENT_MIN_SECONDS = 60

    response = post_comment(client, article, body="Typed in a hurry.")

    box = summary(response)
    assert spam.TOO_FAST in box
    assertContains(response, "Typed in a hurry.</textarea>", status_code=400)


def test_an_expired_form_comes_back_ready_to_send(client, article, no_comment_delays):
    expired = started()[:-4] + "AAAA"  # a signature that does not match

    refused = post_comment(client, article, started=expired, body="Kept for later.")
    token = refused.content.decode().split('name="started" value="')[1].split('"')[0]
    again = post_comment(client, article, started=token, body="Kept for later.")

    assert spam.EXPIRED in summary(refused)
    assert token != expired
    assert again.status_code == HTTPStatus.SEE_OTHER


def test_the_posting_address_leads_a_browser_back_to_the_form(client, article):
    response = client.get(f"/articles/{article.slug}/comments/")

    assertRedirects(
        response,
        f"{article.get_absolute_url()}#comment-form",
        status_code=HTTPStatus.SEE_OTHER,
        fetch_redirect_response=False,
    )


def test_the_posting_address_of_an_unknown_story_is_not_found(client):
    response = client.get("/articles/no-such-story/comments/")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_valid_comment_has_no_summary(client, article, no_comment_delays):
    response = client.post(
        f"/articles/{article.slug}/comments/", comment_data(), follow=True
    )

    assert b"error-summary" not in response.content
