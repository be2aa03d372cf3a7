"""A change rebuilds exactly the cached pages that show it, and none is stale.

Each test warms every page of a small site (stories A and B in World, C in
Business; A tagged Harbour; Ana writes A, Ben writes B and C), makes one
kind of change, then asks every page again: the pages the change shows on
are rendered afresh ("miss") and show it, every other page is a "hit".
"""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.db import transaction
from django.test import Client

from articles import revisions
from articles.models import Article, Page
from articles.views import render_story
from comments.models import Comment
from pagecache import tags as page_tags
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    CorrespondentFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

HTML_PAGES = {
    "home",
    "story A",
    "story B",
    "story C",
    "World",
    "Business",
    "tag Harbour",
    "Ana",
    "Ben",
    "correspondents",
    "search",
    "corrections",
    "terms",
}
FEEDS = {"feed", "World feed", "Ana feed", "sitemap", "news sitemap"}
API = {"api stories", "api story A", "api sections"}
EVERY_PAGE = HTML_PAGES | FEEDS | API
# What every list of live stories is: purged by any change to a live story.
LIVE_LISTS = {
    "home",
    "search",
    "corrections",
    "feed",
    "sitemap",
    "news sitemap",
    *API,
}


@pytest.fixture
def site(journalist):
    world = SectionFactory(name="World")
    business = SectionFactory(name="Business")
    harbour = TagFactory(name="Harbour")
    ana = CorrespondentFactory(name="Ana Costa", user=journalist)
    ben = CorrespondentFactory(name="Ben Okafor")
    a = ArticleFactory(
        published=True,
        headline="Harbour reopens",
        section=world,
        tags=[harbour],
        bylines=[ana],
    )
    b = ArticleFactory(
        published=True, headline="Bridge closes", section=world, bylines=[ben]
    )
    c = ArticleFactory(
        published=True, headline="Markets rally", section=business, bylines=[ben]
    )
    terms = Page.objects.create(title="Terms", slug="terms", body="<p>Be kind.</p>")
    site = {
        "world": world,
        "business": business,
        "harbour": harbour,
        "ana": ana,
        "ben": ben,
        "a": a,
        "b": b,
        "c": c,
        "terms": terms,
    }
    site["urls"] = {
        "home": "/",
        "story A": a.get_absolute_url(),
        "story B": b.get_absolute_url(),
        "story C": c.get_absolute_url(),
        "World": world.get_absolute_url(),
        "Business": business.get_absolute_url(),
        "tag Harbour": harbour.get_absolute_url(),
        "Ana": ana.get_absolute_url(),
        "Ben": ben.get_absolute_url(),
        "correspondents": "/correspondents/",
        "search": "/search/?q=harbour",
        "corrections": "/corrections/",
        "terms": "/terms/",
        "feed": "/feed/",
        "World feed": f"{world.get_absolute_url()}feed/",
        "Ana feed": f"{ana.get_absolute_url()}feed/",
        "sitemap": "/sitemap-articles.xml",
        "news sitemap": "/sitemap-news.xml",
        "api stories": "/api/v1/stories/",
        "api story A": f"/api/v1/stories/{a.pk}/",
        "api sections": "/api/v1/sections/",
    }
    return site


def get(url):
    return Client().get(url)


def warm(site):
    for name, url in site["urls"].items():
        get(url)
        response = get(url)
        assert response.status_code == HTTPStatus.OK, name
        assert response["X-Page-Cache"] == "hit", name


def rebuilt(site) -> set:
    """The pages answered afresh (or gone), asking each once."""
    return {
        name
        for name, url in site["urls"].items()
        if get(url).get("X-Page-Cache") != "hit"
    }


def text(site, name) -> str:
    return get(site["urls"][name]).content.decode()


# Comments ------------------------------------------------------------------------

# A's comment count shows on its card: in every list that shows A, and under
# story B, whose related stories include A. Feeds and sitemaps show no count.
A_CARD = {
    "home",
    "story B",
    "World",
    "tag Harbour",
    "Ana",
    "search",
    "api stories",
    "api story A",
}


