"""Erasing a commenter's data takes their words off every page at once,
cached pages and cached page parts included."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from comments import privacy
from tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db

EMAIL = "jo.private@mail.example"
WORDS = "I saw the council leader at the depot on Tuesday."


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    settings.FRAGMENT_CACHE_SECONDS = 3600


@pytest.fixture
def commented_story(moderator):
    story = ArticleFactory(published=True)
    CommentFactory(article=story, email=EMAIL, name="Jo Private", body=WORDS).approve(
        by=moderator
    )
    CommentFactory(article=story, body="Another reader's view stays.").approve(
        by=moderator
    )
    return story


def read_cached(url):
    """The page as an anonymous reader gets it, once it is in the page cache."""
    Client().get(url)
    page = Client().get(url)
    assert page["X-Page-Cache"] == "hit"
    return page


def assert_erased_from(page):
    assertNotContains(page, WORDS)
    assertNotContains(page, "Jo Private")
    assertContains(page, escape(privacy.ERASED_BODY))
    assertContains(page, escape("Another reader's view stays."))


def test_erase_command_takes_the_comment_off_the_cached_page(
    page_cache_on, commented_story
):
    url = commented_story.get_absolute_url()
    assertContains(read_cached(url), WORDS)

    call_command("commenter_data", "erase", EMAIL, stdout=StringIO())

    assert_erased_from(Client().get(url))


def test_erase_command_takes_the_comment_out_of_the_cached_parts(
    page_cache_on, commented_story, editor
):
    # A signed-in reader of the page skips the page cache but gets the
    # cached comment thread.
    url = commented_story.get_absolute_url()
    staff = Client()
    staff.force_login(editor)
    staff.get(url)
    assertContains(staff.get(url), WORDS)

    call_command("commenter_data", "erase", EMAIL.upper(), stdout=StringIO())

    assert_erased_from(staff.get(url))


def test_erase_from_the_admin_takes_the_comment_off_the_cached_page(
    page_cache_on, commented_story, moderator
):
    url = commented_story.get_absolute_url()
    assertContains(read_cached(url), WORDS)
    admin = Client()
    admin.force_login(moderator)
    comment = commented_story.comments.get(email=EMAIL)

    response = admin.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "erase_data", "_selected_action": [comment.pk]},
        follow=True,
    )

    assertContains(response, "Erased 1 commenter(s) from 1 comment(s).")
    assert_erased_from(Client().get(url))


def test_erasing_an_unknown_address_changes_nothing(page_cache_on, commented_story):
    url = commented_story.get_absolute_url()
    read_cached(url)
    out = StringIO()

    call_command("commenter_data", "erase", "nobody@mail.example", stdout=out)

    assert out.getvalue().strip() == "Erased nobody@mail.example from 0 comment(s)."
    assert Client().get(url)["X-Page-Cache"] == "hit"
