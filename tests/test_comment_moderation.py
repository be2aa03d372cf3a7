from http import HTTPStatus

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from comments import notify
from comments.models import BlockedTerm, Comment
from tests.comment_helpers import post_comment
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:comments_comment_changelist")


def act(client, action, comments):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [c.pk for c in comments]},
        follow=True,
    )


def test_queue_lists_pending_first_with_email_and_signals(client, moderator, article):
    CommentFactory(article=article, approved=True, body="Old approved one")
    CommentFactory(
        article=article,
        body="Fresh pending one",
        email="pat@mail.example",
        signals=["3 links (more than 2)"],
    )
    client.force_login(moderator)

    page = client.get(CHANGELIST)

    content = page.content.decode()
    assert content.index("Fresh pending one") < content.index("Old approved one")
    assertContains(page, "pat@mail.example")
    assertContains(page, "3 links (more than 2)")


def test_bulk_approve_publishes_and_counts(client, moderator, article):
    comments = [CommentFactory(article=article) for _ in range(3)]
    client.force_login(moderator)

    act(client, "approve_selected", comments)

    assert set(Comment.objects.values_list("status", flat=True)) == {"approved"}
    article.refresh_from_db()
    assert article.comment_count == 3
    first = Comment.objects.first()
    assert first.moderated_by == moderator and first.moderated_at is not None
    assertContains(client.get(article.get_absolute_url()), first.body)


def test_bulk_reject_and_spam(client, moderator, article):
    a, b = CommentFactory(article=article), CommentFactory(article=article)
    client.force_login(moderator)

    act(client, "reject_selected", [a])
    act(client, "spam_selected", [b])

    assert Comment.objects.get(pk=a.pk).status == "rejected"
    assert Comment.objects.get(pk=b.pk).status == "spam"


def test_rejecting_a_comment_hides_its_replies_and_fixes_the_count(
    client, moderator, article
):
    parent = CommentFactory(article=article, approved=True, body="Parent text")
    CommentFactory(article=article, parent=parent, approved=True, body="Reply text")
    Comment.objects.recount(article)
    client.force_login(moderator)

    act(client, "reject_selected", [parent])

    page = client.get(article.get_absolute_url())
    assertNotContains(page, "Parent text")
    assertNotContains(page, "Reply text")
    article.refresh_from_db()
    assert article.comment_count == 0


def test_approve_and_reply(client, moderator, article):
    comment = CommentFactory(article=article, body="Is the figure right?")
    client.force_login(moderator)
    url = reverse("admin:comments_comment_reply", args=[comment.pk])

    assertContains(client.get(url), "Is the figure right?")
    client.post(url, {"body": "Yes, it comes from the ministry's own report."})

    comment.refresh_from_db()
    reply = Comment.objects.get(parent=comment)
    assert comment.status == reply.status == "approved"
    article.refresh_from_db()
    assert article.comment_count == 2


def test_filter_by_commenter_and_article(client, moderator, article):
    CommentFactory(article=article, email="one@mail.example", body="From one")
    CommentFactory(email="two@mail.example", body="From two")
    client.force_login(moderator)

    by_person = client.get(CHANGELIST, {"commenter": "one@mail.example"})
    by_article = client.get(CHANGELIST, {"article__id__exact": article.pk})

    assertContains(by_person, "From one")
    assertNotContains(by_person, "From two")
    assertContains(by_article, "From one")
    assertNotContains(by_article, "From two")


def test_pending_count_on_index_and_header(client, moderator, article):
    CommentFactory(article=article)
    CommentFactory(article=article)
    client.force_login(moderator)

    index = client.get(reverse("admin:index"))

    assertContains(index, "<strong>2</strong>Comments waiting", html=True)
    assertContains(index, "2 comments waiting")


def test_journalist_cannot_moderate(client, journalist, article):
    comment = CommentFactory(article=article)
    client.force_login(journalist)

    response = act(client, "approve_selected", [comment])

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Comment.objects.get().status == "pending"


def test_editor_can_moderate(client, editor, article):
    comment = CommentFactory(article=article)
    client.force_login(editor)

    act(client, "approve_selected", [comment])

    assert Comment.objects.get(pk=comment.pk).status == "approved"


def test_moderators_get_one_mail_per_batch_even_under_a_flood(
    client, moderator, article, no_comment_delays, settings
):
    settings.COMMENT_NOTIFY_INTERVAL = 600
    moderator.email = "mod@staff.example"
    moderator.save()

    for n in range(25):
        post_comment(
            client, article, body=f"Comment number {n}", email=f"r{n}@mail.example"
        )

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mod@staff.example"]
    # The next batch picks up everything that arrived meanwhile, once.
    assert notify.send_batch() == 24
    assert notify.send_batch() == 0
    assert len(mail.outbox) == 2
    assert "24 new comments" in mail.outbox[1].subject


def test_auto_approval_of_known_commenters_is_optional(
    client, article, settings, no_comment_delays
):
    CommentFactory(article=article, approved=True, email="regular@mail.example")

    post_comment(client, article, email="regular@mail.example", body="First, off")
    settings.COMMENTS_AUTO_APPROVE_KNOWN = True
    post_comment(client, article, email="Regular@Mail.example", body="Then, on")

    assert Comment.objects.get(body="First, off").status == "pending"
    trusted = Comment.objects.get(body="Then, on")
    assert trusted.status == "approved"
    assert trusted.signals == [
        "auto-approved: an earlier comment from this e-mail was approved"
    ]


def test_blocklist_sends_to_spam_with_the_reason(client, article, no_comment_delays):
    BlockedTerm.objects.create(kind="word", value="casino")
    BlockedTerm.objects.create(kind="email", value="@junk.example")
    BlockedTerm.objects.create(kind="ip_range", value="10.9.0.0/16")

    post_comment(client, article, body="Best casino deals", email="a@mail.example")
    post_comment(client, article, body="Hello there", email="b@junk.example")
    post_comment(
        Client(REMOTE_ADDR="10.9.3.4"),
        article,
        body="From a bad net",
        email="c@mail.example",
    )

    assert dict(Comment.objects.values_list("body", "status")) == {
        "Best casino deals": "spam",
        "Hello there": "spam",
        "From a bad net": "spam",
    }
    assert Comment.objects.get(body="Best casino deals").signals == [
        "blocked word “casino”"
    ]


def test_blocklist_matches_whole_words_only(client, article, no_comment_delays):
    BlockedTerm.objects.create(kind="word", value="ass")

    post_comment(client, article, body="A classic assessment of the bypass.")

    assert Comment.objects.get().status == "pending"


def test_many_links_are_held_with_a_signal(client, article, no_comment_delays):
    post_comment(
        client,
        article,
        body="See https://a.example https://b.example https://c.example",
    )

    comment = Comment.objects.get()
    assert comment.status == "pending"
    assert comment.signals == ["3 links (more than 2)"]


def test_exact_duplicate_is_refused_and_stored_once(client, article, no_comment_delays):
    first = post_comment(client, article)
    second = post_comment(client, article)

    assert first.status_code == HTTPStatus.SEE_OTHER
    assert second.status_code == HTTPStatus.CONFLICT
    assertContains(second, "You have already sent this comment", status_code=409)
    assert Comment.objects.count() == 1


def test_blocked_term_admin_validates_ip_ranges(client, moderator):
    client.force_login(moderator)

    response = client.post(
        reverse("admin:comments_blockedterm_add"),
        {"kind": "ip_range", "value": "not-a-net"},
    )

    assertContains(response, "Enter an IP address or CIDR range.")
    assert not BlockedTerm.objects.exists()
