"""Who has a story open, an editor taking it over, and a writer pulling their
story back from review."""

from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles import presence
from articles.models import Autosave, Presence
from articles.workflow import Status
from tests.factories import ArticleFactory, CorrespondentFactory, UserFactory

pytestmark = pytest.mark.django_db


def url(name, article):
    return reverse(f"admin:articles_article_{name}", args=[article.pk])


@pytest.fixture
def mine(journalist):
    return ArticleFactory(
        headline="Harbour dredging delayed",
        bylines=[CorrespondentFactory(user=journalist, name="Amira Haddad")],
    )


def test_opening_a_story_someone_has_open_says_who_and_since_when(
    client, journalist, editor, mine, clock
):
    client.force_login(journalist)
    client.get(url("change", mine))
    opened = presence.describe(Presence.objects.get(user=journalist))["since"]
    clock.advance(minutes=1)

    client.force_login(editor)
    page = client.get(url("change", mine))

    assertContains(page, f"Amira Haddad has had this story open since {opened}.")
    assertContains(page, "Take the story over")


def test_the_notice_goes_when_the_other_screen_stops_beating(
    client, journalist, editor, mine, clock
):
    client.force_login(journalist)
    client.get(url("change", mine))
    clock.advance(seconds=presence.HEARTBEAT_SECONDS)
    client.post(url("presence", mine))
    clock.advance(seconds=presence.HEARTBEAT_SECONDS * 2)
    client.force_login(editor)
    assertContains(client.get(url("change", mine)), "has had this story open")

    clock.advance(minutes=5)  # the writer's laptop went to sleep

    assertNotContains(client.get(url("change", mine)), "has had this story open")


def test_a_closed_screen_leaves_at_once(client, journalist, editor, mine):
    client.force_login(journalist)
    client.get(url("change", mine))
    assert client.post(url("presence_leave", mine)).status_code == 204

    client.force_login(editor)
    assertNotContains(client.get(url("change", mine)), "has had this story open")


def test_the_heartbeat_answers_who_else_is_there(client, journalist, editor, mine):
    client.force_login(editor)
    client.get(url("change", mine))
    client.force_login(journalist)

    answer = client.post(url("presence", mine)).json()

    assert answer["taken_over"] is None
    assert [other["name"] for other in answer["others"]] == ["editor"]


def test_an_editor_takes_over_and_the_writer_is_told_with_their_text_kept(
    client, journalist, editor, mine
):
    client.force_login(journalist)
    client.get(url("change", mine))
    client.post(
        url("autosave", mine),
        {"headline": mine.headline, "body": "<p>Half a sentence</p>"},
    )
    editor.first_name, editor.last_name = "Daniel", "Reyes"
    editor.save()
    client.force_login(editor)
    client.get(url("change", mine))

    response = client.post(url("take_over", mine), follow=True)

    assertContains(response, "You have taken this story over from Amira Haddad.")
    assertNotContains(response, "has had this story open")
    client.force_login(journalist)
    answer = client.post(url("presence", mine)).json()
    assert answer["taken_over"]["by"] == "Daniel Reyes"
    assert Autosave.objects.get(user=journalist).content["body"] == (
        "<p>Half a sentence</p>"
    )
    # Opening the story again: the editor has it, the text is offered back.
    page = client.get(url("change", mine))
    assertContains(page, "Daniel Reyes has had this story open since")
    assertContains(page, "Restore the unsaved text from")
    assertNotContains(page, "Take the story over")


def test_only_editors_take_stories_over(client, journalist, editor, mine):
    client.force_login(editor)
    client.get(url("change", mine))
    client.force_login(journalist)

    page = client.get(url("change", mine))
    response = client.post(url("take_over", mine))

    assertNotContains(page, "Take the story over")
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Presence.objects.get(user=editor).taken_over_by is None


@pytest.mark.parametrize("who", ["other journalist", "moderator"])
def test_strangers_neither_beat_nor_see_who_is_there(client, mine, journalist, who):
    client.force_login(journalist)
    client.get(url("change", mine))
    user = UserFactory(
        username="someone",
        role="Journalist" if who == "other journalist" else "Moderator",
    )
    client.force_login(user)

    for name in ("presence", "presence_leave", "take_over"):
        response = client.post(url(name, mine))
        assert response.status_code in (403, 404), name
    assert not Presence.objects.filter(user=user).exists()
    assert Presence.objects.filter(user=journalist).exists()


def test_presence_needs_a_post_with_the_csrf_token(journalist, mine):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(journalist)

    assert browser.get(url("presence", mine)).status_code == 405
    assert browser.post(url("presence", mine)).status_code == 403
    assert browser.post(url("take_over", mine)).status_code == 403


# Pulling a story back from review -----------------------------------------------


def test_the_writer_pulls_their_story_back_from_review(client, journalist, mine):
    mine.submit(by=journalist)
    client.force_login(journalist)

    page = client.get(url("change", mine))
    assertContains(page, "Pull back from review")
    response = client.post(url("transition", mine), {"to": "draft"}, follow=True)

    assertContains(response, "is now draft")
    mine.refresh_from_db()
    assert mine.status == Status.DRAFT
    event = mine.events.first()
    assert (event.actor, event.from_status, event.to_status, event.move) == (
        journalist,
        Status.IN_REVIEW,
        Status.DRAFT,
        "pull_back",
    )
    assert mine.last_send_back() is None
    assertNotContains(response, "Sent back by")
    assertContains(response, "In review → Draft — “Pulled back from review by the")


def test_an_editor_still_sends_back_with_a_note(client, journalist, editor, mine):
    mine.submit(by=journalist)
    client.force_login(editor)

    page = client.get(url("change", mine))
    refused = client.post(url("transition", mine), {"to": "draft"}, follow=True)
    mine.refresh_from_db()
    assert mine.status == Status.IN_REVIEW
    client.post(url("transition", mine), {"to": "draft", "note": "Needs a source."})

    assertContains(page, "Send back to the writer")
    assertNotContains(page, "Pull back from review")
    assertContains(refused, "sending a story back needs a note")
    mine.refresh_from_db()
    assert mine.status == Status.DRAFT
    assert mine.last_send_back().note == "Needs a source."


def test_no_one_else_pulls_a_story_back(client, journalist, mine):
    mine.submit(by=journalist)
    other = UserFactory(username="other", role="Journalist")

    with pytest.raises(PermissionDenied):
        mine.pull_back(by=other)
    client.force_login(other)
    response = client.post(url("transition", mine), {"to": "draft"})

    assert response.status_code == HTTPStatus.NOT_FOUND
    mine.refresh_from_db()
    assert mine.status == Status.IN_REVIEW


def test_pull_back_only_from_review(journalist, mine):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        mine.pull_back(by=journalist)  # a draft already
