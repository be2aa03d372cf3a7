"""A comment's HTML is made once, when it is saved, exactly as it was made on every read."""

import io
import json

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from comments import markup, privacy
from comments.models import Comment
from tests.factories import ArticleFactory, CommentFactory
from tests.test_backup_roundtrip import flush_content

pytestmark = pytest.mark.django_db

HOSTILE = (
    "Read https://example.org/report?a=1&b=<2> first.\n"
    "Second line <script>alert('x')</script>\n\n"
    "New paragraph with www.example.net and an e-mail jo@mail.example."
)
# What the page showed for that body when it was linkified on every read.
HOSTILE_HTML = (
    '<p>Read <a href="https://example.org/report?a=1&amp;b=&lt;2&gt;" rel="nofollow '
    'ugc noopener">https://example.org/report?a=1&amp;b=&lt;2&gt;</a> first.<br>'
    "Second line &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</p>"
    '<p>New paragraph with <a href="http://www.example.net" rel="nofollow ugc '
    'noopener">www.example.net</a> and an e-mail jo@mail.example.</p>'
)


@pytest.fixture(autouse=True)
def nothing_cached(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0


def test_saving_stores_the_escaped_linked_html():
    comment = CommentFactory(body=HOSTILE, approved=True)
    comment.refresh_from_db()

    assert comment.body_format == markup.FORMAT
    assert comment.body_html == HOSTILE_HTML
    assert comment.html() == HOSTILE_HTML


def test_the_page_shows_the_stored_html_and_no_live_markup(moderator):
    comment = CommentFactory(body=HOSTILE)
    comment.approve(by=moderator)

    page = Client().get(comment.article.get_absolute_url())

    assertContains(page, HOSTILE_HTML, html=False)
    assertNotContains(page, "<script>alert", html=False)


def test_an_edited_body_is_rendered_again():
    comment = CommentFactory(body="See https://old.example", approved=True)

    comment.body = "Now <b>bold</b> and https://new.example"
    comment.save()
    comment.refresh_from_db()
    assert "new.example" in comment.body_html
    assert "old.example" not in comment.body_html
    assert "&lt;b&gt;bold&lt;/b&gt;" in comment.body_html

    comment.body = "Changed again"
    comment.save(update_fields=["body"])
    comment.refresh_from_db()
    assert comment.body_html == "<p>Changed again</p>"


def test_a_moderation_decision_leaves_the_html_alone(moderator):
    comment = CommentFactory(body="Kept as it was.")
    Comment.objects.filter(pk=comment.pk).update(body_html="<p>stored</p>")
    comment.refresh_from_db()

    comment.approve(by=moderator)
    comment.refresh_from_db()

    assert comment.body_html == "<p>stored</p>"  # only status fields were saved


def test_erasure_replaces_the_stored_html(moderator):
    comment = CommentFactory(body="My words, https://me.example", email="jo@x.example")
    comment.approve(by=moderator)

    privacy.erase("jo@x.example")
    comment.refresh_from_db()

    assert "me.example" not in comment.body_html
    assert comment.html() == markup.render_body(privacy.ERASED_BODY)


def test_rows_of_an_older_format_render_live_until_the_command_stores_them():
    story = ArticleFactory(published=True)
    Comment.objects.bulk_create(  # past save(): nothing stored, format 0
        [
            Comment(
                article=story,
                name="Bulk",
                email="b@x.example",
                body=HOSTILE,
                status=Comment.Status.APPROVED,
            )
        ]
    )
    stale = Comment.objects.get(name="Bulk")
    assert stale.body_format == 0 and stale.body_html == ""

    assertContains(Client().get(story.get_absolute_url()), HOSTILE_HTML, html=False)

    out = io.StringIO()
    call_command("render_comments", stdout=out)
    stale.refresh_from_db()
    assert stale.body_html == HOSTILE_HTML and stale.body_format == markup.FORMAT
    assert "Rendered 1 comment(s)." in out.getvalue()
    call_command("render_comments", stdout=out)
    assert "Rendered 0 comment(s)." in out.getvalue()


def test_a_format_change_never_shows_html_made_by_old_rules(monkeypatch):
    comment = CommentFactory(body="Plain words.", approved=True)
    Comment.objects.filter(pk=comment.pk).update(body_html="<p>OLD RULES</p>")
    monkeypatch.setattr(markup, "FORMAT", markup.FORMAT + 1)

    page = Client().get(comment.article.get_absolute_url())
    assertNotContains(page, "OLD RULES")
    assertContains(page, "<p>Plain words.</p>", html=False)

    call_command("render_comments", "--all", stdout=io.StringIO())
    comment.refresh_from_db()
    assert comment.body_html == "<p>Plain words.</p>"
    assert comment.body_format == markup.FORMAT


def test_a_backup_carries_no_html_and_a_restore_makes_it(tmp_path):
    CommentFactory(body="Backed up https://b.example", approved=True)
    path = tmp_path / "export.json"
    call_command("export_content", "--output", str(path), stderr=io.StringIO())
    data = json.loads(path.read_text())
    [row] = data["comments"]
    assert "body_html" not in row and "body_format" not in row

    # A file carrying markup of its own is not believed.
    row["body_html"] = "<script>alert(1)</script>"
    path.write_text(json.dumps(data))
    flush_content()
    call_command("import_content", str(path), stdout=io.StringIO())

    restored = Comment.objects.get()
    assert restored.body_format == markup.FORMAT
    assert restored.body_html == markup.render_body("Backed up https://b.example")
    assert "script" not in restored.body_html
