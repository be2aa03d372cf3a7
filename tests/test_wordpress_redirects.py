import io
from http import HTTPStatus
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.workflow import Status

pytestmark = pytest.mark.django_db

WXR = Path(__file__).parent / "wxr"


@pytest.fixture(autouse=True)
def imported(db):
    call_command("import_wordpress", str(WXR / "site.xml"), stdout=io.StringIO())


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/?p=101", "/articles/harbour-strike-ends/"),
        ("/?p=150", "/about-us/"),  # WordPress answers ?p= for pages too
        ("/?page_id=150", "/about-us/"),
        ("/?cat=4", "/sections/europe/"),
        ("/?author=3", "/correspondents/daniel-reyes/"),
        ("/?feed=rss2", "/feed/"),
        ("/?feed=atom", "/feed/atom/"),
        ("/?cat=3&feed=rss2", "/sections/world/feed/"),
        ("/2024/03/05/harbour-strike-ends/", "/articles/harbour-strike-ends/"),
        ("/2024/03/harbour-strike-ends/", "/articles/harbour-strike-ends/"),
        ("/category/world/", "/sections/world/"),
        ("/category/world/europe/", "/sections/europe/"),
        ("/tag/shipping/", "/tags/shipping/"),
        ("/author/amara/", "/correspondents/amara/"),
        ("/author/daniel-reyes/", "/correspondents/daniel-reyes/"),
        ("/category/world/feed/", "/sections/world/feed/"),
        ("/category/world/europe/feed/", "/sections/europe/feed/"),
        ("/tag/shipping/feed/", "/feed/"),  # no tag feeds here: the site's
        ("/author/amara/feed/", "/correspondents/amara/feed/"),
        ("/comments/feed/", "/feed/"),
    ],
)
def test_old_wordpress_address_redirects_permanently(client, old, new):
    response = client.get(old)

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == new
    assert client.get(new).status_code == HTTPStatus.OK


def test_redirect_targets_are_the_models_own_addresses(client):
    assert client.get("/?p=101")["Location"] == reverse(
        "articles:detail", kwargs={"slug": "harbour-strike-ends"}
    )
    assert client.get("/category/politics/feed/")["Location"] == reverse(
        "articles:section_feed", kwargs={"slug": "politics"}
    )


@pytest.mark.parametrize(
    "old",
    [
        "/?p=102",  # scheduled for 2099
        "/?p=103",  # draft
        "/?p=104",  # in review
        "/?p=105",  # private
        "/2024/03/12/private-memo/",
        "/2024/03/10/unfinished-draft/",
    ],
)
def test_unpublished_posts_are_not_revealed(client, old):
    response = client.get(old)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Location" not in response


@pytest.mark.parametrize(
    "old",
    [
        "/?p=99999",
        "/?p=abc",
        "/?page_id=101",  # a post, not a page
        "/?cat=99",
        "/?author=99",
        "/2024/03/05/no-such-story/",
        "/category/nowhere/",
        "/category/nowhere/feed/",
        "/tag/nothing/",
        "/tag/nothing/feed/",
        "/author/nobody/",
        "/author/nobody/feed/",
    ],
)
def test_unknown_old_addresses_are_not_found(client, old):
    assert client.get(old).status_code == HTTPStatus.NOT_FOUND


def test_other_queries_on_the_home_page_are_left_alone(client):
    response = client.get("/?utm_source=newsletter")

    assert response.status_code == HTTPStatus.OK


def test_query_string_redirects_only_answer_on_the_home_page(client):
    response = client.get("/search/?p=101")

    assert response.status_code == HTTPStatus.OK


def test_post_becomes_reachable_by_its_old_address_once_published(client):
    Article.objects.filter(slug="unfinished-draft").update(
        status=Status.PUBLISHED, publish_at=timezone.now()
    )

    response = client.get("/?p=103")

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/articles/unfinished-draft/"
