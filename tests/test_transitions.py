from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles import workflow
from articles.models import (
    HERO_TOO_NARROW,
    NEEDS_BYLINE,
    NEEDS_SECTION,
    Article,
)
from articles.workflow import Status
from blocks.images import NEEDS_ALT
from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    UserFactory,
    image_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_story(journalist):
    me = CorrespondentFactory(user=journalist, job_title="Junior Reporter")
    return ArticleFactory(bylines=[me])


def test_submit_records_who_when_and_the_move(own_story, journalist, clock):
    clock.advance(minutes=5)

    own_story.submit(by=journalist, note="Ready when you are")

    own_story.refresh_from_db()
    event = own_story.events.get()
    assert own_story.status == Status.IN_REVIEW
    assert (event.actor, event.from_status, event.to_status, event.note) == (
        journalist,
        Status.DRAFT,
        Status.IN_REVIEW,
        "Ready when you are",
    )
    assert event.created_at == clock.now


def test_journalist_cannot_publish_and_nothing_changes(own_story, journalist):
    own_story.submit(by=journalist)

    with pytest.raises(PermissionDenied):
        own_story.publish(by=journalist)

    own_story.refresh_from_db()
    assert own_story.status == Status.IN_REVIEW
    assert own_story.publish_at is None
    assert own_story.events.count() == 1


def test_publish_sets_every_field_and_snapshots_job_titles(
    own_story, journalist, editor, clock
):
    own_story.submit(by=journalist)
    clock.advance(minutes=5)
    own_story.publish(by=editor)

    own_story.refresh_from_db()
    assert own_story.status == Status.PUBLISHED
    assert own_story.publish_at == clock.now
    assert own_story.first_published_at == own_story.publish_at
    assert own_story.is_published()
    assert own_story.bylines.get().job_title == "Junior Reporter"
    # A later promotion does not rewrite the byline of a published story.
    person = own_story.bylines.get().correspondent
    person.job_title = "Senior Reporter"
    person.save()
    assert own_story.bylines.get().title == "Junior Reporter"


def test_send_back_needs_a_note_which_the_writer_sees(own_story, journalist, editor):
    own_story.submit(by=journalist)

    with pytest.raises(ValidationError) as error:
        own_story.send_back(by=editor, note="  ")
    assert error.value.messages == [workflow.NOTE_REQUIRED]

    own_story.send_back(by=editor, note="Needs a second source for the figures.")
    own_story.refresh_from_db()
    assert own_story.status == Status.DRAFT
    assert own_story.last_send_back().note == "Needs a second source for the figures."


def test_scheduling_a_future_time_needs_the_schedule_permission(own_story, journalist):
    own_story.submit(by=journalist)
    desk = UserFactory(username="night-desk")
    desk.user_permissions.add(Permission.objects.get(codename="publish_article"))

    with pytest.raises(PermissionDenied) as error:
        own_story.publish(by=desk, at=timezone.now() + timedelta(hours=3))

    assert str(error.value) == workflow.SCHEDULE_NOT_PERMITTED
    own_story.refresh_from_db()
    assert own_story.status == Status.IN_REVIEW


def test_scheduled_story_goes_live_by_itself(own_story, journalist, editor, clock):
    own_story.submit(by=journalist)
    own_story.publish(by=editor, at=clock.now + timedelta(hours=1))

    assert own_story.is_scheduled()
    assert not Article.objects.published().filter(pk=own_story.pk).exists()
    clock.advance(minutes=59, seconds=59)
    assert not Article.objects.published().filter(pk=own_story.pk).exists()
    clock.advance(seconds=1)
    assert Article.objects.published().filter(pk=own_story.pk).exists()
    assert not own_story.is_scheduled()


def test_publish_refuses_an_incomplete_story_saying_what_is_missing(editor):
    article = ArticleFactory(
        section=None, bylines=[], hero_image=image_upload(800, 450)
    )
    article.bylines.all().delete()

    with pytest.raises(ValidationError) as error:
        article.publish(by=editor)

    assert error.value.messages == [
        NEEDS_SECTION,
        NEEDS_BYLINE,
        NEEDS_ALT,
        HERO_TOO_NARROW.format(width=800),
    ]
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_editing_a_published_story_keeps_it_live(editor):
    article = ArticleFactory(published=True)

    article.body = "<p>Updated paragraph.</p>"
    article.save()

    assert Article.objects.published().filter(pk=article.pk).exists()


def test_withdraw_takes_it_off_the_site(editor):
    article = ArticleFactory(published=True)

    article.withdraw(by=editor, note="Legal advice")

    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert article.events.first().to_status == Status.WITHDRAWN


def test_correction_is_dated_and_bumps_updated_at(editor, journalist):
    article = ArticleFactory(published=True)
    Article.objects.filter(pk=article.pk).update(
        updated_at=timezone.now() - timedelta(days=2)
    )
    article.refresh_from_db()
    before = article.updated_at

    correction = article.add_correction(
        by=editor, kind="correction", note="The dam is 40m tall, not 50m."
    )

    article.refresh_from_db()
    assert article.updated_at > before
    assert correction.created_by == editor
    with pytest.raises(PermissionDenied):
        article.add_correction(by=journalist, kind="update", note="x")


def test_only_published_stories_take_corrections(editor):
    with pytest.raises(ValidationError):
        ArticleFactory().add_correction(by=editor, kind="update", note="x")
