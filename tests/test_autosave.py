"""Autosave: who may keep a draft copy, what it refuses, that it never
touches the live story or the page cache, restoring it, and saving it away."""

import re
from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles import autosave
from articles.models import Article, Autosave, Revision
from pagecache import tags as page_cache
from tests.admin_forms import change_form, open_form
from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    SectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NEW_STORY = reverse("admin:articles_article_autosave")
ADD = reverse("admin:articles_article_add")


def autosave_url(article):
    return reverse("admin:articles_article_autosave", args=[article.pk])


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def typed(article=None, **changes):
    """What the screen's script sends: the form's fields as they stand."""
    data = {
        "headline": article.headline if article else "",
        "slug": article.slug if article else "",
        "dek": article.dek if article else "",
        "body": article.body if article else "",
        "section": str(article.section_id or "") if article else "",
        "comments_open": "on",
        "hero_alt": "",
        "hero_caption": "",
        "hero_credit": "",
        "base_version": str(article.version) if article else "",
    }
    data.update(changes)
    return data


def without_tokens(response) -> str:
    """The page less its form values (each reader's own tokens)."""
    return re.sub(r'value="[^"]*"', "", response.content.decode())


@pytest.fixture
def mine(journalist):
    return ArticleFactory(
        headline="Tide tables rewritten",
        bylines=[CorrespondentFactory(user=journalist, name="Amira Haddad")],
    )


@pytest.fixture
def live_mine(journalist):
    return ArticleFactory(
        published=True,
        headline="Ferry timetable returns",
        slug="ferry-timetable-returns",
        bylines=[CorrespondentFactory(user=journalist, name="Amira Haddad")],
    )


def test_the_writer_keeps_a_draft_copy_that_leaves_the_story_alone(
    client, journalist, mine
):
    before = Article.objects.values().get(pk=mine.pk)
    client.force_login(journalist)

    response = client.post(
        autosave_url(mine), typed(mine, body="<p>A new first paragraph.</p>")
    )

    assert response.status_code == HTTPStatus.OK
    answer = response.json()
    assert answer["saved"] is True
    assert len(answer["time"]) == 5  # "14:32"
    kept = Autosave.objects.get(article=mine, user=journalist)
    assert kept.content["body"] == "<p>A new first paragraph.</p>"
    assert kept.base_version == mine.version
    assert Article.objects.values().get(pk=mine.pk) == before
    assert mine.revisions.count() == 1


def test_one_autosave_per_writer_and_story_overwritten_in_place(
    client, journalist, mine
):
    client.force_login(journalist)
    for word in ("one", "two", "three"):
        client.post(autosave_url(mine), typed(mine, body=f"<p>Take {word}.</p>"))

    kept = Autosave.objects.get()
    assert kept.content["body"] == "<p>Take three.</p>"


def test_an_unchanged_form_keeps_nothing(client, journalist, mine):
    client.force_login(journalist)
    client.post(autosave_url(mine), typed(mine, body="<p>Changed.</p>"))

    response = client.post(autosave_url(mine), typed(mine))

    assert response.json() == {"saved": False}
    assert not Autosave.objects.exists()


def test_autosaving_a_live_story_changes_nothing_readers_see(
    client, journalist, live_mine
):
    reader = Client()
    page = reader.get(live_mine.get_absolute_url())
    assert page.status_code == HTTPStatus.OK
    clock = page_cache.read_clock()
    client.force_login(journalist)

    response = client.post(
        autosave_url(live_mine),
        typed(live_mine, headline="LEAKED draft headline", body="<p>Unchecked.</p>"),
    )

    assert response.json()["saved"] is True
    assert page_cache.read_clock() == clock, "an autosave purged the cache"
    again = reader.get(live_mine.get_absolute_url())
    assert without_tokens(again) == without_tokens(page)
    assertNotContains(again, "LEAKED")
    api = reader.get(f"/api/v1/stories/{live_mine.pk}/")
    assert "LEAKED" not in api.content.decode()
    assert not live_mine.revisions.pending().exists()
    live_mine.refresh_from_db()
    assert live_mine.headline == "Ferry timetable returns"


@pytest.mark.parametrize("who", ["other journalist", "moderator"])
def test_nobody_autosaves_into_a_story_they_may_not_change(client, mine, who):
    user = (
        UserFactory(username="other", role="Journalist")
        if who == "other journalist"
        else UserFactory(username="mod", role="Moderator")
    )
    client.force_login(user)

    response = client.post(autosave_url(mine), typed(mine, body="<p>Mine now.</p>"))

    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND)
    assert not Autosave.objects.exists()
    with pytest.raises(PermissionDenied):
        autosave.keep(mine, user, typed(mine, body="<p>Mine now.</p>"))
    assert not Autosave.objects.exists()


