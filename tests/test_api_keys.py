"""Rate limits: anonymous clients per address, partner keys with their own.

Keys are made by an administrator in the admin, shown once and stored as a
hash; a revoked or unknown key is refused, never treated as anonymous.
"""

from http import HTTPStatus

import pytest

from api.models import PartnerKey
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def make_key(rate="3/m", name="Newsletter"):
    key = PartnerKey(name=name, rate=rate)
    raw = key.issue()
    key.save()
    return key, {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def statuses(client, count, **headers):
    return [
        client.get("/api/v1/sections/", **headers).status_code for _ in range(count)
    ]


def test_anonymous_clients_are_limited_per_address(client, settings):
    settings.API_ANON_RATE = "2/m"

    first = statuses(client, 3, REMOTE_ADDR="203.0.113.5")
    other = statuses(client, 2, REMOTE_ADDR="203.0.113.6")
    refused = client.get("/api/v1/sections/", REMOTE_ADDR="203.0.113.5")

    assert first == [200, 200, 429] and other == [200, 200]
    assert refused.json()["error"]["code"] == "throttled"
    assert 0 < int(refused["Retry-After"]) <= 60


def test_behind_a_proxy_the_forwarded_address_is_limited(client, settings):
    settings.API_ANON_RATE = "1/m"
    settings.TRUSTED_PROXIES = 1

    a = statuses(client, 2, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    b = statuses(client, 1, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")

    assert a == [200, 429] and b == [200]


def test_a_partner_key_has_its_own_limit(client, settings):
    settings.API_ANON_RATE = "1/m"
    _key, headers = make_key(rate="3/m")
    _other, other_headers = make_key(rate="1/m", name="Archive")

    assert statuses(client, 4, **headers) == [200, 200, 200, 429]
    assert statuses(client, 2, **other_headers) == [200, 429]
    assert statuses(client, 2) == [200, 429]  # anonymous, same address


def test_limits_apply_to_answers_from_the_cache_too(client, settings):
    ArticleFactory(published=True)
    settings.API_ANON_RATE = "2/m"

    assert client.get("/api/v1/stories/")["X-Page-Cache"] == "miss"
    assert client.get("/api/v1/stories/")["X-Page-Cache"] == "hit"
    assert client.get("/api/v1/stories/").status_code == HTTPStatus.TOO_MANY_REQUESTS


@pytest.mark.parametrize(
    "header",
    ["Bearer nrk_not-a-real-key", "Bearer ", "Basic dXNlcjpwYXNz", "nrk_no_scheme"],
)
def test_a_bad_key_is_refused_not_taken_as_anonymous(client, header):
    response = client.get("/api/v1/sections/", HTTP_AUTHORIZATION=header)

    assert response.status_code == HTTPStatus.UNAUTHORIZED
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["error"]["code"] in ("authentication_failed",)


def test_a_revoked_key_stops_working_at_once(client):
    key, headers = make_key(rate="100/m")
    assert client.get("/api/v1/sections/", **headers).status_code == 200

    key.is_active = False
    key.save()

    assert client.get("/api/v1/sections/", **headers).status_code == 401


def test_admin_shows_a_new_key_once_and_keeps_only_its_hash(admin_client):
    response = admin_client.post(
        "/admin/api/partnerkey/add/",
        {"name": "Syndication partner", "rate": "600/m", "is_active": "on"},
    )

    assert response.status_code == HTTPStatus.OK
    assert "no-store" in response["Cache-Control"]
    raw = response.content.decode().split('<code class="shown-once">')[1].split("<")[0]
    key = PartnerKey.objects.get()
    assert raw.startswith("nrk_") and len(raw) > 40
    assert raw not in {key.name, key.prefix, key.hashed, key.rate}
    assert PartnerKey.find(raw) == key
    change = admin_client.get(f"/admin/api/partnerkey/{key.pk}/change/")
    listing = admin_client.get("/admin/api/partnerkey/")
    assert raw not in change.content.decode() + listing.content.decode()
    assert key.prefix in listing.content.decode()


def test_admin_refuses_a_malformed_rate(admin_client):
    response = admin_client.post(
        "/admin/api/partnerkey/add/", {"name": "Typo", "rate": "600 per minute"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "Write a rate as requests per period" in response.content.decode()
    assert not PartnerKey.objects.exists()


def test_only_administrators_manage_keys(client, editor):
    client.force_login(editor)

    assert client.get("/admin/api/partnerkey/").status_code == HTTPStatus.FORBIDDEN
    assert client.get("/admin/api/webhookendpoint/").status_code == 403
    assert client.get("/admin/api/delivery/").status_code == 403
