"""A comment's life as the people involved see it, with the page cache on:
a reader posts it through the public form, a moderator approves it from the
admin queue, every reader sees it, and erasing the commenter's data takes
it off the page at once."""

from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from comments import privacy
from comments.models import Comment
from comments.views import AWAITING_MODERATION
from tests.admin_forms import form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

EMAIL = "sam.reader@mail.example"
WORDS = "The bridge closure doubled my commute; the detour signs are wrong."


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    settings.FRAGMENT_CACHE_SECONDS = 3600


def anonymous_read(url):
    """The page as a reader with no cookies gets it; read twice, so the
    second answer comes from the page cache."""
    Client().get(url)
    page = Client().get(url)
    assert page.status_code == HTTPStatus.OK
    assert page["X-Page-Cache"] == "hit"
    return page


def test_comment_is_posted_approved_shown_and_erased(
    page_cache_on, no_comment_delays, moderator
):
    story = ArticleFactory(published=True, headline="Bridge closes for repairs")
    url = story.get_absolute_url()
    assertNotContains(anonymous_read(url), WORDS)

    # A reader fills in the form on the (cached) page and sends it.
    reader = Client(enforce_csrf_checks=True)
    form = form_data(reader.get(url), "comment-form")
    assert form["website"] == [""] and form["started"] != [""]  # the anti-bot fields
    form.update(name=["Sam Reader"], email=[EMAIL], body=[WORDS])
    sent = reader.post(reverse("comments:post", args=[story.slug]), form, follow=True)
    assertContains(sent, AWAITING_MODERATION)
    assertNotContains(anonymous_read(url), WORDS)  # pending: not public yet

    # The moderator finds it at the top of the queue and approves it.
    desk = Client()
    desk.force_login(moderator)
    queue_url = reverse("admin:comments_comment_changelist")
    queue = desk.get(queue_url)
    comment = Comment.objects.get(email=EMAIL)
    assertContains(queue, f'name="_selected_action" value="{comment.pk}"')
    assertContains(queue, "Sam Reader")
    action = form_data(queue, "changelist-form")
    action.update(action=["approve_selected"], _selected_action=[str(comment.pk)])
    approved = desk.post(queue_url, action, follow=True)
    assertContains(approved, "1 comment(s) approved.")

    # Every reader sees it, from the page cache too.
    page = anonymous_read(url)
    assertContains(page, escape(WORDS))
    assertContains(page, "Sam Reader")
    assertContains(page, "1 comment")

    # The commenter asks to be forgotten; the next reader no longer sees it.
    out = StringIO()
    call_command("commenter_data", "erase", EMAIL, stdout=out)
    assert out.getvalue().strip() == f"Erased {EMAIL} from 1 comment(s)."
    page = Client().get(url)
    assertNotContains(page, escape(WORDS))
    assertNotContains(page, "Sam Reader")
    assertContains(page, escape(privacy.ERASED_BODY))
