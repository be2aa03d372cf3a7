import os
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from newsroom import auth
from tests.comment_helpers import comments_url
from tests.factories import ArticleFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k3y-" + "x9Q!" * 16,
    "ALLOWED_HOSTS": "news.example.com",
    "EMAIL_URL": "smtp+tls://newsroom:secret@smtp.example.com:587",
}


def test_check_deploy_reports_nothing_with_production_settings():
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in (
            "DEBUG",
            "SECURE_SSL_REDIRECT",
            "SECURE_COOKIES",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        )
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env | PRODUCTION,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_public_pages_send_the_security_headers(client):
    article = ArticleFactory(published=True)

    response = client.get(article.get_absolute_url())

    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self';" in csp
    assert "unsafe-inline" not in csp and "nonce" not in csp
    assert "frame-ancestors 'none'" in csp and "report-uri /csp-report/" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_public_html_has_no_inline_script_or_style(client):
    import re

    article = ArticleFactory(published=True)
    for url in ["/", article.get_absolute_url(), "/search/?q=x", "/correspondents/"]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url  # so there is HTML to check
        html = response.content.decode()
        assert not re.search(
            r"<script(?![^>]*\b(src|type=\"application/ld\+json\"))[^>]*>", html
        ), url
        assert "<style" not in html and " style=" not in html, url
        assert not re.search(r"\son[a-z]+=", html), url


@pytest.mark.django_db
def test_admin_gets_its_own_policy(client, editor):
    client.force_login(editor)

    csp = client.get(reverse("admin:articles_article_add"))["Content-Security-Policy"]

    assert "'nonce-" in csp


@pytest.mark.django_db
def test_csp_reports_are_logged(client, caplog):
    response = client.post(
        "/csp-report/",
        data='{"csp-report": {"blocked-uri": "https://evil.example/x.js"}}',
        content_type="application/csp-report",
    )

    assert response.status_code == HTTPStatus.NO_CONTENT
    assert "csp violation" in caplog.text
    assert (
        client.post(
            "/csp-report/", data="not json", content_type="application/json"
        ).status_code
        == 400
    )


@pytest.mark.django_db
def test_login_is_throttled_per_account_with_a_clear_message(settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT = 3
    UserFactory(username="desk")
    client = Client()

    for _ in range(3):
        response = client.post(
            reverse("admin:login"), {"username": "desk", "password": "wrong"}
        )
        assertContains(response, "Please enter the correct username and password")
    locked = client.post(
        reverse("admin:login"), {"username": "desk", "password": "pass-word-123"}
    )

    assertContains(locked, "Too many failed sign-in attempts")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_is_throttled_per_address_across_accounts(settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 4
    UserFactory(username="victim")
    client = Client(REMOTE_ADDR="203.0.113.9")

    for n in range(4):
        client.post(reverse("admin:login"), {"username": f"guess{n}", "password": "x"})
    response = client.post(
        reverse("admin:login"), {"username": "victim", "password": "pass-word-123"}
    )

    assertContains(response, "Too many failed sign-in attempts")
    other = Client(REMOTE_ADDR="198.51.100.7").post(
        reverse("admin:login"), {"username": "victim", "password": "pass-word-123"}
    )
    assert other.status_code == HTTPStatus.FOUND  # another address still signs in


@pytest.mark.django_db
def test_successful_sign_in_clears_the_account_counter(settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT = 3
    UserFactory(username="desk")
    client = Client()
    client.post(reverse("admin:login"), {"username": "desk", "password": "wrong"})
    client.post(reverse("admin:login"), {"username": "desk", "password": "wrong"})

    client.post(
        reverse("admin:login"), {"username": "desk", "password": "pass-word-123"}
    )

    assert not auth.is_locked_out(None, "desk")


def test_password_validators_are_on(settings):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("password")
    with pytest.raises(ValidationError):
        validate_password("12345678901")


@pytest.mark.django_db
def test_uploads_are_served_as_images_only(client, media_root):
    (media_root / "articles").mkdir(parents=True)
    (media_root / "articles" / "evil.html").write_text("<script>alert(1)</script>")
    (media_root / "articles" / "photo.jpg").write_bytes(b"\xff\xd8\xff fake")

    assert client.get("/media/articles/evil.html").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/media/../manage.py").status_code == HTTPStatus.NOT_FOUND
    image = client.get("/media/articles/photo.jpg")
    assert image["Content-Type"] == "image/jpeg"
    assert image["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in image["Content-Security-Policy"]


@pytest.mark.django_db
def test_database_outage_is_a_friendly_503_without_a_traceback(monkeypatch):
    from articles import views

    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(views.HomeView, "get_context_data", down)
    client = Client(raise_request_exception=False)

    response = client.get("/")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response["Retry-After"] == "30"
    assertContains(response, "Back in a moment", status_code=503)
    assert (
        b"Traceback" not in response.content
        and b"OperationalError" not in response.content
    )


@pytest.mark.django_db
def test_comment_post_during_an_outage_says_it_was_not_saved(monkeypatch):
    from comments import views

    article = ArticleFactory(published=True)

    def down(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(views.spam, "assess", down)
    response = Client(raise_request_exception=False).post(
        comments_url(article), {"name": "x"}
    )

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assertContains(response, "Your comment was not saved", status_code=503)


@pytest.mark.django_db
def test_missing_csrf_token_is_a_clear_403(client):
    article = ArticleFactory(published=True)

    response = Client(enforce_csrf_checks=True).post(
        comments_url(article), {"name": "x"}
    )

    assertContains(response, "That form could not be sent", status_code=403)


@pytest.mark.django_db
def test_healthz_and_readyz(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {
        "database": "ok",
        "counters": "ok",
        "page_cache": "ok",
    }


def test_json_log_lines_carry_their_fields_and_no_traceback_leaks():
    import json
    import logging

    from newsroom.logs import JsonFormatter

    record = logging.makeLogRecord(
        {
            "name": "articles.models",
            "msg": "workflow transition",
            "levelno": 20,
            "levelname": "INFO",
            "article": 7,
            "to": "published",
        }
    )
    line = json.loads(JsonFormatter().format(record))

    assert line["message"] == "workflow transition"
    assert (line["article"], line["to"]) == (7, "published")


@pytest.mark.django_db
def test_transitions_and_moderation_are_logged(caplog, editor, moderator):
    from tests.factories import CommentFactory

    article = ArticleFactory()
    with caplog.at_level("INFO"):
        article.publish(by=editor)
        CommentFactory(article=article).approve(by=moderator)

    messages = [(r.name, r.getMessage()) for r in caplog.records]
    assert ("articles.models", "workflow transition") in messages
    assert ("comments.models", "comment moderated") in messages


@pytest.mark.django_db
def test_an_unexpected_error_is_a_plain_500_page(monkeypatch):
    from articles import views

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views.HomeView, "get_context_data", broken)

    response = Client(raise_request_exception=False).get("/")

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert b"Something went wrong on our side" in response.content
    assert b"secret internals" not in response.content
