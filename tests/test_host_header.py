"""A request's Host header never reaches an address the cache keeps for all."""

import re
from http import HTTPStatus

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SHARED = [
    "/feed/",
    "/feed/atom/",
    "/sitemap.xml",
    "/sitemap-articles.xml",
    "/sitemap-news.xml",
    "/sitemap-sections.xml",
]
ADDRESS = re.compile(rb"https?://([^/<\"'\s]+)")


@pytest.fixture
def live_story():
    return ArticleFactory(published=True, headline="Harbour strike ends")


@pytest.mark.parametrize("path", SHARED)
def test_a_poisoning_host_is_not_served_to_the_next_reader(
    client, settings, live_story, path
):
    settings.ALLOWED_HOSTS = ["news.example", "localhost"]
    settings.SITE_URL = "https://news.example"

    poisoned = client.get(path, HTTP_HOST="localhost")
    reader = client.get(path, HTTP_HOST="news.example")

    for answer in (poisoned, reader):
        assert answer.status_code == HTTPStatus.OK
        hosts = set(ADDRESS.findall(answer.content)) - {
            b"www.sitemaps.org",
            b"www.google.com",
            b"www.w3.org",
            b"purl.org",
        }
        assert hosts == {b"news.example"}, (path, hosts)
