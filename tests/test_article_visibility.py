from datetime import timedelta
from http import HTTPStatus

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


def test_published_returns_live_articles_only():
    live = ArticleFactory(published=True)
    ArticleFactory()  # draft
    ArticleFactory(scheduled=True)

    assert list(Article.objects.published()) == [live]


def test_scheduled_article_goes_live_when_its_time_comes(client, clock):
    article = ArticleFactory(
        scheduled=True, publish_at=clock.now + timedelta(hours=2), headline="Embargo"
    )
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert client.get(article.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    clock.advance(hours=2)

    assert Article.objects.published().filter(pk=article.pk).exists()
    assertContains(client.get(article.get_absolute_url()), "Embargo")


UNPUBLISHED = {
    "draft": {},
    "scheduled": {"scheduled": True},
    "in_review": {"status": "in_review"},
}


@pytest.mark.parametrize("state", [*UNPUBLISHED, "withdrawn"])
def test_unpublished_article_is_a_404_for_readers(client, editor, state):
    if state == "withdrawn":
        article = ArticleFactory(published=True, headline="Pulled story")
        article.withdraw(by=editor, note="Legal advice")
    else:
        article = ArticleFactory(headline="Pulled story", **UNPUBLISHED[state])

    response = client.get(article.get_absolute_url())

    assert response.status_code == HTTPStatus.NOT_FOUND
    assertNotContains(response, "Pulled story", status_code=HTTPStatus.NOT_FOUND)


def test_unpublished_articles_appear_on_no_public_surface(client):
    section = SectionFactory(name="Business")
    tag = TagFactory(name="Energy")
    person = CorrespondentFactory()
    common = {"section": section, "tags": [tag], "bylines": [person]}
    ArticleFactory(headline="Embargoed budget story", **common)
    ArticleFactory(headline="Tomorrow's scheduled scoop", scheduled=True, **common)
    ArticleFactory(headline="Council passes budget", published=True, **common)

    for url in [
        "/",
        section.get_absolute_url(),
        tag.get_absolute_url(),
        person.get_absolute_url(),
        "/feed/",
        "/feed/atom/",
        f"/sections/{section.slug}/feed/",
        "/sitemap-articles.xml",
        "/search/?q=budget",
    ]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assertContains(
            response,
            "Council passes budget" if "sitemap" not in url else "/articles/story-",
        )
        assertNotContains(response, "Embargoed")
        assertNotContains(response, "scheduled scoop")


def test_sitemap_lists_exactly_the_live_articles(client):
    live = ArticleFactory(published=True)
    draft = ArticleFactory()
    scheduled = ArticleFactory(scheduled=True)

    body = client.get("/sitemap-articles.xml").content.decode()

    assert live.get_absolute_url() in body
    assert draft.get_absolute_url() not in body
    assert scheduled.get_absolute_url() not in body
