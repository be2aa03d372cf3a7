import hashlib
import json
import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from markupsafe import escape
from pytest_django.asserts import assertContains, assertNotContains

from comments import privacy
from comments.models import Comment
from tests.comment_helpers import post_comment
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    CorrespondentFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

SECRET_EMAILS = [
    "hidden.reader@secret-mail.example",
    "Second.Person@Other-Secret.example",
]


def email_forms(email):
    lowered = email.strip().lower()
    return [
        email,
        lowered,
        email.split("@")[0],
        email.split("@")[1],
        hashlib.md5(lowered.encode()).hexdigest(),  # Gravatar
        hashlib.sha256(lowered.encode()).hexdigest(),
        email.replace("@", "&#64;"),
        email.replace("@", "%40"),
    ]


LINK = (
    r'(?:href="|<loc>)(/[^"#<\s]*|https?://(?:testserver|127\.0\.0\.1:8000)/[^"#<\s]*)'
)


def crawl(client, start_urls):
    seen, queue, pages = set(), list(start_urls), {}
    while queue and len(seen) < 300:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            continue
        body = response.content.decode()
        pages[url] = body
        for link in re.findall(LINK, body):
            link = re.sub(
                r"^https?://(testserver|127\.0\.0\.1:8000)", "", link
            ).replace("&amp;", "&")
            if not link.startswith(("/admin", "/static", "/media")):
                queue.append(link)
    return pages


def test_no_commenter_email_appears_in_any_public_output(client, moderator):
    section, tag = SectionFactory(name="World"), TagFactory(name="Oceans")
    person = CorrespondentFactory()
    article = ArticleFactory(
        published=True, section=section, tags=[tag], bylines=[person]
    )
    for email in SECRET_EMAILS:
        comment = CommentFactory(article=article, email=email, name="Quiet Reader")
        comment.approve(by=moderator)
        reply = CommentFactory(article=article, parent=comment, email=email)
        reply.approve(by=moderator)

    start = [
        "/",
        "/feed/",
        "/feed/atom/",
        "/sitemap.xml",
        "/robots.txt",
        "/corrections/",
        "/search/?q=Story",
        f"/sections/{section.slug}/feed/",
        f"/correspondents/{person.slug}/feed/",
        article.get_absolute_url(),
    ]
    pages = crawl(client, start)

    assert set(start) <= set(pages)  # each answered, so each was searched
    assert "/sitemap-articles.xml" in pages and "/feed/" in pages
    assert "Quiet Reader" in pages[article.get_absolute_url()]
    for url, body in pages.items():
        for email in SECRET_EMAILS:
            for form in email_forms(email):
                assert form.lower() not in body.lower(), (url, form)


@pytest.mark.parametrize(
    "hostile",
    [
        '<script>alert("x")</script>',
        '"><img src=x onerror=alert(1)>',
        "javascript:alert(1)",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<a href='javascript:alert(1)'>click</a>",
        "' onmouseover='alert(1)",
        "</textarea><script>alert(1)</script>",
    ],
)
def test_hostile_names_and_bodies_render_inert(client, moderator, hostile):
    article = ArticleFactory(published=True)
    comment = CommentFactory(
        article=article, name=f"Name {hostile}", body=f"Body {hostile}"
    )
    comment.approve(by=moderator)

    body = client.get(article.get_absolute_url()).content.decode()

    # Shown, as text: the checks below cannot pass on a page without it.
    assert f">{escape(comment.name)}<" in body
    assert "<script>alert" not in body
    assert "onerror=alert" not in body.replace("onerror=alert(1)&gt;", "")
    assert 'href="javascript' not in body and "href='javascript" not in body
    assert "onmouseover='alert" not in body


def test_urls_in_comments_become_nofollow_links(client, moderator):
    article = ArticleFactory(published=True)
    CommentFactory(
        article=article, body="Source: https://example.org/report\n\nSecond paragraph"
    ).approve(by=moderator)

    page = client.get(article.get_absolute_url())

    assertContains(
        page,
        '<a href="https://example.org/report" rel="nofollow ugc noopener">https://example.org/report</a>',
        html=True,
    )
    assertContains(page, "<p>Second paragraph</p>", html=True)


def test_only_a_keyed_hash_of_the_address_is_kept(client, no_comment_delays):
    article = ArticleFactory(published=True)

    post_comment(client, article)

    stored = Comment.objects.get()
    assert stored.ip_hash and "127.0.0.1" not in stored.ip_hash
    assert (
        stored.ip_hash != hashlib.sha256(b"127.0.0.1").hexdigest()
    )  # keyed, not a plain hash


def test_address_hashes_are_forgotten_after_the_retention_period(settings):
    settings.COMMENT_IP_RETENTION_DAYS = 30
    old = CommentFactory(
        ip_hash="a" * 64, created_at=timezone.now() - timedelta(days=31)
    )
    recent = CommentFactory(ip_hash="b" * 64)

    assert privacy.forget_old_addresses() == 1

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_hash, recent.ip_hash) == ("", "b" * 64)


def test_export_and_erase_by_command(moderator):
    article = ArticleFactory(published=True)
    mine = CommentFactory(article=article, email="me@mail.example", body="My words")
    mine.approve(by=moderator)
    reply = CommentFactory(
        article=article, parent=mine, email="other@mail.example", body="Reply words"
    )
    reply.approve(by=moderator)

    out = StringIO()
    call_command("commenter_data", "export", "ME@mail.example", stdout=out)
    exported = json.loads(out.getvalue())
    assert [c["body"] for c in exported["comments"]] == ["My words"]

    call_command("commenter_data", "erase", "me@mail.example", stdout=StringIO())
    mine.refresh_from_db()
    assert (mine.name, mine.email, mine.body) == (
        privacy.ERASED_NAME,
        "",
        privacy.ERASED_BODY,
    )
    assert Comment.objects.get(pk=reply.pk).body == "Reply words"  # others keep theirs
    assert not Comment.objects.filter(email__iexact="me@mail.example").exists()


def test_export_and_erase_from_the_admin(client, moderator):
    comment = CommentFactory(email="pat@mail.example", body="Pat's words")
    client.force_login(moderator)
    url = reverse("admin:comments_comment_changelist")

    exported = client.post(
        url, {"action": "export_data", "_selected_action": [comment.pk]}
    )
    assert exported["Content-Disposition"].startswith("attachment")
    assert json.loads(exported.content)[0]["comments"][0]["body"] == "Pat's words"

    client.post(url, {"action": "erase_data", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert comment.email == "" and comment.body == privacy.ERASED_BODY


def test_commenter_data_refuses_a_non_email():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="is not an e-mail address"):
        call_command("commenter_data", "export", "not-an-email")


def test_comment_count_on_cards_and_article_counts_approved_only(client, moderator):
    article = ArticleFactory(published=True, headline="Counted story")
    for _ in range(2):
        CommentFactory(article=article).approve(by=moderator)
    CommentFactory(article=article)  # pending
    CommentFactory(article=article).mark_spam(by=moderator)

    home = client.get("/")
    page = client.get(article.get_absolute_url())

    assertContains(home, "2 comments")
    assertContains(page, "2 comments")
    assertNotContains(page, "4 comments")
