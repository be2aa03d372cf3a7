"""Edits to live stories: a writer's wait for an editor, an editor's go live."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import revisions
from articles.models import Article, Revision
from articles.workflow import Status
from tests.admin_forms import form_errors, open_form
from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    ImageFactory,
    image_upload,
)

pytestmark = pytest.mark.django_db

OLD_TEXT = "The council met on Tuesday."
NEW_TEXT = "The council met on Wednesday, not Tuesday."


@pytest.fixture
def live_story(journalist, editor):
    me = CorrespondentFactory(user=journalist, name="Amara Okafor")
    article = ArticleFactory(
        bylines=[me],
        body=f"<p>{OLD_TEXT}</p>",
        hero_image=image_upload(1600, 900),
        hero_alt="Council chamber",
    )
    article.publish(by=editor)
    revisions.record(article, by=editor)
    return article


def edit_body(client, article, text, **changes):
    url = f"/admin/articles/article/{article.pk}/change/"
    data = open_form(client, url).data()
    data.update(body=f"<p>{text}</p>", _continue="1", **changes)
    return client.post(url, data)


def test_writer_edit_to_a_live_story_waits_and_readers_keep_the_live_text(
    client, live_story, journalist
):
    client.force_login(journalist)

    answer = edit_body(client, live_story, NEW_TEXT)

    assert answer.status_code == HTTPStatus.FOUND, form_errors(answer)
    live_story.refresh_from_db()
    assert OLD_TEXT in live_story.body
    assert live_story.is_published()
    pending = live_story.revisions.pending().get()
    assert pending.created_by == journalist
    assert NEW_TEXT in pending.content["body"]
    client.logout()
    page = client.get(live_story.get_absolute_url())
    assertContains(page, OLD_TEXT)
    assertNotContains(page, NEW_TEXT)


def test_writer_reopening_the_story_goes_on_from_their_waiting_change(
    client, live_story, journalist
):
    client.force_login(journalist)
    edit_body(client, live_story, NEW_TEXT)

    form = client.get(f"/admin/articles/article/{live_story.pk}/change/")

    assertContains(form, "waits for an editor")
    assert NEW_TEXT in form.context["adminform"].form.initial["body"]
    # A second save replaces the first change rather than stacking on the live text.
    edit_body(client, live_story, NEW_TEXT + " It ran late.")
    waiting = live_story.revisions.pending().get()  # exactly one
    assert waiting.content["body"] == f"<p>{NEW_TEXT} It ran late.</p>"
    replaced = live_story.revisions.get(state=Revision.State.DISCARDED)
    assert replaced.decision_note == revisions.REPLACED


def test_unchanged_save_of_a_live_story_leaves_nothing_to_review(
    client, live_story, journalist
):
    client.force_login(journalist)

    answer = edit_body(client, live_story, OLD_TEXT)

    assert answer.status_code == HTTPStatus.FOUND, form_errors(answer)
    assert not live_story.revisions.pending().exists()


def test_editor_sees_who_when_and_the_diff_then_publishes(
    client, live_story, journalist, editor
):
    client.force_login(journalist)
    edit_body(client, live_story, NEW_TEXT)
    client.force_login(editor)

    queue = client.get("/admin/articles/article/?queue=review")
    assertContains(queue, live_story.headline)
    review = client.get(f"/admin/articles/article/{live_story.pk}/pending/")
    assertContains(review, "Written by journalist")
    assertContains(review, '<li class="diff-removed">The council met on Tuesday.</li>')
    assertContains(review, f'<li class="diff-added">{NEW_TEXT}</li>', html=False)

    answer = client.post(
        f"/admin/articles/article/{live_story.pk}/pending/", {"decision": "publish"}
    )

    assert answer.status_code == HTTPStatus.FOUND, form_errors(answer)
    live_story.refresh_from_db()
    assert NEW_TEXT in live_story.body
    assert live_story.is_published()
    assert live_story.hero_image.name  # the picture stays
    assert not live_story.revisions.pending().exists()
    event = live_story.events.first()
    assert (event.actor, event.note) == (
        editor,
        "Published the change by journalist.",
    )
    client.logout()
    assertContains(client.get(live_story.get_absolute_url()), NEW_TEXT)


def test_editor_discards_with_a_note_which_the_writer_reads(
    client, live_story, journalist, editor
):
    client.force_login(journalist)
    edit_body(client, live_story, NEW_TEXT)
    client.force_login(editor)
    url = f"/admin/articles/article/{live_story.pk}/pending/"

    refused = client.post(url, {"decision": "discard", "note": "  "}, follow=True)
    told = [str(message) for message in refused.context["messages"]]
    assert revisions.DISCARD_NEEDS_NOTE in told
    assert live_story.revisions.pending().exists()

    client.post(url, {"decision": "discard", "note": "The meeting was on Tuesday."})

    live_story.refresh_from_db()
    assert OLD_TEXT in live_story.body
    assert not live_story.revisions.pending().exists()
    client.force_login(journalist)
    form = client.get(f"/admin/articles/article/{live_story.pk}/change/")
    assertContains(form, "The meeting was on Tuesday.")


def test_only_editors_review_changes(client, live_story, journalist):
    client.force_login(journalist)
    edit_body(client, live_story, NEW_TEXT)
    pending = live_story.revisions.pending().get()

    assert (
        client.get(f"/admin/articles/article/{live_story.pk}/pending/").status_code
        == HTTPStatus.FORBIDDEN
    )
    with pytest.raises(PermissionDenied):
        revisions.publish_pending(pending, by=journalist)
    with pytest.raises(PermissionDenied):
        revisions.discard_pending(pending, by=journalist, note="no")
    pending.refresh_from_db()
    assert pending.state == Revision.State.PENDING


def test_a_change_is_decided_once(live_story, journalist, editor):
    pending = revisions.propose(
        live_story,
        {**revisions.snapshot(live_story), "headline": "A better headline"},
        by=journalist,
    )
    revisions.publish_pending(pending, by=editor)

    with pytest.raises(ValidationError) as error:
        revisions.discard_pending(pending, by=editor, note="late")

    assert error.value.messages == [revisions.NOT_PENDING]
    assert Article.objects.get(pk=live_story.pk).headline == "A better headline"


def test_editor_edit_to_a_live_story_goes_live_and_is_recorded(
    client, live_story, editor
):
    client.force_login(editor)

    answer = edit_body(client, live_story, NEW_TEXT)

    assert answer.status_code == HTTPStatus.FOUND, form_errors(answer)
    live_story.refresh_from_db()
    assert NEW_TEXT in live_story.body
    assert not live_story.revisions.pending().exists()
    assert NEW_TEXT in live_story.revisions.saved().first().content["body"]


def test_writer_edit_to_a_scheduled_story_waits_too(client, journalist, editor):
    me = CorrespondentFactory(user=journalist)
    article = ArticleFactory(bylines=[me], body=f"<p>{OLD_TEXT}</p>")
    article.publish(by=editor, at=timezone.now() + timedelta(days=1))
    client.force_login(journalist)

    edit_body(client, article, NEW_TEXT)

    article.refresh_from_db()
    assert article.is_scheduled() and OLD_TEXT in article.body
    assert article.revisions.pending().exists()


def test_writer_restoring_an_old_revision_of_a_live_story_waits_too(
    client, live_story, journalist, editor
):
    first = live_story.revisions.saved().first()
    live_story.body = f"<p>{NEW_TEXT}</p>"
    live_story.save()
    revisions.record(live_story, by=editor)
    client.force_login(journalist)

    client.post(
        f"/admin/articles/article/{live_story.pk}/revisions/{first.pk}/restore/"
    )

    live_story.refresh_from_db()
    assert NEW_TEXT in live_story.body
    assert OLD_TEXT in live_story.revisions.pending().get().content["body"]


def test_writer_new_hero_on_a_live_story_waits_and_goes_live_with_renditions(
    client, live_story, journalist, editor
):
    old_image = live_story.hero_image.name
    client.force_login(journalist)
    url = f"/admin/articles/article/{live_story.pk}/change/"
    data = open_form(client, url).data()
    new_image = ImageFactory(file=image_upload(1800, 1000, name="new.jpg"))
    data.update(hero=new_image.pk, _continue="1")

    client.post(url, data)

    live_story.refresh_from_db()
    assert live_story.hero_image.name == old_image
    pending = live_story.revisions.pending().get()
    assert pending.content["hero_id"] == new_image.pk
    revisions.publish_pending(pending, by=editor)
    live_story.refresh_from_db()
    assert live_story.hero_image.name == new_image.file.name
    assert live_story.hero_width == 1800
    assert live_story.status == Status.PUBLISHED
