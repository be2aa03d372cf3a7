"""Webhooks: which changes send which events, signed, retried, never a draft.

The queued tasks run in this process (tests/webhook_support.py) and deliver
to a real HTTP receiver on loopback; tests/test_webhook_worker.py runs the
real worker in its own process.
"""

import json
import time
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.utils import timezone

from api.models import Delivery, Event, WebhookEndpoint
from articles import revisions
from tests.admin_forms import form_errors, open_form
from tests.factories import ArticleFactory, CommentFactory, CorrespondentFactory
from tests.webhook_support import Receiver, run_tasks, verify, waiting_tasks

pytestmark = pytest.mark.django_db

EVERY_EVENT = list(Event.values)


@pytest.fixture(autouse=True)
def quick_retries(settings):
    settings.WEBHOOK_RETRY_SECONDS = 10
    settings.WEBHOOK_TIMEOUT = 2
    settings.WEBHOOK_MAX_ATTEMPTS = 4


@pytest.fixture
def receiver():
    with Receiver() as running:
        yield running


@pytest.fixture
def endpoint(receiver):
    return WebhookEndpoint.objects.create(url=receiver.url, events=EVERY_EVENT)


def received(receiver):
    return [json.loads(body) for _headers, body in receiver.requests]


def events(receiver):
    return [body["event"] for body in received(receiver)]


def later(monkeypatch, **delta):
    """Move the clock forward, as the worker would find it then."""
    moment = timezone.now() + timedelta(**delta)
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_publishing_delivers_the_story_signed(client, editor, endpoint, receiver):
    story = ArticleFactory(headline="Council passes budget")

    story.publish(by=editor)
    run_tasks()

    [(headers, body)] = receiver.requests
    assert verify(endpoint.secret, headers, body, now=int(time.time()))
    assert not verify("whsec_wrong", headers, body, now=int(time.time()))
    assert not verify(endpoint.secret, headers, body + b" ", now=int(time.time()))
    payload = json.loads(body)
    assert payload["event"] == "story.published"
    assert payload["data"]["story"] == client.get(f"/api/v1/stories/{story.pk}/").json()
    delivery = Delivery.objects.get()
    assert headers["Webhook-Id"] == payload["id"] == str(delivery.pk)
    assert (delivery.status, delivery.attempts, delivery.response_code) == (
        "delivered",
        1,
        200,
    )
    run_tasks(fast_forward=True)  # the retry queued before sending stands down
    assert len(receiver.requests) == 1


def test_moves_readers_do_not_see_send_nothing(
    monkeypatch, editor, journalist, endpoint, receiver
):
    person = CorrespondentFactory(user=journalist)
    draft = ArticleFactory(bylines=[person])
    draft.submit(by=journalist)
    draft.send_back(by=editor, note="Needs a second source.")
    scheduled = ArticleFactory()
    scheduled.publish(by=editor, at=timezone.now() + timedelta(hours=1))
    scheduled.withdraw(by=editor)
    live = ArticleFactory(published=True, bylines=[person])
    run_tasks()
    receiver.requests.clear()
    Delivery.objects.all().delete()
    content = revisions.snapshot(live) | {"headline": "Embargoed pending headline"}

    revisions.propose(live, content, by=journalist)
    CommentFactory(article=live)  # pending
    later(monkeypatch, hours=2)
    run_tasks(fast_forward=True)

    assert receiver.requests == [] and not Delivery.objects.exists()


def test_a_scheduled_story_is_announced_when_it_goes_live(
    monkeypatch, editor, endpoint, receiver
):
    story = ArticleFactory(headline="Tomorrow's budget")
    story.publish(by=editor, at=timezone.now() + timedelta(hours=1))
    story.reschedule(by=editor, at=timezone.now() + timedelta(hours=2))

    run_tasks()
    assert receiver.requests == []
    later(monkeypatch, hours=3)
    run_tasks(fast_forward=True)

    assert events(receiver) == ["story.published"]
    assert received(receiver)[0]["data"]["story"]["headline"] == "Tomorrow's budget"


