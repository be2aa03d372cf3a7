"""The client's address behind trusted proxies, and only behind them."""

import ipaddress

import pytest
from django.test import Client, RequestFactory

from blocks.clients import client_ip, parse_trusted_proxies
from comments.models import Comment
from tests.comment_helpers import comment_data, comments_url
from tests.factories import ArticleFactory

factory = RequestFactory()


def request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return factory.get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0

    assert client_ip(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_one_trusted_hop_takes_the_address_the_proxy_appended(settings):
    settings.TRUSTED_PROXIES = 1

    # The client forged the first entry; the proxy appended the real one.
    seen = client_ip(request("10.0.0.2", "1.2.3.4, 198.51.100.7"))

    assert seen == "198.51.100.7"


def test_trusted_networks_are_peeled_from_the_right(settings):
    settings.TRUSTED_PROXIES = parse_trusted_proxies("10.0.0.0/8, 192.168.1.5")

    assert client_ip(request("10.0.0.2", "1.2.3.4, 198.51.100.7, 192.168.1.5")) == (
        "198.51.100.7"
    )
    # A request straight from an untrusted address keeps that address.
    assert client_ip(request("203.0.113.9", "1.2.3.4")) == "203.0.113.9"


def test_a_direct_request_with_no_header_keeps_its_address(settings):
    settings.TRUSTED_PROXIES = 1

    assert client_ip(request("198.51.100.7")) == "198.51.100.7"


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("", 0),
        ("2", 2),
        ("10.0.0.0/8", (ipaddress.ip_network("10.0.0.0/8"),)),
    ],
)
def test_the_setting_reads_a_count_or_networks(value, parsed):
    assert parse_trusted_proxies(value) == parsed


@pytest.mark.django_db
def test_comment_limits_count_each_client_behind_the_proxy(settings):
    settings.TRUSTED_PROXIES = 1
    settings.COMMENT_MIN_SECONDS = 0
    settings.COMMENT_RATE_LIMIT = "2/m"
    article = ArticleFactory(published=True)

    def post(client_address, n):
        return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=client_address).post(
            comments_url(article),
            comment_data(body=f"Note {n}", email=f"r{n}@reader.example"),
        )

    first = [post("198.51.100.1", n).status_code for n in range(3)]
    second = post("198.51.100.2", 9).status_code

    assert first == [303, 303, 429]
    assert second == 303
    assert Comment.objects.count() == 3
