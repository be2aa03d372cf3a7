"""pagecache/csrf.py makes the comment form's tokens that Django's CSRF middleware checks."""

from collections import Counter

import pytest
from django.middleware.csrf import CSRF_ALLOWED_CHARS, _unmask_cipher_token
from django.test import Client, RequestFactory

from pagecache import csrf
from tests.comment_helpers import comment_data, comments_url, csrf_token, started
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_reader_without_a_cookie_gets_a_new_secret_that_the_token_masks():
    request = RequestFactory().get("/")

    token = csrf.get_token(request)

    secret = request.META["CSRF_COOKIE"]
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    assert len(secret) == 32 and len(token) == 64
    assert set(secret + token) <= set(CSRF_ALLOWED_CHARS)
    assert _unmask_cipher_token(token) == secret


def test_a_reader_with_a_cookie_keeps_their_secret_under_a_fresh_mask():
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = secret = "a" * 16 + "Z9" * 8

    first, second = csrf.get_token(request), csrf.get_token(request)

    assert request.META["CSRF_COOKIE"] == secret
    assert first != second
    assert _unmask_cipher_token(first) == _unmask_cipher_token(second) == secret


def test_every_character_is_drawn_about_equally_often():
    draws = Counter(
        "".join(csrf.get_token(RequestFactory().get("/")) for _ in range(2000))
    )

    # 128,000 characters over 62 values: about 2,065 each. Taking every byte
    # modulo 62 (without dropping the top 8 values) would give the first
    # eight characters about 2,500 each.
    assert set(draws) == set(CSRF_ALLOWED_CHARS)
    assert max(draws.values()) < 2300
    assert min(draws.values()) > 1830


def test_the_middleware_accepts_a_posted_token_and_refuses_a_tampered_one(
    no_comment_delays,
):
    article = ArticleFactory(published=True)
    reader = Client(enforce_csrf_checks=True)
    token = csrf_token(reader.get(article.get_absolute_url()))
    form = comment_data(started=started(client=reader))
    url = comments_url(article)

    tampered = token[:40] + ("b" if token[40] == "a" else "a") + token[41:]
    refused = reader.post(url, {**form, "csrfmiddlewaretoken": tampered})
    accepted = reader.post(url, {**form, "csrfmiddlewaretoken": token})

    assert refused.status_code == 403
    assert accepted.status_code == 303
    assert article.comments.count() == 1
