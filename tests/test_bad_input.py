"""Hostile and broken input everywhere: never a 500, a clear answer, nothing stored."""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Article
from comments.models import Comment
from library.models import Image as LibraryImage
from tests.comment_helpers import comment_data, comments_url, csrf_token, post_comment
from tests.factories import ArticleFactory, CorrespondentFactory, image_upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_comment_delays")]


def reader():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "path",
    [
        "/articles/" + "a" * 5000 + "/",
        "/articles/%00/",
        "/articles/..%2F..%2Fetc%2Fpasswd/",
        "/sections/%ff%fe/",
        "/tags/<script>/",
        "/correspondents/' OR 1=1 --/",
        "/media/../../etc/passwd",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/static/../manage.py",
        "/search/?q=%ff%fe%00",
        "/search/?q=" + "x" * 100_000,
        "/search/?section=%00&since=99999-99-99",
        "/sections/world/?page=99999999999999999999",
        "/sections/world/?page=-1",
        "/sections/world/?page=%00",
        "/?p=not-a-number",
        "/feed/?page=x",
        "/sitemap-nope.xml",
        "/sitemap-articles.xml?p=abc",
        "/preview/" + "A" * 3000 + "/",
        "/corrections/?page=last",
        "/admin/../articles/",
        "/%2e%2e/%2e%2e/",
    ],
)
def test_odd_urls_never_500(path):
    response = reader().get(path)

    assert response.status_code < 500, (path, response.status_code)


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options"])
def test_wrong_methods_are_refused(article, method):
    response = getattr(reader(), method)(comments_url(article))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("name", "Ada\x00Lovelace", "Null characters are not allowed."),
        ("body", "Hi\x00there", "Null characters are not allowed."),
        (
            "email",
            "ada@example.com\r\nBcc: victim@example.com",
            "Enter a valid email address.",
        ),
        ("email", "ada@@example..com", "Enter a valid email address."),
        (
            "email",
            "a" * 300 + "@example.com",
            "Ensure this value has at most 254 characters",
        ),
        ("name", "x" * 500, "Ensure this value has at most 80 characters"),
        ("body", "y" * 20000, "Ensure this value has at most 5000 characters"),
        ("parent", "1; DROP TABLE", "Enter a whole number."),
        ("name", "   ", "This field is required."),
        ("website", "https://spam.example", "Please leave the last field empty."),
    ],
)
def test_bad_comment_fields_get_a_message_and_store_nothing(
    article, field, value, message
):
    response = post_comment(reader(), article, **{field: value})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    assert Comment.objects.count() == 0


def test_invalid_utf8_in_a_form_is_answered_cleanly(article):
    body = b"name=%ff%fe&email=a%40b.example&body=%c3%28&started=x"
    response = reader().post(
        comments_url(article),
        data=body,
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert Comment.objects.count() == 0


def test_cross_site_origin_is_refused(article, settings):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    token = csrf_token(client.get(article.get_absolute_url()))

    response = client.post(
        comments_url(article),
        comment_data(csrfmiddlewaretoken=token),
        headers={"Origin": "https://evil.example"},
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        '<a href="javascript:alert(1)">x</a>',
        "<svg/onload=alert(1)>",
        "<iframe src=//evil.example>",
    ],
)
def test_hostile_html_in_every_admin_text_field_is_inert(client, editor, hostile):
    from tests.test_editorial_admin import form_data, saved

    article = ArticleFactory(published=True)
    client.force_login(editor)
    fields = {
        name: f"{name} {hostile}"
        for name in (
            "headline",
            "dek",
            "body",
        )
    }
    saved(
        client.post(
            reverse("admin:articles_article_change", args=[article.pk]),
            form_data(article, **fields),
        )
    )
    person = CorrespondentFactory(
        name=f"Name {hostile}",
        bio=f"Bio {hostile}",
        beat=f"Beat {hostile}",
        based_in=f"Town {hostile}",
    )
    ArticleFactory(published=True, bylines=[person])

    pages = [
        Client().get(article.get_absolute_url()),
        Client().get(person.get_absolute_url()),
        Client().get("/"),
        Client().get("/feed/"),
    ]

    article.refresh_from_db()
    assert article.headline.startswith("headline")
    for response in pages:
        html = response.content.decode()
        for needle in (
            "<script>alert",
            "<img src=x",
            '<a href="javascript:',
            "<svg/onload",
            "<iframe src=//evil",
        ):
            assert needle not in html, (response.request["PATH_INFO"], needle)


def library_upload(client, file, **words):
    return client.post(
        reverse("admin:library_image_add"),
        {"file": file, "alt": "x", "focal_x": "0.5", "focal_y": "0.5", **words},
    )


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("x.jpg", b"GIF89a<script>alert(1)</script>", "image/jpeg"),
        SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        SimpleUploadedFile("x.svg", b"<svg onload=alert(1)></svg>", "image/svg+xml"),
        SimpleUploadedFile("x.php.jpg", b"<?php echo 1; ?>", "image/jpeg"),
    ],
    ids=["script-as-jpg", "truncated-png", "svg", "php"],
)
def test_bad_uploads_are_refused_with_a_message(client, editor, upload):
    client.force_login(editor)

    response = library_upload(client, upload)

    assert response.status_code == HTTPStatus.OK
    assert "Upload a valid image." in response.content.decode()
    assert not LibraryImage.objects.exists()


def test_a_bomb_upload_through_the_admin_is_refused(client, editor):
    from tests.test_image_uploads import _png_header_claiming

    client.force_login(editor)

    response = library_upload(
        client,
        SimpleUploadedFile("b.png", _png_header_claiming(60000, 60000), "image/png"),
    )

    # Django's own image check (Pillow's bomb guard) refuses it first.
    assertContains(response, "Upload a valid image.")
    assert not LibraryImage.objects.exists()


def test_an_oversized_request_body_is_a_4xx(article):
    response = reader().post(
        comments_url(article),
        data="body=" + "x" * (6 * 1024 * 1024),
        content_type="application/x-www-form-urlencoded",
    )

    assert 400 <= response.status_code < 500
    assert Comment.objects.count() == 0


def test_admin_form_with_bad_values_re_renders(client, editor):
    from tests.test_editorial_admin import form_data

    article = ArticleFactory()
    client.force_login(editor)

    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        form_data(
            article,
            slug="not a slug!",
            headline="",
            section="99999",
            publish_at_0="31/31/2026",
        ),
    )

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "This field is required." in content
    assert "Enter a valid “slug”" in content
    assert Article.objects.get(pk=article.pk).slug == article.slug


def test_image_upload_accepted_when_real(client, editor):
    client.force_login(editor)

    response = library_upload(client, image_upload(1600, 900), alt="A ferry at dawn")

    assert response.status_code == HTTPStatus.FOUND
    image = LibraryImage.objects.get()
    assert image.file and image.width == 1600 and image.alt == "A ferry at dawn"