def test_withdrawal_names_the_story_and_says_nothing_else(editor, endpoint, receiver):
    story = ArticleFactory(published=True, headline="Retracted claim")
    run_tasks()
    receiver.requests.clear()

    story.withdraw(by=editor)
    run_tasks()

    [payload] = received(receiver)
    assert payload["event"] == "story.withdrawn"
    assert payload["data"] == {
        "story": {
            "id": story.pk,
            "url": f"http://127.0.0.1:8000/articles/{story.slug}/",
        }
    }


def test_edits_to_a_live_story_send_one_update_each(
    editor, journalist, endpoint, receiver
):
    person = CorrespondentFactory(user=journalist)
    story = ArticleFactory(published=True, bylines=[person], headline="First take")
    run_tasks()
    receiver.requests.clear()

    story.headline = "Second take"
    story.save()
    run_tasks()
    waiting = revisions.propose(
        story, revisions.snapshot(story) | {"headline": "Third take"}, by=journalist
    )
    run_tasks()
    assert events(receiver) == ["story.updated"]
    revisions.publish_pending(waiting, by=editor)
    run_tasks()

    assert events(receiver) == ["story.updated", "story.updated"]
    assert [p["data"]["story"]["headline"] for p in received(receiver)] == [
        "Second take",
        "Third take",
    ]


def test_a_correction_sends_corrected_only(editor, endpoint, receiver):
    story = ArticleFactory(published=True)
    run_tasks()
    receiver.requests.clear()

    story.add_correction(by=editor, kind="correction", note="The vote was 31-12.")
    run_tasks()

    [payload] = received(receiver)
    assert payload["event"] == "story.corrected"
    assert payload["data"]["correction"]["note"] == "The vote was 31-12."
    assert payload["data"]["story"]["corrections"][0]["note"] == "The vote was 31-12."


def test_an_approved_comment_is_announced_without_private_fields(
    moderator, endpoint, receiver
):
    story = ArticleFactory(published=True)
    parent = CommentFactory(article=story, email="first@mail.example")
    reply = CommentFactory(article=story, parent=parent, email="second@mail.example")
    run_tasks()
    receiver.requests.clear()

    reply.approve(by=moderator)  # under a pending parent: readers can't see it
    run_tasks()
    assert receiver.requests == []
    parent.approve(by=moderator)
    run_tasks()

    [(_headers, body)] = receiver.requests
    payload = json.loads(body)
    assert payload["event"] == "comment.approved"
    assert payload["data"]["comment"]["id"] == parent.pk
    assert set(payload["data"]["comment"]) == {
        "id",
        "parent_id",
        "name",
        "body",
        "created_at",
    }
    assert b"@mail.example" not in body and b"ip_hash" not in body


def test_endpoints_get_only_the_events_they_chose(editor, receiver):
    wants_withdrawals = WebhookEndpoint.objects.create(
        url=receiver.url, events=["story.withdrawn"]
    )
    WebhookEndpoint.objects.create(
        url=receiver.url, events=EVERY_EVENT, is_active=False
    )
    story = ArticleFactory()

    story.publish(by=editor)
    story.withdraw(by=editor)
    run_tasks()

    assert events(receiver) == ["story.withdrawn"]
    assert Delivery.objects.get().endpoint == wants_withdrawals


def test_failed_attempts_are_retried_with_doubling_delays(editor, endpoint):
    with Receiver(statuses=[500, 503, 200]) as flaky:
        endpoint.url = flaky.url
        endpoint.save()
        ArticleFactory().publish(by=editor)

        run_tasks()
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.response_code) == (
            "pending",
            1,
            500,
        )
        [(name, args, seconds)] = waiting_tasks()
        assert name == "deliver" and args[2] == 2 and 9 < seconds <= 10
        run_tasks(fast_forward=True, only=1)
        [(_name, _args, seconds)] = waiting_tasks()
        assert 19 < seconds <= 20
        run_tasks(fast_forward=True)

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (
        "delivered",
        3,
        200,
    )
    bodies = {body for _headers, body in flaky.requests}
    ids = {headers["Webhook-Id"] for headers, _body in flaky.requests}
    assert len(flaky.requests) == 3 and len(bodies) == 1 and len(ids) == 1


