"""The demo loads from its data files, whole and once (newsroom/demo/)."""

import pytest
from django.core.management import call_command
from django.db.models import Count

from articles.models import Article, Page, Section, Tag
from authors.models import Correspondent, PreviousOutlet, ProfileLink
from comments.models import Comment
from newsroom import demo

pytestmark = pytest.mark.django_db

# What the demo held when it was written as Python dictionaries; the data
# files must give the same publication.
EXPECTED_COUNTS = {
    Article: 16,
    Section: 5,
    Tag: 22,
    Correspondent: 5,
    ProfileLink: 9,
    PreviousOutlet: 10,
    Comment: 49,
    Page: 2,
}


def counts():
    return {model: model.objects.count() for model in EXPECTED_COUNTS}


def test_the_demo_loads_the_same_publication_once():
    call_command("load_demo", verbosity=0)
    first = counts()
    call_command("load_demo", verbosity=0)

    assert first == EXPECTED_COUNTS
    assert counts() == EXPECTED_COUNTS
    assert dict(Article.objects.values_list("status").annotate(n=Count("pk"))) == {
        "draft": 1,
        "in_review": 1,
        "published": 14,
    }
    assert dict(Comment.objects.values_list("status").annotate(n=Count("pk"))) == {
        "approved": 39,
        "pending": 9,
        "spam": 1,
    }
    assert Comment.objects.filter(parent__isnull=False).count() == 11


def test_a_story_keeps_its_fields_bylines_tags_and_thread():
    call_command("load_demo", verbosity=0)
    story = Article.objects.get(
        slug="insurers-raise-premiums-luzon-strait-typhoon-season"
    )
    reply = Comment.objects.filter(parent__isnull=False).order_by("pk").first()

    assert story.section.slug == "asia-pacific"
    assert [b.correspondent.slug for b in story.bylines.all()] == ["amara-okafor"]
    assert sorted(story.tags.values_list("name", flat=True)) == [
        "Climate",
        "Insurance",
        "Shipping",
        "Trade",
    ]
    assert story.body.startswith("<p>Shipowners moving cargo through the Luzon")
    assert story.hero_credit == "Photograph: Amara Okafor / The Update Desk"
    assert (reply.name, reply.parent.name) == ("Lena Fischer", "Camille Laurent")
    assert list(
        PreviousOutlet.objects.filter(correspondent__slug="amara-okafor").values_list(
            "outlet", "start_year", "end_year"
        )
    ) == [
        ("West Africa Business Wire, Lagos and Jakarta", 2011, 2017),
        ("Straits Shipping Weekly, Singapore", 2017, 2019),
    ]


def test_each_data_file_has_a_header_and_a_body():
    stories = demo.stories()

    assert [s["slug"] for s in stories][:2] == [
        "insurers-raise-premiums-luzon-strait-typhoon-season",
        "central-bank-holds-rates-wage-growth-surprise",
    ]
    assert all(s["body"].lstrip().startswith("<") for s in stories + demo.pages())
    assert [p["slug"] for p in demo.pages()] == ["terms", "privacy"]
