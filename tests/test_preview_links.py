import importlib
import io
import logging
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core import signing
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles import preview
from articles.models import Article
from articles.workflow import Status
from tests.factories import ArticleFactory, CorrespondentFactory

pytestmark = pytest.mark.django_db


def link(article) -> str:
    """The path of a fresh preview link, as the reviewer's browser asks for it."""
    return urlsplit(preview.make_url(article)).path


def token_of(path: str) -> str:
    return path.removeprefix("/preview/").removesuffix("/")


@pytest.fixture
def console_log():
    """What the console handler of settings.LOGGING writes, as text."""
    handler = logging.getHandlerByName("console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_valid_link_shows_the_draft_marked_and_uncached(client):
    draft = ArticleFactory(headline="Embargoed investigation")

    response = client.get(link(draft))

    assertContains(response, "Embargoed investigation")
    assertContains(response, "Preview.")
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_expired_link_is_refused(client, settings):
    draft = ArticleFactory()
    url = link(draft)
    settings.PREVIEW_LINK_MAX_AGE = -1

    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_tampered_link_is_refused(client):
    draft, other = ArticleFactory(), ArticleFactory(headline="Another secret draft")
    forged = token_of(link(draft)).replace(f"{draft.pk}:", f"{other.pk}:", 1)

    response = client.get(f"/preview/{forged}/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert b"Another secret draft" not in response.content


def test_token_for_another_purpose_is_refused(client):
    draft = ArticleFactory()
    token = signing.TimestampSigner(salt="something-else").sign(str(draft.pk))

    assert client.get(f"/preview/{token}/").status_code == HTTPStatus.NOT_FOUND


def test_link_signed_without_the_story_secret_is_refused(client):
    draft = ArticleFactory(headline="Secret-less forgery")
    token = signing.TimestampSigner(salt=preview.SALT).sign(str(draft.pk))

    response = client.get(f"/preview/{token}/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assertNotContains(response, "Secret-less forgery", status_code=404)


@pytest.mark.parametrize("token", ["x", "12", "12:", ":::", "abc:def:ghi", "9" * 40])
def test_malformed_token_is_a_plain_not_found(client, token):
    ArticleFactory()

    assert client.get(f"/preview/{token}/").status_code == HTTPStatus.NOT_FOUND


def test_each_story_has_its_own_secret():
    first, second = ArticleFactory(), ArticleFactory()

    assert first.preview_secret and second.preview_secret
    assert first.preview_secret != second.preview_secret


def test_withdrawing_a_story_stops_its_links(client, editor):
    story = ArticleFactory(published=True, headline="Story pulled for legal review")
    url = link(story)
    secret = story.preview_secret
    assertContains(client.get(url), "Story pulled for legal review")

    story.withdraw(by=editor, note="Legal")

    response = client.get(url)
    assert response.status_code == HTTPStatus.NOT_FOUND
    assertNotContains(response, "Story pulled for legal review", status_code=404)
    story.refresh_from_db()
    assert story.preview_secret != secret


def test_withdrawn_story_is_not_previewed_even_with_a_fresh_link(client, editor):
    story = ArticleFactory(published=True, headline="Withdrawn for good")
    story.withdraw(by=editor, note="Legal")

    response = client.get(link(story))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assertNotContains(response, "Withdrawn for good", status_code=404)


def test_story_back_in_draft_after_withdrawal_gets_new_links(client, editor):
    story = ArticleFactory(published=True, headline="Reworked story")
    old_url = link(story)
    story.withdraw(by=editor, note="Legal")
    story.return_to_draft(by=editor, note="Rework")

    assert client.get(old_url).status_code == HTTPStatus.NOT_FOUND
    assertContains(client.get(link(story)), "Reworked story")


def test_rotating_one_story_leaves_other_stories_links_working(client):
    first, second = ArticleFactory(), ArticleFactory(headline="Unaffected draft")
    second_url = link(second)

    first.rotate_preview_secret()

    assertContains(client.get(second_url), "Unaffected draft")


def test_editor_creates_a_link_in_the_admin_and_journalist_cannot(
    client, editor, journalist
):
    draft = ArticleFactory(bylines=[CorrespondentFactory(user=journalist)])
    url = reverse("admin:articles_article_preview_link", args=[draft.pk])

    client.force_login(editor)
    assertContains(client.post(url, follow=True), "/preview/")
    client.force_login(journalist)
    assert client.post(url).status_code == HTTPStatus.FORBIDDEN


def test_no_link_is_made_for_a_withdrawn_story(client, editor):
    story = ArticleFactory(published=True)
    story.withdraw(by=editor, note="Legal")
    client.force_login(editor)

    response = client.post(
        reverse("admin:articles_article_preview_link", args=[story.pk]), follow=True
    )

    assertContains(response, preview.WITHDRAWN_NOT_PREVIEWED)
    assertNotContains(response, "/preview/")


def test_editor_revokes_links_from_the_change_form(client, editor, caplog):
    draft = ArticleFactory(headline="Draft shared too widely")
    old_url = link(draft)
    client.force_login(editor)
    change = client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    revoke = reverse("admin:articles_article_revoke_preview_links", args=[draft.pk])
    assertContains(change, f'action="{revoke}"')
    assertContains(change, "Revoke preview links")

    with caplog.at_level(logging.INFO, logger="articles.preview"):
        response = client.post(revoke, follow=True)

    assertContains(response, preview.REVOKED)
    client.logout()
    assert client.get(old_url).status_code == HTTPStatus.NOT_FOUND
    draft.refresh_from_db()
    assertContains(client.get(link(draft)), "Draft shared too widely")
    [record] = [r for r in caplog.records if r.name == "articles.preview"]
    assert (record.getMessage(), record.article, record.actor) == (
        "preview links revoked",
        draft.pk,
        "editor",
    )


def test_journalist_cannot_revoke_links(client, journalist):
    draft = ArticleFactory(bylines=[CorrespondentFactory(user=journalist)])
    url = link(draft)
    client.force_login(journalist)

    change = client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    response = client.post(
        reverse("admin:articles_article_revoke_preview_links", args=[draft.pk])
    )

    assertNotContains(change, "Revoke preview links")
    assert response.status_code == HTTPStatus.FORBIDDEN
    client.logout()
    assert client.get(url).status_code == HTTPStatus.OK


def test_revoking_needs_a_post(client, editor):
    draft = ArticleFactory()
    url = link(draft)
    client.force_login(editor)

    response = client.get(
        reverse("admin:articles_article_revoke_preview_links", args=[draft.pk])
    )

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    client.logout()
    assert client.get(url).status_code == HTTPStatus.OK


def test_existing_stories_get_distinct_secrets_in_the_migration():
    migration = importlib.import_module(
        "articles.migrations.0006_article_preview_secret"
    )
    stories = ArticleFactory.create_batch(3)
    Article.objects.update(preview_secret="same-for-all")

    migration.give_each_story_a_secret(apps, None)

    secrets = set(Article.objects.values_list("preview_secret", flat=True))
    assert len(secrets) == len(stories) and "same-for-all" not in secrets


def test_preview_tokens_stay_out_of_the_request_log(client, console_log, caplog):
    draft = ArticleFactory()
    good = token_of(link(draft))
    draft.rotate_preview_secret()  # the same token is now refused: a 404

    with caplog.at_level(logging.INFO):
        client.get(f"/preview/{good}/")
        client.get(f"/preview/{good}/?key={good}")

    written = console_log.getvalue()
    assert "/preview/" in written  # the requests were logged ...
    assert good not in written and good.rsplit(":", 1)[-1] not in written  # ... bare
    for record in caplog.records:
        assert good.rsplit(":", 1)[-1] not in str(getattr(record, "path", ""))


@pytest.mark.parametrize(
    ("logged", "kept"),
    [
        ("/preview/12:1u0abc:sig-nature/", "/preview/[redacted]/"),
        ("Not Found: /preview/12:1u0abc:sig/", "Not Found: /preview/[redacted]/"),
        (
            '"GET /preview/1:a:b/?x=1 HTTP/1.1" 404',
            '"GET /preview/[redacted]/?x=1 HTTP/1.1" 404',
        ),
        ("/search/?q=budget&token=abc123", "/search/?q=budget&token=[redacted]"),
        ("/articles/story/", "/articles/story/"),
    ],
)
def test_secrets_in_paths_are_redacted(logged, kept):
    from newsroom import logs

    assert logs.redact(logged) == kept


def test_withdrawn_status_is_what_blocks_links():
    assert not preview.may_be_previewed(ArticleFactory.build(status=Status.WITHDRAWN))
    assert preview.may_be_previewed(ArticleFactory.build(status=Status.DRAFT))
