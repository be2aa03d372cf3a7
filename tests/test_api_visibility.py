"""Never a draft: every API address, asked about stories in every state.

Drafts, stories in review, scheduled (not yet live), withdrawn stories and
edits waiting for an editor must not show in any answer, nor any private
field (a correspondent's e-mail, a story's preview secret).
"""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.utils import timezone

from articles import revisions
from articles.models import Article
from articles.workflow import Status
from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "embargoed"  # in every hidden story's headline, body and tag


@pytest.fixture
def every_state(journalist):
    """One live story and one story in each state readers must not see."""
    section = SectionFactory(name="World")
    reporter = CorrespondentFactory(
        name="Ana Lima", slug="ana-lima", email="ana@private.example", user=journalist
    )
    hidden = {}
    past = timezone.now() - timedelta(hours=2)
    for state, extra in {
        "draft": {"status": Status.DRAFT},
        "in_review": {"status": Status.IN_REVIEW},
        "scheduled": {"scheduled": True},
        "withdrawn": {"status": Status.WITHDRAWN, "publish_at": past},
    }.items():
        tag = TagFactory(name=f"{SECRET} {state} topic", slug=f"{SECRET}-{state}")
        hidden[state] = ArticleFactory(
            headline=f"The {SECRET} {state} story",
            slug=f"{state}-story",
            body=f"<p>An {SECRET} body ({state}).</p>",
            section=section,
            bylines=[reporter],
            tags=[tag],
            **extra,
        )
    live_tag = TagFactory(name="Harbours", slug="harbours")
    live = ArticleFactory(
        published=True,
        headline="Harbour reopens",
        slug="harbour-reopens",
        section=section,
        bylines=[reporter],
        tags=[live_tag],
    )
    waiting = revisions.snapshot(live) | {
        "headline": f"The {SECRET} pending headline",
        "body": f"<p>A pending {SECRET} paragraph.</p>",
    }
    assert revisions.propose(live, waiting, by=journalist) is not None
    return live, hidden, reporter


def addresses(live, hidden, reporter):
    since = (timezone.now() - timedelta(days=2)).isoformat().replace("+", "%2B")
    lists = [
        "/api/v1/stories/",
        "/api/v1/stories/?ordering=updated",
        "/api/v1/stories/?section=world",
        f"/api/v1/stories/?correspondent={reporter.slug}",
        f"/api/v1/stories/?updated_since={since}",
        f"/api/v1/stories/?q={SECRET}",
        "/api/v1/stories/?q=harbour",
        "/api/v1/sections/",
        "/api/v1/sections/world/",
        "/api/v1/tags/",
        "/api/v1/tags/harbours/",
        "/api/v1/correspondents/",
        f"/api/v1/correspondents/{reporter.slug}/",
        f"/api/v1/stories/{live.pk}/",
    ]
    lists += [f"/api/v1/stories/?tag={SECRET}-{state}" for state in hidden]
    return lists


def test_no_answer_mentions_a_story_readers_cannot_see(client, every_state):
    live, hidden, reporter = every_state

    for address in addresses(live, hidden, reporter):
        response = client.get(address)
        assert response.status_code == HTTPStatus.OK, address
        text = response.content.decode()
        assert SECRET not in text, address
        for story in hidden.values():
            assert f'"id":{story.pk},' not in text, address
        assert "@private.example" not in text, address
        for story in Article.objects.all():
            assert story.preview_secret not in text, address


def test_live_story_is_listed_and_every_hidden_one_is_not_found(client, every_state):
    live, hidden, _reporter = every_state

    listed = client.get("/api/v1/stories/").json()["results"]

    assert [story["id"] for story in listed] == [live.pk]
    assert listed[0]["headline"] == "Harbour reopens"  # not the pending edit
    for state, story in hidden.items():
        response = client.get(f"/api/v1/stories/{story.pk}/")
        assert response.status_code == HTTPStatus.NOT_FOUND, state
        assert response.json()["error"]["code"] == "not_found"
        assert client.get(f"/api/v1/tags/{SECRET}-{state}/").status_code == 404


def test_story_appears_once_live_and_leaves_when_withdrawn(client, editor):
    story = ArticleFactory(headline="Quiet budget")
    assert client.get(f"/api/v1/stories/{story.pk}/").status_code == 404

    story.publish(by=editor)
    assert client.get(f"/api/v1/stories/{story.pk}/").status_code == 200
    assert [s["id"] for s in client.get("/api/v1/stories/").json()["results"]] == [
        story.pk
    ]

    story.withdraw(by=editor)
    assert client.get(f"/api/v1/stories/{story.pk}/").status_code == 404
    assert client.get("/api/v1/stories/").json()["results"] == []


def test_scheduled_story_joins_the_api_when_its_time_comes(client, editor):
    story = ArticleFactory(headline="Tomorrow's budget")
    story.publish(by=editor, at=timezone.now() + timedelta(hours=1))
    assert client.get(f"/api/v1/stories/{story.pk}/").status_code == 404

    # Time passes (moved without save(), as a clock would: no signal).
    Article.objects.filter(pk=story.pk).update(
        publish_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(f"/api/v1/stories/{story.pk}/").status_code == 200


def test_correspondent_answers_carry_public_fields_only(client):
    CorrespondentFactory(slug="kim", email="kim@private.example")

    body = client.get("/api/v1/correspondents/kim/").json()

    assert set(body) == {
        "name",
        "slug",
        "job_title",
        "beat",
        "based_in",
        "languages",
        "experience",
        "education",
        "bio",
        "photo",
        "links",
        "url",
    }
