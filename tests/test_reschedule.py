"""A live story's publish time changes only by the audited reschedule move."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles import workflow
from articles.models import Article
from articles.workflow import Status
from tests.admin_forms import form_errors, open_form
from tests.factories import ArticleFactory, CorrespondentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(editor):
    article = ArticleFactory()
    article.publish(by=editor)
    return article


def test_the_change_form_cannot_move_a_live_story_off_the_site(client, live, editor):
    client.force_login(editor)
    url = f"/admin/articles/article/{live.pk}/change/"
    data = open_form(client, url).data()
    data.update(publish_at_0="2099-01-01", publish_at_1="09:00", _continue="1")
    data["publish_at"] = "2099-01-01T09:00"

    answer = client.post(url, data)

    assert answer.status_code == HTTPStatus.FOUND, form_errors(answer)
    live.refresh_from_db()
    assert live.publish_at.year != 2099
    assert Article.objects.published().filter(pk=live.pk).exists()


def test_reschedule_moves_the_time_and_logs_who_from_and_to(live, editor):
    later = timezone.now() + timedelta(days=2)

    live.reschedule(by=editor, at=later, note="Hold for the embargo")

    live.refresh_from_db()
    assert live.publish_at == later
    assert live.is_scheduled()
    assert not Article.objects.published().filter(pk=live.pk).exists()
    event = live.events.first()
    assert (event.actor, event.from_status, event.to_status) == (
        editor,
        Status.PUBLISHED,
        Status.PUBLISHED,
    )
    assert event.note.startswith("Rescheduled from ")
    assert event.note.endswith("Hold for the embargo")


def test_rescheduling_a_story_that_never_went_out_moves_its_first_time(editor):
    article = ArticleFactory()
    article.publish(by=editor, at=timezone.now() + timedelta(days=3))
    sooner = timezone.now() + timedelta(days=1)

    article.reschedule(by=editor, at=sooner)

    assert article.first_published_at == sooner


def test_rescheduling_needs_the_schedule_permission(live):
    publisher_only = UserFactory()
    publisher_only.user_permissions.add(
        Permission.objects.get(codename="publish_article"),
        Permission.objects.get(codename="change_article"),
        Permission.objects.get(codename="edit_any_article"),
    )
    before = live.publish_at

    with pytest.raises(PermissionDenied):
        live.reschedule(
            by=type(publisher_only).objects.get(pk=publisher_only.pk),
            at=timezone.now() + timedelta(days=1),
        )

    live.refresh_from_db()
    assert live.publish_at == before
    assert live.events.count() == 1  # only the publish


def test_reschedule_needs_a_time(live, editor):
    with pytest.raises(ValidationError) as error:
        live.reschedule(by=editor, at=None)

    assert error.value.messages == [workflow.RESCHEDULE_NEEDS_TIME]


def test_publishing_a_live_story_again_is_not_a_move(live, editor):
    with pytest.raises(ValidationError) as error:
        live.publish(by=editor)

    assert error.value.messages == [
        workflow.NOT_ALLOWED.format(old="published", new="published")
    ]


def test_editor_reschedules_from_the_workflow_panel(client, live, editor):
    client.force_login(editor)
    form = client.get(f"/admin/articles/article/{live.pk}/change/")
    assert (Status.PUBLISHED, "Reschedule") in [
        (target, str(label)) for target, label in form.context["workflow_buttons"]
    ]

    client.post(
        f"/admin/articles/article/{live.pk}/transition/",
        {"to": "published", "publish_at": "2099-01-02T09:30"},
    )

    live.refresh_from_db()
    assert live.publish_at.year == 2099
    assert live.events.first().note.startswith("Rescheduled")


def test_a_writer_gets_no_reschedule_button_and_cannot_post_one(
    client, journalist, editor
):
    article = ArticleFactory(bylines=[CorrespondentFactory(user=journalist)])
    article.publish(by=editor)
    client.force_login(journalist)

    form = client.get(f"/admin/articles/article/{article.pk}/change/")
    client.post(
        f"/admin/articles/article/{article.pk}/transition/",
        {"to": "published", "publish_at": "2099-01-02T09:30"},
    )

    assert form.context["workflow_buttons"] == []
    article.refresh_from_db()
    assert article.is_published()


def test_buttons_and_methods_come_from_the_one_table():
    for step in workflow.MOVES.values():
        for move in step.ways():
            assert callable(getattr(Article, move.method)), move
            assert str(move.label)
