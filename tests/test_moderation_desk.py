"""The moderation desk: one click per decision, then the next comment waiting;
no link a moderator follows ends at a page they may not open."""

import re
from datetime import timedelta
from http import HTTPStatus
from urllib.parse import urlencode, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from comments.admin_views import QUEUE_CLEAR
from comments.models import Comment
from tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:comments_comment_changelist")
WAITING = "status__exact=pending"


def decide_url(comment, queue=WAITING):
    url = reverse("admin:comments_comment_decide", args=[comment.pk])
    return f"{url}?{urlencode({'queue': queue})}" if queue else url


@pytest.fixture
def story():
    return ArticleFactory(published=True, headline="Harbour walls rise")


@pytest.fixture
def queue(story):
    """Three comments waiting, newest first as the queue lists them."""
    now = timezone.now()
    return [
        CommentFactory(
            article=story,
            name=name,
            body=f"{name} writes at length about the harbour walls.",
            created_at=now - timedelta(minutes=minutes),
        )
        for name, minutes in [("Newest", 1), ("Middle", 5), ("Oldest", 9)]
    ]


def test_every_waiting_comment_has_its_own_decision_buttons(client, moderator, queue):
    client.force_login(moderator)

    page = client.get(CHANGELIST, {"status__exact": "pending"})

    html = page.content.decode()
    for comment in queue:
        action = decide_url(comment)
        for decision in ("approve", "reject", "spam"):
            assert (
                f'formaction="{action}" name="decision" value="{decision}"' in html
            ), (comment.name, decision)
        reply = reverse("admin:comments_comment_reply", args=[comment.pk])
        assert f'href="{reply}?queue=status__exact%3Dpending"' in html
    # The whole comment, not an excerpt.
    assertContains(page, "Oldest writes at length about the harbour walls.")
    assertContains(page, "<title>Comments waiting", count=1)


def test_a_plain_decision_returns_to_the_list_at_the_next_one_waiting(
    client, moderator, queue
):
    newest, middle, oldest = queue
    client.force_login(moderator)

    response = client.post(decide_url(middle), {"decision": "approve"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{CHANGELIST}?{WAITING}#comment-{oldest.pk}"
    middle.refresh_from_db()
    assert middle.status == Comment.Status.APPROVED
    assert middle.moderated_by == moderator
    page = client.get(response["Location"])
    assertContains(page, "Approved: the comment by Middle.")
    assertNotContains(page, "Middle writes at length")


def test_after_the_last_in_line_the_queue_starts_again_at_the_top(
    client, moderator, queue
):
    newest, middle, oldest = queue
    client.force_login(moderator)

    response = client.post(decide_url(oldest), {"decision": "spam"})

    assert response["Location"].endswith(f"#comment-{newest.pk}")
    assert Comment.objects.get(pk=oldest.pk).status == Comment.Status.SPAM


def test_an_empty_queue_says_so(client, moderator, story):
    only = CommentFactory(article=story)
    client.force_login(moderator)

    response = client.post(decide_url(only), {"decision": "reject"}, follow=True)

    assertContains(response, QUEUE_CLEAR)
    assert Comment.objects.get().status == Comment.Status.REJECTED


def test_the_next_one_is_from_the_list_being_worked(client, moderator, queue):
    elsewhere = CommentFactory(created_at=timezone.now() - timedelta(minutes=3))
    newest, middle, oldest = queue
    client.force_login(moderator)
    on_story = f"article__id__exact={newest.article_id}&{WAITING}"

    response = client.post(decide_url(newest, queue=on_story), {"decision": "approve"})

    # Not `elsewhere`, though it came in between: it is on another story.
    assert response["Location"].endswith(f"#comment-{middle.pk}")
    assert f"article__id__exact={newest.article_id}" in response["Location"]
    assert elsewhere.pk != middle.pk


def test_a_decision_on_the_comments_page_opens_the_next_ones(client, moderator, queue):
    newest, middle, oldest = queue
    client.force_login(moderator)

    response = client.post(
        decide_url(newest), {"decision": "approve", "then": "comment"}
    )

    change = reverse("admin:comments_comment_change", args=[middle.pk])
    assert response["Location"] == (
        f"{change}?_changelist_filters=status__exact%3Dpending"
    )
    assertContains(client.get(response["Location"]), "Middle writes at length")


def test_the_queue_script_gets_the_answer_as_json(client, moderator, queue):
    newest, middle, oldest = queue
    client.force_login(moderator)

    answer = client.post(
        decide_url(newest),
        {"decision": "reject"},
        headers={"accept": "application/json"},
    ).json()

    assert answer == {
        "status": "rejected",
        "label": "Rejected",
        "message": "Rejected: the comment by Newest.",
        "next": middle.pk,
        "waiting": 2,
        "story": newest.article_id,
        "waiting_on_story": 2,
    }


@pytest.mark.parametrize("decision", ["", "delete", "approve "])
def test_an_unknown_decision_changes_nothing(client, moderator, queue, decision):
    client.force_login(moderator)
    comment = queue[0]

    plain = client.post(decide_url(comment), {"decision": decision}, follow=True)
    script = client.post(
        decide_url(comment),
        {"decision": decision},
        headers={"accept": "application/json"},
    )

    assertContains(plain, "Choose approve, reject or spam.")
    assert script.status_code == HTTPStatus.BAD_REQUEST
    assert set(Comment.objects.values_list("status", flat=True)) == {"pending"}


def test_decisions_are_posted_by_moderators_only(client, journalist, queue):
    client.force_login(journalist)

    refused = client.post(decide_url(queue[0]), {"decision": "approve"})

    assert refused.status_code == HTTPStatus.FORBIDDEN
    assert Comment.objects.get(pk=queue[0].pk).status == Comment.Status.PENDING


def test_a_decision_is_never_made_by_a_link(client, moderator, queue):
    client.force_login(moderator)

    response = client.get(decide_url(queue[0]) + "&decision=approve")

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert Comment.objects.get(pk=queue[0].pk).status == Comment.Status.PENDING


def test_a_crafted_queue_cannot_send_the_moderator_elsewhere(client, moderator, queue):
    client.force_login(moderator)

    response = client.post(
        decide_url(queue[0], queue="https://evil.example/?x=1"),
        {"decision": "approve"},
    )

    assert urlsplit(response["Location"]).path == CHANGELIST
    assert not urlsplit(response["Location"]).netloc


def test_each_story_shows_how_many_wait_on_it(client, moderator, queue):
    other = ArticleFactory(published=True, headline="Quiet story")
    CommentFactory(article=other)
    client.force_login(moderator)

    page = client.get(CHANGELIST)

    assertContains(page, "3 waiting", count=3)
    assertContains(page, "1 waiting", count=1)
    # The filter by story lists the busiest first, with its count.
    html = page.content.decode()
    assert html.index("Harbour walls rise (3)") < html.index("Quiet story (1)")


def test_spam_signals_are_short_labels_with_the_full_reason_at_hand(
    client, moderator, story
):
    comment = CommentFactory(
        article=story, signals=["3 links (more than 2)", "blocked word “casino”"]
    )
    client.force_login(moderator)

    page = client.get(CHANGELIST)
    details = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))

    assertContains(page, '<li title="3 links (more than 2)">3 links</li>', html=True)
    assertContains(page, "Blocked word: casino")
    assertContains(details, "3 links (more than 2)")


