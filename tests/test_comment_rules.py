"""Each comment rule lives in one place: what readers see and count, the
moderator's reply, the refusals' HTTP answers, the form's inputs."""

import re
from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from comments import spam, thread, views
from comments.forms import CommentForm
from comments.models import Comment
from tests.factories import CommentFactory, CorrespondentFactory

pytestmark = pytest.mark.django_db


def test_one_visibility_rule_for_the_thread_and_the_count(client, article):
    shown = CommentFactory(article=article, approved=True, body="Shown on top")
    CommentFactory(article=article, parent=shown, approved=True, body="Shown reply")
    hidden = {
        status: CommentFactory(article=article, status=status, body=f"Not {status}")
        for status in (
            Comment.Status.PENDING,
            Comment.Status.SPAM,
            Comment.Status.REJECTED,
        )
    }
    # Approved, but under a rejected comment: neither shown nor counted.
    orphan = CommentFactory(
        article=article,
        parent=hidden[Comment.Status.REJECTED],
        approved=True,
        body="Orphaned reply",
    )

    count = Comment.objects.recount(article)
    tree = thread.visible_tree(article)
    page = client.get(article.get_absolute_url()).content.decode()

    assert count == 2
    article.refresh_from_db()
    assert article.comment_count == 2
    assert [n.comment.body for n in tree] == ["Shown on top"]
    assert [n.comment.body for n in tree[0].replies] == ["Shown reply"]
    assert "2 comments" in page
    for body in ("Shown on top", "Shown reply"):
        assert body in page
    for body in ("Not pending", "Not spam", "Not rejected", "Orphaned reply"):
        assert body not in page
    # The webhooks ask the same question of one comment.
    assert shown.is_shown()
    assert not orphan.is_shown()
    assert not any(comment.is_shown() for comment in hidden.values())


def test_only_the_browser_that_sent_a_pending_comment_sees_it(article):
    mine = CommentFactory(article=article, body="Mine, waiting")
    CommentFactory(article=article, body="Someone else's, waiting")
    spam_of_mine = CommentFactory(article=article, status=Comment.Status.SPAM)

    visible = Comment.objects.visible(own_pending=[mine.pk, spam_of_mine.pk])

    assert list(visible) == [mine]
    assert list(Comment.objects.visible()) == []


@pytest.fixture
def asked(article):
    return CommentFactory(article=article, body="Is the figure right?")


def test_reply_approves_answers_and_signs_with_the_sites_name(
    settings, moderator, asked
):
    settings.SITE_NAME = "The Harbour Gazette"
    CorrespondentFactory(name="Mo Desk", job_title="", user=moderator)
    moderator.refresh_from_db()

    answer = asked.reply(by=moderator, body="Yes: the ministry's own report.")

    asked.refresh_from_db()
    assert asked.status == answer.status == Comment.Status.APPROVED
    assert answer.parent == asked and answer.article == asked.article
    assert answer.moderated_by == moderator == asked.moderated_by
    assert answer.name == "Mo Desk (The Harbour Gazette)"
    asked.article.refresh_from_db()
    assert asked.article.comment_count == 2


def test_reply_needs_the_moderation_right(journalist, asked):
    with pytest.raises(PermissionDenied):
        asked.reply(by=journalist, body="Not mine to answer.")

    asked.refresh_from_db()
    assert asked.status == Comment.Status.PENDING
    assert not Comment.objects.filter(parent=asked).exists()


def test_admin_reply_goes_through_the_model(client, moderator, asked, monkeypatch):
    calls = []
    real = Comment.reply

    def spy(comment, *, by, body):
        calls.append((comment.pk, by, body))
        return real(comment, by=by, body=body)

    monkeypatch.setattr(Comment, "reply", spy)
    client.force_login(moderator)
    url = reverse("admin:comments_comment_reply", args=[asked.pk])

    response = client.post(url, {"body": "Thank you; corrected."})

    assert response.status_code == HTTPStatus.FOUND
    assert calls == [(asked.pk, moderator, "Thank you; corrected.")]
    reply = Comment.objects.get(parent=asked)
    assert reply.status == Comment.Status.APPROVED
    assert reply.name == "moderator (moderator)"


def test_every_refusal_has_an_http_answer():
    assert set(views.REFUSED) == set(spam.Reason)
    assert all(400 <= status < 600 for status in views.REFUSED.values())


def test_the_page_writes_the_form_classs_fields(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    form = page[page.index('<form class="comment-form"') :]
    form = form[: form.index("</form>")]

    for name in CommentForm.Meta.fields:
        field = CommentForm.base_fields[name]
        assert f'<label for="id_{name}">{field.label} <span' in form
        tag = re.search(rf'<(input|textarea)[^>]* name="{name}"[^>]*>', form)
        assert tag, name
        assert f'maxlength="{field.max_length}"' in tag.group(0)
        assert 'aria-required="true"' in tag.group(0)
    for name in ("website", "remember"):
        assert str(CommentForm.base_fields[name].label) in form
    # What the page cache fills in for each reader.
    assert 'name="csrfmiddlewaretoken" value=' in form
    assert 'name="started" value=' in form
