"""The story page with nothing cached: its prepared queries and its query budget."""

from datetime import timedelta

import pytest
from django.db.models import Prefetch, prefetch_related_objects
from django.test import Client
from django.utils import timezone

from articles import page_parts
from articles.models import RELATED_WINDOW, Article, Byline
from authors.models import PreviousOutlet
from blocks.prepared import Prepared
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    CorrespondentFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_cached(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture
def desk(editor):
    """Two stories with their own people, tags and comments, and some around."""
    science, world = SectionFactory(name="Science"), SectionFactory(name="World")
    vents, reefs, ports = (TagFactory(name=n) for n in ("Vents", "Reefs", "Ports"))
    ana, ben, cy = (
        CorrespondentFactory(name=n) for n in ("Ana Ruiz", "Ben Oyelaran", "Cy Lam")
    )
    PreviousOutlet.objects.create(correspondent=ana, outlet="The Coast Herald", order=1)
    PreviousOutlet.objects.create(correspondent=ana, outlet="Radio Lagoa", order=0)
    PreviousOutlet.objects.create(correspondent=cy, outlet="Delta Weekly")
    first = ArticleFactory(
        published=True,
        section=science,
        bylines=[ana, ben],
        tags=[vents, reefs],
        headline="Vents mapped",
    )
    first.add_correction(by=editor, kind="update", note="Depth figures corrected.")
    second = ArticleFactory(
        published=True,
        section=world,
        bylines=[cy],
        tags=[ports],
        headline="Ports reopen",
    )
    ArticleFactory(
        published=True, section=science, tags=[reefs], headline="Reef survey"
    )
    ArticleFactory(
        published=True, section=world, tags=[vents, reefs], headline="Vent law"
    )
    ArticleFactory(published=True, section=world, headline="Unrelated elections")
    old = ArticleFactory(
        published=True, section=science, tags=[vents], headline="Old vents"
    )
    Article.objects.filter(pk=old.pk).update(
        publish_at=timezone.now() - RELATED_WINDOW - timedelta(days=5)
    )
    for n in range(20):
        CommentFactory(article=first, approved=True, body=f"First thread remark {n}.")
    CommentFactory(article=second, approved=True, body="Second thread remark.")
    CommentFactory(article=first, body="Still waiting for a moderator.")
    return {"first": first, "second": second}


def orm_parts(article):
    """What the page read before its queries were prepared, for comparison."""
    article = Article.objects.get(pk=article.pk)
    prefetch_related_objects(
        [article],
        Prefetch(
            "bylines",
            queryset=Byline.objects.select_related("correspondent").prefetch_related(
                "correspondent__outlets"
            ),
        ),
        "tags",
        "corrections",
    )
    return article


def test_prepared_parts_are_what_the_orm_reads(desk, django_assert_num_queries):
    for story in (desk["first"], desk["second"], desk["first"]):
        expected = orm_parts(story)
        article = Article.objects.get_for_page(story.slug)

        with django_assert_num_queries(4):
            page_parts.load(article)
        with django_assert_num_queries(0):
            bylines = list(article.bylines.all())
            outlets = [list(b.correspondent.outlets.all()) for b in bylines]
            tags = list(article.tags.all())
            corrections = list(article.corrections.all())

        assert bylines == list(expected.bylines.all())
        assert [b.correspondent.name for b in bylines] == [
            b.correspondent.name for b in expected.bylines.all()
        ]
        assert outlets == [
            list(b.correspondent.outlets.all()) for b in expected.bylines.all()
        ]
        assert tags == list(expected.tags.all())
        assert corrections == list(expected.corrections.all())
        # Filtering still narrows to this story, as a prefetched manager does.
        assert list(article.bylines.filter(position=0)) == bylines[:1]


def test_related_stories_match_the_orm_query(desk):
    first = Article.objects.get_for_page(desk["first"].slug)

    related = first.related()

    assert [a.headline for a in related] == ["Vent law", "Reef survey"]
    assert related[0].shared == 2 and related[0].section.name == "World"
    # Outside the window, withdrawn or the story itself: never related.
    second = Article.objects.get_for_page(desk["second"].slug)
    assert [a.headline for a in second.related()] == [
        "Unrelated elections",
        "Vent law",
    ]


def test_a_story_without_a_section_still_finds_related_ones(desk):
    tag = desk["first"].tags.first()
    loose = ArticleFactory(published=True, tags=[tag])
    Article.objects.filter(pk=loose.pk).update(section=None)  # bulk-loaded, say

    related = Article.objects.get_for_page(loose.slug).related()

    assert "Vent law" in [a.headline for a in related]


def test_a_value_missing_from_the_sql_is_refused():
    def ignores_its_value(pk):
        return Article.objects.all()

    with pytest.raises(ValueError, match="pk not among its parameters"):
        Prepared(ignores_its_value, pk=int)(pk=1)


def test_only_ints_strings_and_datetimes_can_be_prepared():
    with pytest.raises(TypeError):
        Prepared(lambda ids: Article.objects.filter(pk__in=ids), ids=list)


def test_cold_story_page_fits_its_query_budget(desk, django_assert_max_num_queries):
    client = Client()
    for story in (desk["first"], desk["second"]):
        # story, bylines, outlets, tags, corrections, related, sections, comments
        with django_assert_max_num_queries(8):
            response = client.get(story.get_absolute_url())
        assert response.status_code == 200
    page = client.get(desk["first"].get_absolute_url()).content.decode()
    assert page.count('class="comment"') == 20
    assert "First thread remark 19." in page and "Second thread remark" not in page
    assert "Still waiting" not in page
    assert "The Coast Herald" in page and "Radio Lagoa" in page
    assert "Delta Weekly" not in page
    assert "Depth figures corrected." in page
    assert page.index("Radio Lagoa") < page.index("The Coast Herald")


def test_each_story_page_shows_its_own_parts(desk):
    client = Client()
    first = client.get(desk["first"].get_absolute_url()).content.decode()
    second = client.get(desk["second"].get_absolute_url()).content.decode()

    assert "Delta Weekly" in second and "The Coast Herald" not in second
    assert "Second thread remark." in second and "First thread remark" not in second
    assert "Ana Ruiz" in first and "Ana Ruiz" not in second


def test_a_prepared_query_is_built_once_and_run_with_each_value(desk):
    builds = []

    def stories_in(section_id):
        builds.append(section_id)
        return Article.objects.filter(section_id=section_id).order_by("headline")

    in_section = Prepared(stories_in, section_id=int)
    science, world = desk["first"].section_id, desk["second"].section_id

    assert [a.headline for a in in_section(section_id=science)] == [
        "Old vents",
        "Reef survey",
        "Vents mapped",
    ]
    assert [a.headline for a in in_section(section_id=world)] == [
        "Ports reopen",
        "Unrelated elections",
        "Vent law",
    ]
    assert in_section(section_id=-1) == []
    assert len(builds) == 2  # once to learn the model, once to compile
