from http import HTTPStatus

import pytest
from django.core import signing
from pytest_django.asserts import assertContains

from articles import preview
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_valid_link_shows_the_draft_marked_and_uncached(client):
    draft = ArticleFactory(headline="Embargoed investigation")

    response = client.get(preview.make_url(draft).replace("http://127.0.0.1:8000", ""))

    assertContains(response, "Embargoed investigation")
    assertContains(response, "Preview.")
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_expired_link_is_refused(client, settings):
    draft = ArticleFactory()
    url = preview.make_url(draft).replace("http://127.0.0.1:8000", "")
    settings.PREVIEW_LINK_MAX_AGE = -1

    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_tampered_link_is_refused(client):
    draft, other = ArticleFactory(), ArticleFactory(headline="Another secret draft")
    token = signing.TimestampSigner(salt=preview.SALT).sign(f"{draft.pk}:{draft.slug}")
    forged = token.replace(f"{draft.pk}:", f"{other.pk}:", 1)

    response = client.get(f"/preview/{forged}/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert b"Another secret draft" not in response.content


def test_token_for_another_purpose_is_refused(client):
    draft = ArticleFactory()
    token = signing.TimestampSigner(salt="something-else").sign(
        f"{draft.pk}:{draft.slug}"
    )

    assert client.get(f"/preview/{token}/").status_code == HTTPStatus.NOT_FOUND


def test_editor_creates_a_link_in_the_admin_and_journalist_cannot(
    client, editor, journalist
):
    from django.urls import reverse

    from tests.factories import CorrespondentFactory

    draft = ArticleFactory(bylines=[CorrespondentFactory(user=journalist)])
    url = reverse("admin:articles_article_preview_link", args=[draft.pk])

    client.force_login(editor)
    assertContains(client.post(url, follow=True), "/preview/")
    client.force_login(journalist)
    assert client.post(url).status_code == HTTPStatus.FORBIDDEN
