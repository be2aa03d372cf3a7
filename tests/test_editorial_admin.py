from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, Revision
from articles.workflow import Status
from tests.factories import ArticleFactory, CorrespondentFactory, SectionFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def mine(journalist):
    return ArticleFactory(
        headline="My own draft", bylines=[CorrespondentFactory(user=journalist)]
    )


@pytest.fixture
def theirs():
    return ArticleFactory(headline="Someone else's draft")


def form_data(article, **overrides):
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "dek": article.dek,
        "body": article.body,
        "section": article.section_id or "",
        "comments_open": "on",
        "hero": article.hero_id or "",
        "base_version": article.version,
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0",
        "corrections-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def saved(response):
    """Assert the admin took the form (it redirects), showing why if not."""
    context = response.context or {}
    problems = response.status_code
    if "adminform" in context:
        problems = [context["adminform"].form.errors] + [
            (inline.formset.errors, inline.formset.non_form_errors())
            for inline in context["inline_admin_formsets"]
        ]
    assert response.status_code == HTTPStatus.FOUND, problems
    return response


def test_journalist_sees_and_opens_only_stories_with_their_byline(
    client, journalist, mine, theirs
):
    client.force_login(journalist)

    listing = client.get(CHANGELIST)
    assertContains(listing, "My own draft")
    assertNotContains(listing, "Someone else&#x27;s draft")
    assertContains(client.get(change_url(mine)), "\nMy own draft</textarea>")
    # Another's draft: the admin answers as if it did not exist.
    response = client.get(change_url(theirs))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("admin:index")
    assert (
        client.post(
            reverse("admin:articles_article_transition", args=[theirs.pk]),
            {"to": "in_review"},
        ).status_code
        == HTTPStatus.NOT_FOUND
    )


def test_editor_sees_every_story(client, editor, mine, theirs):
    client.force_login(editor)

    listing = client.get(CHANGELIST)

    assertContains(listing, "My own draft")
    assertContains(listing, "Someone else&#x27;s draft")


def test_moderator_sees_no_stories(client, moderator, mine):
    client.force_login(moderator)

    assert client.get(CHANGELIST).status_code == HTTPStatus.FORBIDDEN
    assert client.get(change_url(mine)).status_code == HTTPStatus.FORBIDDEN
    index = client.get(reverse("admin:index"))
    assertNotContains(index, "Articles")
    assertContains(index, "Comments")


def test_buttons_are_exactly_the_moves_this_user_may_make(
    client, journalist, editor, mine
):
    client.force_login(journalist)
    page = client.get(change_url(mine))
    assertContains(page, 'value="in_review"')
    assertNotContains(page, 'value="published"')

    mine.submit(by=journalist)
    page = client.get(change_url(mine))
    # The writer may only take their story back from review.
    assertContains(page, 'name="to"', count=1)
    assertContains(page, 'value="draft"')
    assertContains(page, "Pull back from review")
    assertNotContains(page, 'value="published"')

    client.force_login(editor)
    page = client.get(change_url(mine))
    assertContains(page, 'value="published"')
    assertContains(page, 'value="draft"')
    assertNotContains(page, 'value="withdrawn"')


def test_journalist_submits_and_editor_publishes_through_the_admin(
    client, journalist, editor, mine
):
    client.force_login(journalist)
    response = client.post(
        reverse("admin:articles_article_transition", args=[mine.pk]),
        {"to": "in_review"},
        follow=True,
    )
    assertContains(response, "is now in review")

    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_transition", args=[mine.pk]),
        {"to": "published"},
        follow=True,
    )

    mine.refresh_from_db()
    assert mine.status == Status.PUBLISHED and mine.is_published()
    assert [e.to_status for e in mine.events.order_by("created_at")] == [
        Status.IN_REVIEW,
        Status.PUBLISHED,
    ]
    assertContains(response, "Workflow log")


def test_refused_transition_shows_the_reason_and_changes_nothing(
    client, journalist, mine
):
    client.force_login(journalist)

    response = client.post(
        reverse("admin:articles_article_transition", args=[mine.pk]),
        {"to": "published"},
        follow=True,
    )

    assertContains(response, "You may not move an article from draft to published.")
    mine.refresh_from_db()
    assert mine.status == Status.DRAFT


def test_send_back_note_is_shown_to_the_journalist(client, journalist, editor, mine):
    mine.submit(by=journalist)
    client.force_login(editor)
    saved(
        client.post(
            reverse("admin:articles_article_transition", args=[mine.pk]),
            {"to": "draft", "note": "Check the quote in para 3."},
        )
    )

    client.force_login(journalist)
    page = client.get(change_url(mine))

    assertContains(page, "Sent back by editor")
    assertContains(page, "Check the quote in para 3.")


