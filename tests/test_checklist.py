"""The pre-publish checklist: its rules, and the model refusing what fails them."""

import pytest
from django.core.exceptions import ValidationError

from articles import checklist
from articles.checklist import (
    HEADLINE_MAX,
    NEEDS_HEADLINE,
    STANDFIRST_MAX,
    STANDFIRST_MIN,
    STANDFIRST_TOO_LONG,
    STANDFIRST_TOO_SHORT,
)
from articles.models import Article, count_words, words_in
from articles.workflow import Status
from blocks import images
from tests.factories import ArticleFactory, image_upload

GOOD = {
    "headline": "Harbour cranes fall silent as port workers strike",
    "dek": "The walkout over automation plans leaves a dozen ships waiting offshore.",
    "has_section": True,
    "bylines": 1,
    "has_hero": True,
    "hero_alt": "Idle cranes over an empty quay",
    "hero_width": 1600,
}


def failing(**changes) -> list[str]:
    return [item.key for item in checklist.evaluate(**GOOD | changes) if not item.ok]


def test_a_complete_story_ticks_every_item():
    items = checklist.evaluate(**GOOD)

    assert [item.key for item in items] == [
        "headline",
        "standfirst",
        "section",
        "byline",
        "hero_alt",
        "hero_width",
    ]
    assert all(item.ok and item.applies for item in items)
    assert checklist.problems(items) == []


@pytest.mark.parametrize(
    ("headline", "ok"),
    [
        ("", False),
        ("   ", False),
        ("x" * HEADLINE_MAX, True),
        ("x" * (HEADLINE_MAX + 1), False),
        ("é" * HEADLINE_MAX, True),  # characters, not bytes
    ],
)
def test_headline_fits_search_results_and_share_cards(headline, ok):
    assert ("headline" in failing(headline=headline)) is not ok


@pytest.mark.parametrize(
    ("length", "ok"),
    [
        (0, False),
        (STANDFIRST_MIN - 1, False),
        (STANDFIRST_MIN, True),
        (STANDFIRST_MAX, True),
        (STANDFIRST_MAX + 1, False),
    ],
)
def test_standfirst_is_one_sentence_long(length, ok):
    assert ("standfirst" in failing(dek="w" * length)) is not ok


def test_each_failing_item_says_what_to_do():
    items = checklist.evaluate(
        **GOOD
        | {"headline": "", "dek": "Too short.", "has_section": False, "bylines": 0}
        | {"hero_alt": " ", "hero_width": 800}
    )

    assert checklist.problems(items) == [
        NEEDS_HEADLINE,
        STANDFIRST_TOO_SHORT.format(
            low=STANDFIRST_MIN, high=STANDFIRST_MAX, count=len("Too short.")
        ),
        checklist.NEEDS_SECTION,
        checklist.NEEDS_BYLINE,
        images.NEEDS_ALT,
        checklist.HERO_TOO_NARROW.format(width=800),
    ]


def test_a_story_without_a_hero_has_nothing_to_check_there():
    items = {i.key: i for i in checklist.evaluate(**GOOD | {"has_hero": False})}

    assert items["hero_alt"].ok and not items["hero_alt"].applies
    assert items["hero_width"].ok and not items["hero_width"].applies


def test_a_long_headline_is_told_how_much_search_results_show():
    item = checklist.evaluate(**GOOD | {"headline": "x" * 70})[0]

    assert item.ok
    assert item.detail == "70 of 90 characters; search results show about the first 60"


def test_the_limits_handed_to_the_story_screen_are_the_rules():
    assert checklist.limits() == {
        "headlineMax": HEADLINE_MAX,
        "headlineSearchShows": checklist.HEADLINE_SEARCH_SHOWS,
        "standfirstMin": STANDFIRST_MIN,
        "standfirstMax": STANDFIRST_MAX,
        "minHeroWidth": checklist.MIN_HERO_WIDTH,
    }


@pytest.mark.django_db
def test_publish_is_refused_while_the_standfirst_is_too_long(editor):
    story = ArticleFactory(dek="w" * (STANDFIRST_MAX + 5))

    with pytest.raises(ValidationError) as refused:
        story.publish(by=editor)

    assert refused.value.messages == [
        STANDFIRST_TOO_LONG.format(
            low=STANDFIRST_MIN, high=STANDFIRST_MAX, count=STANDFIRST_MAX + 5
        )
    ]
    story.refresh_from_db()
    assert story.status == Status.DRAFT


@pytest.mark.django_db
def test_the_saved_story_and_the_checklist_agree(editor):
    story = ArticleFactory(hero_image=image_upload(1600, 900), hero_alt="Cranes")

    assert story.publish_problems() == []
    assert all(item.ok for item in story.checklist())
    story.publish(by=editor)
    assert story.status == Status.PUBLISHED


@pytest.mark.django_db
def test_a_listed_story_is_checked_from_its_prefetched_bylines(
    django_assert_num_queries,
):
    ArticleFactory()
    story = Article.objects.prefetch_related("bylines").get()

    with django_assert_num_queries(0):
        assert all(item.ok for item in story.checklist())


def test_words_end_where_blocks_end_as_in_the_editor():
    body = "<h2>Harbour</h2><p>Cranes stood idle</p><ul><li>one</li><li>two</li></ul>"

    assert words_in(body) == 6
    assert count_words("Harbour Cranes stood idle one two") == 6