def test_approving_a_comment_rebuilds_its_story_and_the_lists_with_its_count(
    site, moderator
):
    pending = CommentFactory(article=site["a"], body="Worth the wait")
    warm(site)

    pending.approve(by=moderator)

    assert rebuilt(site) == {"story A"} | A_CARD
    assert "Worth the wait" in text(site, "story A")
    assert "1 comment" in text(site, "home")
    assert "1 comment" in text(site, "story B")
    assert '"comment_count":1' in text(site, "api story A")


@pytest.mark.parametrize("decision", ["reject", "mark_spam", "delete"])
def test_taking_a_comment_down_rebuilds_the_same_pages(site, moderator, decision):
    shown = CommentFactory(article=site["a"], body="Soon gone", approved=True)
    Comment.objects.recount(site["a"])
    warm(site)
    assert "Soon gone" in text(site, "story A")

    if decision == "delete":
        shown.delete()
        Comment.objects.recount(site["a"])  # the count is the article's own
    else:
        getattr(shown, decision)(by=moderator)

    assert rebuilt(site) == {"story A"} | A_CARD
    assert "Soon gone" not in text(site, "story A")
    assert "1 comment" not in text(site, "home")


def test_a_new_pending_comment_rebuilds_nothing(site):
    warm(site)

    Comment.objects.submit(
        article=site["a"], name="Jo", email="jo@mail.example", body="Hello"
    )

    assert rebuilt(site) == set()


# Stories -------------------------------------------------------------------------

# A change to A's own text: its page, every list of live stories, the lists
# it is on, B (which shows A's card) and the feeds that carry A.
A_CHANGED = {
    "story A",
    "story B",
    "World",
    "tag Harbour",
    "Ana",
    "World feed",
    "Ana feed",
} | LIVE_LISTS


def test_an_editors_live_edit_rebuilds_the_story_and_the_lists_it_is_on(site):
    warm(site)

    a = site["a"]
    a.headline = "Harbour reopens at dawn"
    a.save()

    assert rebuilt(site) == A_CHANGED
    for name in ("story A", "home", "World", "tag Harbour", "Ana", "story B", "feed"):
        assert "Harbour reopens at dawn" in text(site, name), name


def test_a_correction_rebuilds_the_story_and_the_lists(site, editor):
    warm(site)

    site["a"].add_correction(by=editor, kind="correction", note="Fixed the date.")

    assert rebuilt(site) == A_CHANGED
    assert "Fixed the date." in text(site, "story A")
    assert "Fixed the date." in text(site, "corrections")
    assert "Fixed the date." in text(site, "feed")


def test_withdrawing_rebuilds_the_story_and_every_list_it_was_on(site, editor):
    warm(site)

    site["a"].withdraw(by=editor)

    assert rebuilt(site) == A_CHANGED
    assert get(site["urls"]["story A"]).status_code == HTTPStatus.NOT_FOUND
    for name in ("home", "World", "tag Harbour", "Ana", "story B", "feed", "search"):
        assert "Harbour reopens" not in text(site, name), name


def test_publishing_rebuilds_home_its_section_tags_feeds_sitemaps_and_related(
    site, editor
):
    draft = ArticleFactory(
        headline="Ferry strike ends",
        section=site["business"],
        tags=[site["harbour"]],
        bylines=[site["ana"]],
    )
    warm(site)

    draft.publish(by=editor)

    # C shares its section and A its tag: either may now show it as related.
    assert rebuilt(site) == LIVE_LISTS | {
        "Business",
        "tag Harbour",
        "Ana",
        "Ana feed",
        "story A",
        "story C",
    }
    for name in ("home", "Business", "tag Harbour", "Ana", "feed", "sitemap"):
        assert draft.get_absolute_url() in text(site, name), name
    assert "Ferry strike ends" in text(site, "story C")