def test_after_the_last_attempt_it_gives_up_until_sent_again(
    admin_client, editor, endpoint
):
    with Receiver(statuses=[500]) as down:
        endpoint.url = down.url
        endpoint.save()
        ArticleFactory().publish(by=editor)
        run_tasks(fast_forward=True)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 4)
    assert waiting_tasks() == []
    listing = admin_client.get("/admin/api/delivery/").content.decode()
    assert "Gave up" in listing and "500" in listing and "Send again" in listing
    page = admin_client.get(f"/admin/api/delivery/{delivery.pk}/change/")
    assert b"send-again/" in page.content

    with Receiver(statuses=[200], port=0) as back:
        endpoint.url = back.url
        endpoint.save()
        response = admin_client.post(f"/admin/api/delivery/{delivery.pk}/send-again/")
        run_tasks()

    assert response.status_code == HTTPStatus.FOUND
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (
        "delivered",
        1,
        200,
    )
    assert len(back.requests) == 1


def test_send_again_needs_a_post_and_the_right(client, admin_client, editor, endpoint):
    delivery = Delivery.objects.create(
        endpoint=endpoint, event="story.published", body="{}"
    )
    client.force_login(editor)

    assert (
        admin_client.get(f"/admin/api/delivery/{delivery.pk}/send-again/").status_code
        == 405
    )
    assert client.post(
        f"/admin/api/delivery/{delivery.pk}/send-again/"
    ).status_code in (
        302,
        403,
    )
    delivery.refresh_from_db()
    assert delivery.round == 0


def test_admin_shows_an_endpoint_secret_once(admin_client, receiver):
    response = admin_client.post(
        "/admin/api/webhookendpoint/add/",
        {"url": receiver.url, "events": ["story.published"], "is_active": "on"},
    )

    endpoint = WebhookEndpoint.objects.get()
    assert response.status_code == HTTPStatus.OK
    assert endpoint.secret in response.content.decode()
    page = admin_client.get(f"/admin/api/webhookendpoint/{endpoint.pk}/change/")
    assert endpoint.secret not in page.content.decode()
    assert endpoint.events == ["story.published"]


def admin_edit(client, user, story, headline):
    client.force_login(user)
    url = f"/admin/articles/article/{story.pk}/change/"
    data = open_form(client, url).data()
    data.update(headline=headline, _continue="1")
    response = client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND, form_errors(response)


def test_admin_saves_send_one_update_and_a_writers_edit_none(
    client, editor, journalist, endpoint, receiver
):
    person = CorrespondentFactory(user=journalist)
    story = ArticleFactory(published=True, bylines=[person], headline="As filed")
    run_tasks()
    receiver.requests.clear()

    admin_edit(client, journalist, story, "Writer's waiting headline")
    run_tasks()
    assert receiver.requests == []
    admin_edit(client, editor, story, "Editor's headline")
    run_tasks()

    assert events(receiver) == ["story.updated"]
    assert received(receiver)[0]["data"]["story"]["headline"] == "Editor's headline"


def test_deleting_a_live_story_withdraws_it(endpoint, receiver):
    story = ArticleFactory(published=True)
    draft = ArticleFactory()
    run_tasks()
    receiver.requests.clear()
    story_id = story.pk

    story.delete()
    draft.delete()
    run_tasks()

    assert [(p["event"], p["data"]["story"]["id"]) for p in received(receiver)] == [
        ("story.withdrawn", story_id)
    ]