def test_a_moderator_cannot_start_a_new_story_copy(client, moderator):
    client.force_login(moderator)

    response = client.post(NEW_STORY, typed(headline="Not mine to write"))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Autosave.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client, mine):
    response = client.post(autosave_url(mine), typed(mine, body="<p>x</p>"))

    assert response.status_code == HTTPStatus.FOUND
    assert "/admin/login/" in response["Location"]
    assert not Autosave.objects.exists()


def test_autosave_needs_the_csrf_token(journalist, mine):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(journalist)
    page = browser.get(change_url(mine))
    token = page.cookies["csrftoken"].value if "csrftoken" in page.cookies else None
    token = token or browser.cookies["csrftoken"].value

    refused = browser.post(autosave_url(mine), typed(mine, body="<p>Forged.</p>"))
    assert refused.status_code == HTTPStatus.FORBIDDEN
    assert not Autosave.objects.exists()

    taken = browser.post(
        autosave_url(mine),
        typed(mine, body="<p>Real.</p>"),
        headers={"X-CSRFToken": token},
    )
    assert taken.status_code == HTTPStatus.OK
    assert Autosave.objects.get().content["body"] == "<p>Real.</p>"


@pytest.mark.parametrize(
    "bad",
    [
        {"section": "999999"},
        {"section": "not-a-number"},
        {"tags": ["424242"]},
        {"base_version": "yesterday"},
        {"base_version": "-3"},
        {"body": "x" * (autosave.MAX_BODY + 1)},
        {"headline": "h" * (autosave.MAX_LINE + 1)},
    ],
    ids=lambda bad: next(iter(bad)),
)
def test_bad_payloads_are_refused_and_nothing_is_written(client, journalist, mine, bad):
    client.force_login(journalist)

    response = client.post(autosave_url(mine), typed(mine, **bad))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    answer = response.json()
    assert answer["error"] == "The draft copy was not understood."
    assert set(answer["fields"]) == set(bad)
    assert not Autosave.objects.exists()


def test_an_empty_or_wrong_method_request_is_refused(client, journalist, mine):
    client.force_login(journalist)

    assert client.post(autosave_url(mine), {}).status_code == 400
    assert client.post(autosave_url(mine), {"dek": "x"}).status_code == 400
    assert client.get(autosave_url(mine)).status_code == 405
    assert not Autosave.objects.exists()


def test_hostile_html_is_cleaned_before_it_is_kept_and_when_restored(
    client, journalist, mine
):
    client.force_login(journalist)
    client.post(
        autosave_url(mine),
        typed(
            mine,
            body='<p onclick="steal()">Hi<script>alert(1)</script>'
            '<img src=x onerror="alert(2)"></p>',
        ),
    )

    kept = Autosave.objects.get()
    assert "script" not in kept.content["body"]
    assert "onerror" not in kept.content["body"]
    assert "onclick" not in kept.content["body"]
    # Even a copy written behind the sanitiser's back comes back clean.
    kept.content["body"] = '<p>Hi</p><script>alert("restored")</script>'
    kept.save()
    form = open_form(client, change_url(mine) + "?restore=autosave")
    assert "<script>" not in form.value("body")
    assert "Hi" in form.value("body")


def test_reopening_offers_the_unsaved_text_and_restoring_fills_the_form(
    client, journalist, mine
):
    section = SectionFactory(name="Climate", slug="climate")
    client.force_login(journalist)
    client.post(
        autosave_url(mine),
        typed(
            mine,
            headline="Tide tables rewritten after storm",
            body="<p>Words typed before the tab closed.</p>",
            section=str(section.pk),
        ),
    )

    page = client.get(change_url(mine))
    assertContains(page, "You have unsaved text in this story from")
    assertContains(page, "Restore the unsaved text from")
    form = change_form(page.content.decode())
    assert form.value("headline") == "Tide tables rewritten"  # not yet restored

    restored = client.get(change_url(mine) + "?restore=autosave")
    assertContains(restored, "The form holds your unsaved text from")
    form = change_form(restored.content.decode())
    assert form.value("headline") == "Tide tables rewritten after storm"
    assert "Words typed before the tab closed." in form.value("body")
    assert form.value("section") == str(section.pk)
    mine.refresh_from_db()
    assert mine.headline == "Tide tables rewritten"  # the story is untouched

    response = client.post(change_url(mine), form.data())

    assert response.status_code == HTTPStatus.FOUND
    mine.refresh_from_db()
    assert mine.headline == "Tide tables rewritten after storm"
    assert "Words typed before the tab closed." in mine.body
    assert not Autosave.objects.exists(), "saving clears the autosave"
    assertNotContains(client.get(change_url(mine)), "Restore the unsaved text")