def test_a_draft_saved_rebuilds_nothing(site):
    draft = ArticleFactory(headline="Not yet", section=site["world"])
    warm(site)

    draft.headline = "Still not yet"
    draft.save()

    assert rebuilt(site) == set()


def test_a_scheduled_story_goes_live_on_time_with_no_purge(clock, site, editor):
    story = ArticleFactory(
        headline="Budget day",
        section=site["business"],
        bylines=[site["ben"]],
        publish_at=clock.now + timedelta(seconds=40),
    )
    story.publish(by=editor, at=story.publish_at)
    warm(site)
    assert "Budget day" not in text(site, "home")

    clock.advance(seconds=41)

    for name in ("home", "Business", "Ben", "feed"):
        assert "Budget day" in text(site, name), name


def test_a_pending_change_rebuilds_nothing_until_an_editor_publishes_it(
    site, journalist, editor
):
    warm(site)
    a = site["a"]
    waiting = revisions.propose(
        a,
        {**revisions.snapshot(a), "headline": "Harbour reopens, finally"},
        by=journalist,
    )

    assert rebuilt(site) == set()

    revisions.publish_pending(waiting, by=editor)

    assert rebuilt(site) == A_CHANGED
    assert "Harbour reopens, finally" in text(site, "home")
    assert "Harbour reopens, finally" in text(site, "story A")


# People, sections, tags, pages ---------------------------------------------------------


def test_a_correspondent_edit_rebuilds_their_stories_and_profile(site):
    warm(site)

    ana = site["ana"]
    ana.bio = "Covers ports and shipping from Lisbon."
    ana.save()

    # The API's answers name correspondents anywhere: all of them are rebuilt.
    assert rebuilt(site) == {"story A", "Ana", "Ana feed", "correspondents", *API}
    assert "Covers ports and shipping" in text(site, "story A")
    assert "Covers ports and shipping" in text(site, "Ana")


def test_a_new_name_rebuilds_the_cards_and_feeds_that_show_it(site):
    warm(site)

    ana = site["ana"]
    ana.name = "Ana C. Costa"
    ana.save()

    assert rebuilt(site) == A_CARD | {
        "story A",
        "Ana",
        "Ana feed",
        "correspondents",
        "feed",
        "World feed",
        "api sections",
    }
    for name in ("story A", "home", "World", "correspondents", "feed"):
        assert "Ana C. Costa" in text(site, name), name


def test_a_section_edit_rebuilds_every_page_with_the_masthead(site):
    warm(site)

    business = site["business"]
    business.name = "Money"
    business.save()

    # Sitemaps of stories name no section; everything else shows the masthead.
    assert rebuilt(site) == EVERY_PAGE - {"sitemap", "news sitemap"}
    for name in ("home", "story A", "terms", "Business", "feed"):
        assert ">Money<" in text(site, name), name


def test_a_page_edit_rebuilds_that_page_only(site):
    warm(site)

    terms = site["terms"]
    terms.body = "<p>Be kind, and brief.</p>"
    terms.save()

    assert rebuilt(site) == {"terms"}
    assert "Be kind, and brief." in text(site, "terms")


def test_renaming_a_tag_rebuilds_its_page_and_the_stories_that_show_it(site):
    warm(site)

    harbour = site["harbour"]
    harbour.name = "Ports"
    harbour.save()

    assert rebuilt(site) == {
        "tag Harbour",
        "story A",
        "feed",
        "World feed",
        "Ana feed",
        *API,
    }
    assert ">Ports<" in text(site, "story A")


def test_tagging_a_live_story_rebuilds_the_tag_page_and_the_story(site):
    warm(site)

    site["c"].tags.add(site["harbour"])

    assert rebuilt(site) == LIVE_LISTS | {
        "story C",
        "story A",  # shares the tag now: C may be related
        "Business",
        "tag Harbour",
        "Ben",
    }
    assert "Markets rally" in text(site, "tag Harbour")


# Both purges ---------------------------------------------------------------------