def test_the_public_link_goes_where_the_comment_shows(client, moderator, story):
    shown = CommentFactory(article=story, approved=True, name="Shown")
    reply = CommentFactory(article=story, parent=shown, name="Reply")
    draft = ArticleFactory(headline="Not out yet")
    CommentFactory(article=draft, name="Early")
    client.force_login(moderator)

    html = client.get(CHANGELIST).content.decode()

    url = story.get_absolute_url()
    assert f'href="{url}#comment-{shown.pk}"' in html
    # A reply waiting would appear under the comment it answers.
    assert f'href="{url}#comment-{reply.parent_id}"' in html
    assert "Story not live" in html
    assert draft.get_absolute_url() not in html


def test_no_link_a_moderator_meets_leads_to_a_page_they_may_not_open(
    client, moderator, story
):
    parent = CommentFactory(article=story, approved=True)
    comment = CommentFactory(
        article=story, parent=parent, signals=["3 links (more than 2)"]
    )
    parent.approve(by=moderator)
    CommentFactory(article=ArticleFactory())  # on a story that is not live
    client.force_login(moderator)
    pages = [
        CHANGELIST,
        f"{CHANGELIST}?{WAITING}",
        reverse("admin:comments_comment_change", args=[comment.pk]),
        reverse("admin:comments_comment_change", args=[parent.pk]),
        reverse("admin:comments_comment_reply", args=[comment.pk]),
    ]

    checked = set()
    for page in pages:
        html = client.get(page).content.decode()
        for href in re.findall(r'href="([^"#]+)', html):
            href = href.replace("&amp;", "&")
            if href.startswith(("http", "mailto:", "/static/", "/media/", "?")):
                continue
            if href in checked or href.startswith("/admin/logout"):
                continue
            checked.add(href)
            status = client.get(href).status_code
            assert status in (HTTPStatus.OK, HTTPStatus.FOUND), (page, href, status)
    assert len(checked) > 10


def test_the_comment_page_is_read_only_without_save_buttons(client, moderator, queue):
    client.force_login(moderator)

    page = client.get(reverse("admin:comments_comment_change", args=[queue[0].pk]))

    assertNotContains(page, 'name="_save"')
    assertNotContains(page, 'name="_continue"')
    assertContains(page, 'value="approve"')


def test_the_reply_page_has_the_admins_breadcrumbs_and_leads_on(
    client, moderator, queue
):
    newest, middle, oldest = queue
    client.force_login(moderator)
    url = reverse("admin:comments_comment_reply", args=[newest.pk])

    page = client.get(url, {"queue": WAITING})
    response = client.post(
        f"{url}?queue=status__exact%3Dpending", {"body": "Thank you; we checked."}
    )

    assertContains(page, '<ol class="breadcrumbs">')
    assertContains(page, f'href="{CHANGELIST}?{WAITING}"')
    assert response["Location"] == f"{CHANGELIST}?{WAITING}#comment-{middle.pk}"
    reply = Comment.objects.get(parent=newest)
    assert reply.status == Comment.Status.APPROVED
    assert Comment.objects.get(pk=newest.pk).status == Comment.Status.APPROVED


@pytest.mark.parametrize(
    "query", ["article__id__exact=abc", "parent__email=x", "created_at__gte=never"]
)
def test_a_list_the_queue_would_refuse_stands_for_the_whole_queue(
    client, moderator, queue, query
):
    newest, middle, oldest = queue
    client.force_login(moderator)

    response = client.post(decide_url(newest, queue=query), {"decision": "approve"})

    assert response["Location"] == f"{CHANGELIST}#comment-{middle.pk}"
    assert Comment.objects.get(pk=newest.pk).status == Comment.Status.APPROVED
    assert client.get(response["Location"]).status_code == HTTPStatus.OK


def test_a_story_filter_that_is_not_an_id_is_refused_not_an_error(
    client, moderator, queue
):
    client.force_login(moderator)

    response = client.get(CHANGELIST, {"article__id__exact": "abc"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith("?e=1")