def test_discard_forgets_the_unsaved_text(client, journalist, mine):
    client.force_login(journalist)
    client.post(autosave_url(mine), typed(mine, body="<p>Second thoughts.</p>"))

    response = client.post(
        reverse("admin:articles_article_autosave_discard", args=[mine.pk])
    )

    assert response.status_code == HTTPStatus.FOUND
    assert not Autosave.objects.exists()
    assert Article.objects.get(pk=mine.pk).body == mine.body


def test_a_live_story_restored_and_saved_waits_for_review(
    client, journalist, live_mine
):
    client.force_login(journalist)
    client.post(
        autosave_url(live_mine),
        typed(live_mine, body="<p>A correction of the ferry times.</p>"),
    )
    form = open_form(client, change_url(live_mine) + "?restore=autosave")

    response = client.post(change_url(live_mine), form.data())

    assert response.status_code == HTTPStatus.FOUND
    live_mine.refresh_from_db()
    assert "correction of the ferry times" not in live_mine.body
    waiting = live_mine.revisions.get(state=Revision.State.PENDING)
    assert "correction of the ferry times" in waiting.content["body"]
    assert not Autosave.objects.exists()


def test_restoring_text_older_than_a_later_save_meets_the_conflict_guard(
    client, journalist, editor, mine
):
    client.force_login(journalist)
    client.post(autosave_url(mine), typed(mine, body="<p>The writer's version.</p>"))
    mine.headline = "Editor's headline"
    mine.save()

    page = client.get(change_url(mine))
    assertContains(page, "The story was saved since")
    form = open_form(client, change_url(mine) + "?restore=autosave")
    response = client.post(change_url(mine), form.data())

    assert response.status_code == HTTPStatus.OK  # refused, shown again
    assertContains(response, "while you were editing it")
    mine.refresh_from_db()
    assert mine.headline == "Editor's headline"
    assert Autosave.objects.filter(user=journalist).exists(), "nothing lost"


def test_a_new_story_is_kept_before_its_first_save(client, journalist):
    section = SectionFactory(name="Science", slug="science")
    CorrespondentFactory(user=journalist, name="Amira Haddad")
    client.force_login(journalist)

    response = client.post(
        NEW_STORY,
        typed(headline="Glacier retreat doubles", body="<p>First paragraph.</p>"),
    )

    assert response.json()["saved"] is True
    kept = Autosave.objects.get(article=None, user=journalist)
    assert kept.content["headline"] == "Glacier retreat doubles"
    assert not Article.objects.exists()

    page = client.get(ADD)
    assertContains(page, "You have an unsaved new story from")
    assertContains(page, "Glacier retreat doubles")
    form = open_form(client, ADD + "?restore=autosave")
    assert form.value("headline") == "Glacier retreat doubles"
    assert "First paragraph." in form.value("body")

    response = client.post(
        ADD, form.data(slug="glacier-retreat-doubles", section=str(section.pk))
    )

    assert response.status_code == HTTPStatus.FOUND
    story = Article.objects.get()
    assert "First paragraph." in story.body
    assert not Autosave.objects.exists()


def test_an_empty_new_story_keeps_nothing(client, journalist):
    client.force_login(journalist)

    response = client.post(NEW_STORY, typed(body="<p></p>"))

    assert response.json() == {"saved": False}
    assert not Autosave.objects.exists()


def test_each_writer_has_their_own_copy(client, journalist, editor, mine):
    client.force_login(journalist)
    client.post(autosave_url(mine), typed(mine, body="<p>Writer's words.</p>"))
    client.force_login(editor)
    client.post(autosave_url(mine), typed(mine, body="<p>Editor's words.</p>"))

    assert Autosave.objects.count() == 2
    page = client.get(change_url(mine) + "?restore=autosave")
    assert "Editor's words." in change_form(page.content.decode()).value("body")


def test_a_writer_going_on_from_their_waiting_change_compares_against_it(
    client, journalist, live_mine
):
    client.force_login(journalist)
    form = open_form(client, change_url(live_mine))
    client.post(change_url(live_mine), form.data(body="<p>Waiting words.</p>"))
    waiting = live_mine.revisions.get(state=Revision.State.PENDING)

    same = client.post(
        autosave_url(live_mine),
        typed(live_mine, body=waiting.content["body"], dek=waiting.content["dek"]),
    )
    more = client.post(
        autosave_url(live_mine),
        typed(live_mine, body="<p>Waiting words, and more.</p>"),
    )

    assert same.json() == {"saved": False}
    assert more.json()["saved"] is True
    live_mine.refresh_from_db()
    assert "Waiting words" not in live_mine.body