def test_the_generation_switch_purges_every_page_on_any_change(
    site, moderator, settings
):
    settings.PAGE_CACHE_INVALIDATION = "generation"
    pending = CommentFactory(article=site["a"], body="Worth the wait")
    warm(site)

    pending.approve(by=moderator)

    assert rebuilt(site) == EVERY_PAGE
    assert "Worth the wait" in text(site, "story A")


def test_every_page_names_what_it_shows_for_a_shared_cache(site):
    response = get(site["urls"]["World"])

    shown = set(response["Surrogate-Key"].split())
    assert {"all", "masthead", f"section:{site['world'].pk}"} <= shown
    assert {f"card:{site['a'].pk}", f"card:{site['b'].pk}"} <= shown
    hit = get(site["urls"]["World"])
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Surrogate-Key"] == response["Surrogate-Key"]


# Races ---------------------------------------------------------------------------


def test_a_render_overtaken_by_a_purge_is_not_stored_as_current(site, monkeypatch):
    """The story changes while its page renders: the page rendered from the
    old rows is served to that one reader, but the next reader gets the new."""
    a = site["a"]

    def edit_meanwhile(article):
        part = render_story(article)
        Article.objects.filter(pk=a.pk).update(headline="Changed mid-render")
        page_tags.purge(f"story:{a.pk}")  # what the edit's commit does
        return part

    monkeypatch.setattr("articles.views.render_story", edit_meanwhile)
    first = get(site["urls"]["story A"])
    monkeypatch.undo()

    assert "Harbour reopens" in first.content.decode()
    second = get(site["urls"]["story A"])
    assert second["X-Page-Cache"] == "miss"
    assert "Changed mid-render" in second.content.decode()
    assert get(site["urls"]["story A"])["X-Page-Cache"] == "hit"


def test_a_render_that_began_before_a_purge_is_not_stored_even_if_versions_are_new(
    site,
):
    """Versions read after the purge must not vouch for rows read before it."""
    collector_tags = {f"story:{site['a'].pk}"}
    with page_tags.collecting() as collector:
        page_tags.depends_on(*collector_tags)
        page_tags.purge(*collector_tags)  # happens while "rendering"

    assert page_tags.stamp(collector) is None


def test_a_hit_between_a_purges_two_steps_keeps_no_old_versions(
    site, moderator, monkeypatch
):
    """A process that reads the tags while a purge has moved the clock but
    not yet written the versions must not trust what it read afterwards."""
    pending = CommentFactory(article=site["a"], body="Worth the wait")
    url = site["urls"]["story A"]
    get(url)
    assert get(url)["X-Page-Cache"] == "hit"
    store = page_tags.cache
    midway = []

    class Midway:
        def __getattr__(self, name):
            return getattr(store, name)

        def set_many(self, *args, **kwargs):
            midway.append(get(url)["X-Page-Cache"])  # the old versions
            return store.set_many(*args, **kwargs)

    monkeypatch.setattr(page_tags, "cache", Midway())
    pending.approve(by=moderator)
    monkeypatch.undo()

    assert midway == ["hit"]
    page = get(url)
    assert page["X-Page-Cache"] == "miss"
    assert "Worth the wait" in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_transaction_announces_what_changed_once(site, moderator, editor):
    pending = CommentFactory(article=site["a"])
    heard = []
    page_tags.pages_changed.connect(
        lambda **kw: heard.append(kw), weak=False, dispatch_uid="test-heard"
    )
    try:
        with transaction.atomic():
            pending.approve(by=moderator)
            site["b"].add_correction(by=editor, kind="update", note="A quote.")
    finally:
        page_tags.pages_changed.disconnect(dispatch_uid="test-heard")

    assert len(heard) == 1
    a, b = site["a"].pk, site["b"].pk
    assert {
        f"story-comments:{a}",
        f"card:{a}",
        "card:*",
        f"story:{b}",
        "live-list",
    } <= set(heard[0]["tags"])
    assert heard[0]["everything"] is False
