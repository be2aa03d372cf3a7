"""Threads cannot grow deeper than the setting: on import, on posting, on show."""

import io
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.utils import timezone
from pytest_django.asserts import assertContains

from articles.models import Article
from comments import thread
from comments.models import Comment
from tests.comment_helpers import post_comment
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

CHAIN = 400
COMMENT = """
<wp:comment>
  <wp:comment_id>{id}</wp:comment_id>
  <wp:comment_author><![CDATA[Reader {id}]]></wp:comment_author>
  <wp:comment_author_email><![CDATA[r{id}@reader.example]]></wp:comment_author_email>
  <wp:comment_date_gmt><![CDATA[2024-03-05 10:00:00]]></wp:comment_date_gmt>
  <wp:comment_content><![CDATA[Link {id} in the chain.]]></wp:comment_content>
  <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
  <wp:comment_type><![CDATA[comment]]></wp:comment_type>
  <wp:comment_parent>{parent}</wp:comment_parent>
</wp:comment>"""
EXPORT = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Hostile</title><link>https://old.example</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[amara]]></wp:author_login>
    <wp:author_display_name><![CDATA[Amara Okafor]]></wp:author_display_name></wp:author>
  <item>
    <title><![CDATA[A story with a very long thread]]></title>
    <dc:creator><![CDATA[amara]]></dc:creator>
    <content:encoded><![CDATA[Readers argued at length.]]></content:encoded>
    <wp:post_id>101</wp:post_id>
    <wp:post_date_gmt><![CDATA[2024-03-05 08:30:00]]></wp:post_date_gmt>
    <wp:post_name><![CDATA[a-long-thread]]></wp:post_name>
    <wp:status><![CDATA[publish]]></wp:status>
    <wp:post_type><![CDATA[post]]></wp:post_type>
    <wp:comment_status><![CDATA[open]]></wp:comment_status>
    {comments}
  </item>
</channel>
</rss>"""


def test_a_400_deep_imported_chain_is_capped_and_its_page_renders(
    client, settings, tmp_path
):
    settings.COMMENT_MAX_DEPTH = 3
    comments = "".join(
        COMMENT.format(id=1000 + n, parent=999 + n if n else 0) for n in range(CHAIN)
    )
    export = tmp_path / "deep.xml"
    export.write_text(EXPORT.format(comments=comments))

    call_command("import_wordpress", str(export), stdout=io.StringIO())

    article = Article.objects.get(slug="a-long-thread")
    assert article.comments.count() == CHAIN
    assert max(c.depth for c in article.comments.all()) == 3
    page = client.get(article.get_absolute_url())
    assert page.status_code == HTTPStatus.OK
    assertContains(page, "Link 1399 in the chain.")
    assert article.comment_count == CHAIN


def test_deep_rows_already_stored_render_flattened_at_the_limit(client, settings):
    settings.COMMENT_MAX_DEPTH = 3
    parent = CommentFactory(approved=True, body="Link 0")
    article = parent.article
    for n in range(1, 600):
        parent = Comment.objects.create(
            article=article,
            parent=parent,
            name=f"R{n}",
            email="r@reader.example",
            body=f"Link {n}",
            status=Comment.Status.APPROVED,
            created_at=timezone.now(),
        )

    [top] = thread.visible_tree(article)
    [second] = top.replies
    assert [node.depth for node in second.replies] == [3] * 598
    assert [node.comment.body for node in second.replies][-1] == "Link 599"
    assert client.get(article.get_absolute_url()).status_code == HTTPStatus.OK


def test_a_reply_past_the_limit_joins_the_deepest_allowed_ancestor(
    client, settings, no_comment_delays
):
    settings.COMMENT_MAX_DEPTH = 2
    top = CommentFactory(approved=True)
    article = top.article
    second = CommentFactory(article=article, parent=top, approved=True)

    answer = post_comment(client, article, parent=str(second.pk))

    assert answer.status_code == HTTPStatus.SEE_OTHER
    reply = Comment.objects.latest("id")
    assert reply.parent == top
    assert reply.depth == 2