def test_editor_schedules_with_a_time_in_the_newsroom_zone(client, editor, settings):
    article = ArticleFactory()
    client.force_login(editor)

    saved(
        client.post(
            reverse("admin:articles_article_transition", args=[article.pk]),
            {"to": "published", "publish_at": "2099-01-02T09:30"},
        )
    )

    article.refresh_from_db()
    local = timezone.localtime(article.publish_at)
    assert (local.year, local.hour, local.minute) == (2099, 9, 30)
    assert str(local.tzinfo) == settings.TIME_ZONE
    assert article.is_scheduled()


def test_journalist_cannot_set_publish_time_or_lead_flag(client, journalist, mine):
    client.force_login(journalist)

    saved(
        client.post(
            change_url(mine),
            form_data(
                mine,
                headline="My own draft, revised",
                publish_at_0="2030-01-01",
                publish_at_1="10:00",
                is_featured="on",
            ),
        )
    )

    mine.refresh_from_db()
    assert mine.headline == "My own draft, revised"  # the form was taken...
    assert mine.publish_at is None and not mine.is_featured  # ...without these


def test_every_save_keeps_a_revision_but_not_identical_ones(client, editor):
    article = ArticleFactory(headline="First headline")
    client.force_login(editor)

    saved(
        client.post(change_url(article), form_data(article, headline="Second headline"))
    )
    article.refresh_from_db()
    saved(client.post(change_url(article), form_data(article)))  # nothing changed

    # Newest first: the change, then the story as it was first saved.
    assert list(article.revisions.values_list("content__headline", flat=True)) == [
        "Second headline",
        "First headline",
    ]


def test_revision_diff_and_restore(client, editor):
    article = ArticleFactory(
        headline="Original headline", body="<p>Original words.</p>"
    )
    client.force_login(editor)
    saved(client.post(change_url(article), form_data(article)))
    article.refresh_from_db()
    saved(
        client.post(
            change_url(article),
            form_data(article, headline="Rewritten headline", body="<p>New words.</p>"),
        )
    )
    old, new = article.revisions.order_by("created_at", "id")

    page = client.get(
        reverse("admin:articles_article_revisions", args=[article.pk]),
        {"old": old.pk, "new": new.pk},
    )
    assertContains(page, '<li class="diff-removed">Original headline</li>', html=True)
    assertContains(page, '<li class="diff-added">Rewritten headline</li>', html=True)
    assertContains(page, '<li class="diff-added">New words.</li>', html=True)

    saved(
        client.post(
            reverse("admin:articles_article_restore", args=[article.pk, old.pk])
        )
    )

    article.refresh_from_db()
    assert article.headline == "Original headline"
    assert article.revisions.count() == 3
    assert article.revisions.first().note.startswith("Restored")


def test_second_save_of_a_stale_form_is_refused_and_nothing_is_lost(
    client, editor, journalist
):
    article = ArticleFactory(
        headline="Start", bylines=[CorrespondentFactory(user=journalist)]
    )
    stale_version = article.version
    client.force_login(journalist)
    saved(
        client.post(
            change_url(article), form_data(article, headline="Journalist's headline")
        )
    )

    client.force_login(editor)
    response = client.post(
        change_url(article),
        form_data(article, base_version=stale_version, headline="Editor's headline"),
    )

    assert response.status_code == HTTPStatus.OK  # the form again, not a redirect
    assertContains(response, "saved this story at")
    assertContains(response, "Headline changed")
    assertContains(
        response, "Editor&#x27;s headline"
    )  # their own text is still in the form
    article.refresh_from_db()
    assert article.headline == "Journalist's headline"


def test_admin_index_counts_waiting_work(client, editor, journalist, mine):
    mine.submit(by=journalist)
    ArticleFactory(scheduled=True)
    client.force_login(editor)

    index = client.get(reverse("admin:index"))

    assertContains(index, "<strong>1</strong>Waiting for review", html=True)
    assertContains(index, "<strong>1</strong>Scheduled", html=True)


def test_queue_views_filter_the_list(client, editor, journalist, mine):
    mine.submit(by=journalist)
    ArticleFactory(headline="Tomorrow's story", scheduled=True)
    client.force_login(editor)

    review = client.get(CHANGELIST, {"queue": "review"})
    scheduled = client.get(CHANGELIST, {"queue": "scheduled"})

    assertContains(review, "My own draft")
    assertNotContains(review, "Tomorrow")
    assertContains(scheduled, "Tomorrow")
    assertNotContains(scheduled, "My own draft")


def test_new_story_by_a_journalist_carries_their_byline(client, journalist):
    me = CorrespondentFactory(user=journalist)
    section = SectionFactory(name="World")
    client.force_login(journalist)
    data = form_data(
        ArticleFactory.build(slug="new-one", headline="Fresh story", section=section),
        base_version="",
    )
    data.pop("base_version")

    saved(client.post(reverse("admin:articles_article_add"), data))

    article = Article.objects.get(slug="new-one")
    assert list(article.correspondents.all()) == [me]
    assert Revision.objects.filter(article=article).count() == 1
