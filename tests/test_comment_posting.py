from http import HTTPStatus

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from comments.models import Comment
from comments.spam import HONEYPOT
from comments.views import AWAITING_MODERATION, CLOSED
from tests.comment_helpers import comment_data, post_comment, started
from tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def test_form_shows_required_fields_and_the_privacy_note(client, article):
    response = client.get(article.get_absolute_url())

    assertContains(
        response, "Your email address will not be published. Required fields are marked"
    )
    for name in ["name", "email", "body"]:
        assertContains(response, f'name="{name}"')
    assertContains(response, 'aria-required="true"', count=3)
    assertContains(response, 'name="website"')  # the honeypot


def test_a_comment_is_stored_pending_and_the_reader_is_told(client, article):
    response = post_comment(client, article)

    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == article.get_absolute_url() + "#comments"
    comment = Comment.objects.get()
    assert (comment.status, comment.name, comment.article) == (
        "pending",
        "Ada Reader",
        article,
    )
    page = client.get(response["Location"])
    assertContains(page, AWAITING_MODERATION)


def test_own_pending_comment_is_visible_only_in_the_same_browser(
    client, article, django_user_model
):
    from django.test import Client

    post_comment(client, article, body="Visible only to me for now.")

    mine = client.get(article.get_absolute_url())
    assertContains(mine, "Visible only to me for now.")
    assertContains(mine, "Awaiting moderation")
    stranger = Client().get(article.get_absolute_url())
    assertNotContains(stranger, "Visible only to me for now.")


def test_invalid_input_re_renders_with_errors_and_stores_nothing(client, article):
    response = post_comment(client, article, name="", email="not-an-email", body="")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assertContains(response, "This field is required.", status_code=400)
    assertContains(response, "Enter a valid email address.", status_code=400)
    assertContains(response, 'aria-invalid="true"', status_code=400)
    assertContains(response, 'role="alert"', status_code=400)
    assert Comment.objects.count() == 0


def test_field_length_limits_have_a_message_per_field(client, article):
    response = post_comment(
        client,
        article,
        name="n" * 81,
        body="b" * 5001,
        email=("e" * 250) + "@x.example",
    )

    content = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Ensure this value has at most 80 characters (it has 81)." in content
    assert "Ensure this value has at most 5000 characters (it has 5001)." in content
    assert Comment.objects.count() == 0


def test_closed_article_refuses_comments_with_a_message(client):
    article = ArticleFactory(published=True, comments_open=False)

    response = post_comment(client, article)

    assert response.status_code == HTTPStatus.SEE_OTHER
    assertContains(client.get(response["Location"]), CLOSED)
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("state", [{}, {"scheduled": True}, {"status": "in_review"}])
def test_unpublished_and_scheduled_articles_refuse_comments(client, state):
    article = ArticleFactory(**state)

    response = post_comment(client, article)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert Comment.objects.count() == 0


def test_missing_article_is_a_404(client):
    response = client.post("/articles/no-such-story/comments/", comment_data())

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_comments_close_by_themselves_after_the_window(client, settings, article):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 7
    article.first_published_at = timezone.now() - timezone.timedelta(days=8)
    article.save()
    CommentFactory(article=article, approved=True, body="Still shown after closing.")

    page = client.get(article.get_absolute_url())
    post_comment(client, article)

    assertContains(page, "Comments are closed on this story.")
    assertContains(page, "Still shown after closing.")
    assertNotContains(page, 'id="comment-form"')
    assert Comment.objects.count() == 1


def test_reply_threads_under_an_approved_comment(client, article):
    parent = CommentFactory(article=article, approved=True)

    post_comment(client, article, parent=str(parent.pk))

    assert Comment.objects.get(parent=parent).article == article


@pytest.mark.parametrize("kind", ["pending", "other_article", "missing"])
def test_replies_to_hidden_foreign_or_missing_comments_are_refused(
    client, article, kind
):
    target = {
        "pending": lambda: CommentFactory(article=article).pk,
        "other_article": lambda: CommentFactory(approved=True).pk,
        "missing": lambda: 999999,
    }[kind]()
    before = Comment.objects.count()

    response = post_comment(client, article, parent=str(target))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assertContains(
        response,
        "The comment you are replying to is not open for replies.",
        status_code=400,
    )
    assert Comment.objects.count() == before


def test_thread_depth_is_limited(client, settings, article):
    settings.COMMENT_MAX_DEPTH = 2
    top = CommentFactory(article=article, approved=True)
    second = CommentFactory(article=article, parent=top, approved=True)

    page = client.get(article.get_absolute_url())

    assertContains(page, f'href="?reply_to={top.pk}#comment-form"')
    assertNotContains(page, f'href="?reply_to={second.pk}#comment-form"')


def test_reply_link_prefills_the_form_without_javascript(client, article):
    parent = CommentFactory(article=article, approved=True, name="Grace")

    page = client.get(article.get_absolute_url(), {"reply_to": parent.pk})

    assertContains(page, "Reply to Grace")
    assertContains(page, f'name="parent" value="{parent.pk}"')


def test_remember_me_sets_cookies_and_prefills_next_time(client, article):
    response = post_comment(client, article, remember="on")

    assert response.cookies["comment_email"].value == "ada@reader.example"
    assert response.cookies["comment_email"]["httponly"]
    page = client.get(article.get_absolute_url())
    assertContains(page, 'value="ada@reader.example"')


def test_without_consent_nothing_is_remembered(client, article):
    response = post_comment(client, article)

    assert response.cookies["comment_email"].value == ""  # deleted


def test_too_fast_and_forged_timestamps_are_refused(client, article, settings):
    settings.COMMENT_MIN_SECONDS = 5
    fast = post_comment(client, article, started=started(seconds_ago=1))
    forged = post_comment(client, article, started="123:abc")

    assertContains(fast, "quicker than anyone can read", status_code=400)
    assertContains(forged, "The form had expired", status_code=400)
    assert Comment.objects.count() == 0


def test_honeypot_refuses_bots(client, article):
    response = post_comment(client, article, website="http://spam.example")

    assertContains(response, HONEYPOT, status_code=HTTPStatus.BAD_REQUEST)
    assert Comment.objects.count() == 0


def test_get_on_the_comment_endpoint_leads_back_to_the_form(client, article):
    response = client.get(f"/articles/{article.slug}/comments/")

    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == f"/articles/{article.slug}/#comment-form"
    assert Comment.objects.count() == 0
