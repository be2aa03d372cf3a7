"""Filters and cursor pagination over 1,000 live stories.

Every page costs the same number of queries however deep it is, every live
story comes exactly once in a stable order, and filters select exactly the
stories they name.
"""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Byline, Section, Tag
from articles.workflow import Status
from tests.factories import ArticleFactory, CorrespondentFactory

pytestmark = pytest.mark.django_db

LIVE = 1000


@pytest.fixture
def archive(settings):
    """1,000 live stories (three share each minute), plus drafts and
    scheduled ones, made in bulk as the bench does."""
    settings.PAGE_CACHE_SECONDS = 0  # count the database's work, not the cache's
    world, business = (
        Section.objects.create(name="World", slug="world"),
        Section.objects.create(name="Business", slug="business"),
    )
    tags = [Tag.objects.create(name=f"Topic {n}", slug=f"topic-{n}") for n in range(3)]
    people = [CorrespondentFactory(slug=f"writer-{n}") for n in range(2)]
    now = timezone.now().replace(microsecond=0)
    stories = [
        Article(
            headline=f"Story {n}",
            slug=f"archive-{n}",
            body="<p>Harbour news.</p>" if n % 10 == 0 else "<p>Other news.</p>",
            section=world if n % 2 else business,
            status=Status.PUBLISHED,
            publish_at=now - timedelta(minutes=1 + n // 3),
            first_published_at=now - timedelta(minutes=1 + n // 3),
        )
        for n in range(LIVE)
    ]
    stories += [
        Article(
            headline=f"Hidden {n}",
            slug=f"hidden-{n}",
            section=world,
            status=Status.DRAFT if n % 2 else Status.PUBLISHED,
            publish_at=None if n % 2 else now + timedelta(hours=1),
        )
        for n in range(40)
    ]
    Article.objects.bulk_create(stories, batch_size=500)
    Article.objects.update(updated_at=F("created_at"))
    Article.objects.update_search_vectors()  # bulk_create skips save(); PostgreSQL
    rows = list(Article.objects.order_by("id"))
    Byline.objects.bulk_create(
        Byline(article=story, correspondent=people[n % 2])
        for n, story in enumerate(rows)
    )
    Article.tags.through.objects.bulk_create(
        Article.tags.through(article=story, tag=tags[n % 3])
        for n, story in enumerate(rows)
    )
    # Changed at scattered times, some at the same instant.
    for n, story in enumerate(rows[:LIVE]):
        if n % 7 == 0:
            Article.objects.filter(pk=story.pk).update(
                updated_at=now - timedelta(minutes=n % 50)
            )
    return {"sections": (world, business), "tags": tags, "people": people}


def walk(client, address):
    """Every page from `address` on: the stories, and each page's query count."""
    seen, counts = [], []
    while address:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address)
        assert response.status_code == 200, response.content[:300]
        body = response.json()
        seen += body["results"]
        counts.append(len(queries))
        address = body["next"] and _path(body["next"])
    return seen, counts


def _path(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def newest_first(rows):
    return [s.pk for s in rows.order_by("-publish_at", "-id")]


def test_paging_through_every_live_story_in_constant_queries(client, archive):
    seen, counts = walk(client, "/api/v1/stories/?limit=100")

    assert [s["id"] for s in seen] == newest_first(Article.objects.published())
    assert len(seen) == LIVE
    assert len(counts) == 10
    assert len(set(counts)) == 1 and counts[0] <= 5, counts

    _small, small_counts = walk(client, "/api/v1/stories/?limit=7&section=world")
    assert set(small_counts) == set(counts)


@pytest.mark.parametrize("kind", ["section", "tag", "correspondent"])
def test_each_filter_selects_exactly_its_stories(client, archive, kind):
    if kind == "section":
        value, expected = "business", Article.objects.filter(section__slug="business")
    elif kind == "tag":
        value, expected = "topic-1", Article.objects.filter(tags__slug="topic-1")
    else:
        person = archive["people"][0]
        value = person.slug
        expected = Article.objects.filter(bylines__correspondent=person)

    seen, counts = walk(client, f"/api/v1/stories/?{kind}={value}&limit=100")

    assert [s["id"] for s in seen] == newest_first(expected.published())
    assert len(set(counts)) == 1


def test_updated_since_with_updated_order_keeps_a_copy_in_step(client, archive):
    since = timezone.now() - timedelta(minutes=20)
    stamp = since.isoformat().replace("+", "%2B")

    seen, counts = walk(
        client, f"/api/v1/stories/?updated_since={stamp}&ordering=updated&limit=25"
    )

    expected = Article.objects.published().filter(updated_at__gte=since)
    assert expected.count() > 25
    assert [s["id"] for s in seen] == [
        s.pk for s in expected.order_by("updated_at", "id")
    ]
    assert len(set(counts)) == 1


def test_search_filter_pages_like_any_other(client, archive):
    seen, _counts = walk(client, "/api/v1/stories/?q=harbour&limit=30")

    assert len(seen) == LIVE // 10
    assert all(s["body_html"] == "<p>Harbour news.</p>" for s in seen)


def test_stories_published_mid_walk_cause_no_repeat_or_gap(client, archive):
    first = client.get("/api/v1/stories/?limit=50").json()
    ArticleFactory(
        published=True,
        headline="Breaking while you page",
        slug="breaking",
        publish_at=timezone.now(),
    )
    Article.objects.filter(pk=first["results"][-1]["id"]).update(
        status=Status.WITHDRAWN
    )  # one already seen leaves

    rest, _counts = walk(client, _path(first["next"]))

    ids = [s["id"] for s in first["results"] + rest]
    assert len(ids) == len(set(ids)) == LIVE
    assert "Breaking while you page" not in {s["headline"] for s in rest}


def test_a_cursor_is_tied_to_its_order(client, archive):
    page = client.get("/api/v1/stories/?limit=5").json()
    cursor = page["next"].split("cursor=")[1].split("&")[0]

    response = client.get(f"/api/v1/stories/?ordering=updated&cursor={cursor}")

    assert response.status_code == 400
    assert "cursor" in response.json()["error"]["fields"]
