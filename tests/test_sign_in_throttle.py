"""Sign-in throttling that holds, and that nobody can turn against staff."""

from http import HTTPStatus

import pytest
from django.test import Client, override_settings
from pytest_django.asserts import assertContains

from newsroom import auth
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
RIGHT = "pass-word-123"


def sign_in(username, password, address="203.0.113.9", **headers):
    return Client(REMOTE_ADDR=address, **headers).post(
        LOGIN, {"username": username, "password": password}
    )


@pytest.fixture
def moderator_account(settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT = 5
    settings.LOGIN_FAILURES_PER_ADDRESS = 20
    return UserFactory(username="moderator")


def test_a_fullwidth_spelling_is_the_same_account(moderator_account):
    for _ in range(5):
        sign_in("moderator", "wrong")

    fullwidth = sign_in("ｍｏｄｅｒａｔｏｒ", RIGHT)

    assertContains(fullwidth, "Too many failed sign-in attempts")
    assert "_auth_user_id" not in fullwidth.client.session


def test_failures_under_another_spelling_count_for_the_account(moderator_account):
    for _ in range(5):
        sign_in("ｍｏｄｅｒａｔｏｒ", "wrong")

    assertContains(sign_in("moderator", RIGHT), "Too many failed sign-in attempts")


def test_a_stranger_cannot_lock_the_real_moderator_out(moderator_account):
    for _ in range(30):
        sign_in("moderator", "wrong", address="198.51.100.66")

    from_the_office = sign_in("moderator", RIGHT, address="192.0.2.10")

    assert from_the_office.status_code == HTTPStatus.FOUND
    assertContains(
        sign_in("moderator", RIGHT, address="198.51.100.66"),
        "Too many failed sign-in attempts",
    )


def test_one_address_cannot_walk_through_every_account(settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 6
    UserFactory(username="editor")
    for n in range(6):
        sign_in(f"guess{n}", "wrong")

    assertContains(sign_in("editor", RIGHT), "Too many failed sign-in attempts")
    assert sign_in("editor", RIGHT, address="192.0.2.10").status_code == (
        HTTPStatus.FOUND
    )


def test_behind_a_trusted_proxy_each_client_is_counted_apart(
    moderator_account, settings
):
    settings.TRUSTED_PROXIES = 1
    proxy = "10.0.0.2"
    for _ in range(10):
        sign_in("moderator", "wrong", address=proxy, HTTP_X_FORWARDED_FOR="1.2.3.4")

    staff = sign_in(
        "moderator", RIGHT, address=proxy, HTTP_X_FORWARDED_FOR="192.0.2.10"
    )

    assert staff.status_code == HTTPStatus.FOUND


def test_a_lockout_lasts_its_whole_window_then_lifts(
    moderator_account, settings, clock
):
    settings.LOGIN_LOCKOUT_SECONDS = 15 * 60
    for _ in range(5):
        sign_in("moderator", "wrong")

    clock.advance(seconds=14 * 60)
    assert auth.is_locked_out(None, "moderator") is False  # no address: another pair
    assertContains(sign_in("moderator", RIGHT), "Too many failed sign-in attempts")
    clock.advance(seconds=2 * 60)
    assert sign_in("moderator", RIGHT).status_code == HTTPStatus.FOUND


def test_counts_do_not_depend_on_any_cache(moderator_account):
    dead = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
    with override_settings(CACHES={"default": dead, "counters": dead}):
        for _ in range(5):
            sign_in("moderator", "wrong")
        locked = sign_in("moderator", RIGHT)

    assertContains(locked, "Too many failed sign-in attempts")
