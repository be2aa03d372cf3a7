"""The factories make objects the product itself could have made."""

import pytest
from django.contrib.auth.models import Group

from articles import workflow
from articles.models import Article
from articles.workflow import Status
from tests.factories import ArticleFactory, CorrespondentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_published_story_went_through_the_workflow(editor):
    person = CorrespondentFactory(job_title="Trade Correspondent")

    article = ArticleFactory(published=True, bylines=[person], workflow__by=editor)

    assert Article.objects.published().filter(pk=article.pk).exists()
    event = article.events.get()
    assert (event.actor, event.from_status, event.to_status) == (
        editor,
        Status.DRAFT,
        Status.PUBLISHED,
    )
    assert article.first_published_at == article.publish_at
    # The job title as it was on the day is kept on the byline.
    person.job_title = "Editor at Large"
    person.save()
    assert article.bylines.get().title == "Trade Correspondent"
    assert article.revisions.get().content["bylines"] == [
        {"id": person.pk, "name": person.name}
    ]


@pytest.mark.parametrize(
    ("trait", "moves"),
    [
        ("in_review", [Status.IN_REVIEW]),
        ("scheduled", [Status.PUBLISHED]),
        ("withdrawn", [Status.PUBLISHED, Status.WITHDRAWN]),
    ],
)
def test_each_trait_reaches_its_state_by_the_workflow_moves(trait, moves):
    writer = UserFactory(username="writer", role="Journalist")

    article = ArticleFactory(
        **{trait: True}, bylines=[CorrespondentFactory(user=writer)]
    )

    assert (
        list(article.events.order_by("id").values_list("to_status", flat=True)) == moves
    )
    assert article.status == moves[-1]
    assert article.is_scheduled() == (trait == "scheduled")
    assert article.revisions.get().created_by == writer


def test_a_draft_is_the_safe_default_with_a_byline_and_no_events():
    article = ArticleFactory()

    assert article.status == Status.DRAFT and article.publish_at is None
    assert article.bylines.count() == 1
    assert not article.events.exists()


def test_image_traits_store_re_encoded_images_with_renditions(media_root):
    article = ArticleFactory(with_hero=True, published=True)
    person = CorrespondentFactory(with_photo=True)

    assert article.publish_problems() == []
    assert (article.hero_width, article.hero_height) == (1600, 900)
    assert "IMG_0412" not in article.hero_image.name
    assert (media_root / article.hero_image.name).exists()
    assert list((media_root / "library" / "renditions").iterdir())
    assert (person.photo_width, person.photo_height) == (640, 640)
    assert list((media_root / "correspondents" / "renditions").iterdir())


def test_a_role_emptied_by_a_transactional_test_comes_back_with_its_rights():
    Group.objects.all().delete()  # what a live-server test's flush leaves

    editor = UserFactory(username="late-editor", role="Editor")

    assert editor.has_perm(workflow.PUBLISH) and editor.has_perm(workflow.SCHEDULE)
    assert ArticleFactory(published=True, workflow__by=editor).is_published()
