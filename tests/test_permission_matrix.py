"""Who may see and do what: every role against every admin screen and action."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from comments.models import Comment
from newsroom.models import Page
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    CorrespondentFactory,
    SectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "journalist", "editor", "moderator", "superuser"]
OK, DENIED = "ok", "denied"


@pytest.fixture
def world():
    journalist = UserFactory(username="j", role="Journalist")
    users = {
        "anonymous": None,
        "journalist": journalist,
        "editor": UserFactory(username="e", role="Editor"),
        "moderator": UserFactory(username="m", role="Moderator"),
        "superuser": UserFactory(username="s", is_superuser=True),
    }
    own = ArticleFactory(
        headline="Own draft", bylines=[CorrespondentFactory(user=journalist)]
    )
    other = ArticleFactory(headline="Other draft")
    live = ArticleFactory(published=True)
    comment = CommentFactory(article=live)
    page = Page.objects.create(slug="terms", title="Terms", body="<p>x</p>")
    return {
        "users": users,
        "own": own,
        "other": other,
        "live": live,
        "comment": comment,
        "page": page,
        "section": SectionFactory(name="World"),
    }


def client_for(world, role):
    client = Client()
    if world["users"][role]:
        client.force_login(world["users"][role])
    return client


# (name, method, url builder, {role: expected}); roles not listed are DENIED.
SCREENS = [
    (
        "admin index",
        "get",
        lambda w: reverse("admin:index"),
        {"journalist": OK, "editor": OK, "moderator": OK, "superuser": OK},
    ),
    (
        "story list",
        "get",
        lambda w: reverse("admin:articles_article_changelist"),
        {"journalist": OK, "editor": OK, "superuser": OK},
    ),
    (
        "new story",
        "get",
        lambda w: reverse("admin:articles_article_add"),
        {"journalist": OK, "editor": OK, "superuser": OK},
    ),
    (
        "own draft",
        "get",
        lambda w: reverse("admin:articles_article_change", args=[w["own"].pk]),
        {"journalist": OK, "editor": OK, "superuser": OK},
    ),
    (
        "another's draft",
        "get",
        lambda w: reverse("admin:articles_article_change", args=[w["other"].pk]),
        {"editor": OK, "superuser": OK},
    ),
    (
        "revisions of another's draft",
        "get",
        lambda w: reverse("admin:articles_article_revisions", args=[w["other"].pk]),
        {"editor": OK, "superuser": OK},
    ),
    (
        "sections",
        "get",
        lambda w: reverse("admin:articles_section_change", args=[w["section"].pk]),
        {"editor": OK, "superuser": OK, "journalist": OK},
    ),
    (
        "add section",
        "get",
        lambda w: reverse("admin:articles_section_add"),
        {"editor": OK, "superuser": OK},
    ),
    (
        "correspondents",
        "get",
        lambda w: reverse("admin:authors_correspondent_changelist"),
        {"journalist": OK, "editor": OK, "superuser": OK},
    ),
    (
        "comment queue",
        "get",
        lambda w: reverse("admin:comments_comment_changelist"),
        {"editor": OK, "moderator": OK, "superuser": OK},
    ),
    (
        "one comment",
        "get",
        lambda w: reverse("admin:comments_comment_change", args=[w["comment"].pk]),
        {"editor": OK, "moderator": OK, "superuser": OK},
    ),
    (
        "approve and reply",
        "get",
        lambda w: reverse("admin:comments_comment_reply", args=[w["comment"].pk]),
        {"editor": OK, "moderator": OK, "superuser": OK},
    ),
    (
        "blocklist",
        "get",
        lambda w: reverse("admin:comments_blockedterm_changelist"),
        {"editor": OK, "moderator": OK, "superuser": OK},
    ),
    (
        "pages",
        "get",
        lambda w: reverse("admin:newsroom_page_change", args=[w["page"].pk]),
        {"editor": OK, "superuser": OK},
    ),
    (
        "users",
        "get",
        lambda w: reverse("admin:auth_user_changelist"),
        {"superuser": OK},
    ),
    (
        "draft preview on the site",
        "get",
        lambda w: w["other"].get_absolute_url(),
        {"editor": OK, "superuser": OK},
    ),
    (
        "own draft on the site",
        "get",
        lambda w: w["own"].get_absolute_url(),
        {"journalist": OK, "editor": OK, "superuser": OK},
    ),
]


def outcome(response):
    if response.status_code == HTTPStatus.OK:
        return OK
    if (
        response.status_code == HTTPStatus.FOUND
        and "/admin/login/" not in response["Location"]
        and response["Location"] != reverse("admin:index")
    ):
        return OK
    return DENIED


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("screen", SCREENS, ids=[s[0] for s in SCREENS])
def test_screen(world, role, screen):
    name, method, url, allowed = screen
    response = getattr(client_for(world, role), method)(url(world))

    assert outcome(response) == allowed.get(role, DENIED), (
        name,
        role,
        response.status_code,
    )


@pytest.mark.parametrize("role", ROLES)
def test_who_may_publish(world, role):
    story = world["own"]
    story.submit(by=world["users"]["journalist"])

    client_for(world, role).post(
        reverse("admin:articles_article_transition", args=[story.pk]),
        {"to": "published"},
    )

    story.refresh_from_db()
    assert story.is_published() == (role in ("editor", "superuser"))


@pytest.mark.parametrize("role", ROLES)
def test_who_may_approve_comments(world, role):
    comment = world["comment"]

    client_for(world, role).post(
        reverse("admin:comments_comment_changelist"),
        {"action": "approve_selected", "_selected_action": [comment.pk]},
    )
    client_for(world, role).post(
        reverse("admin:comments_comment_decide", args=[comment.pk]),
        {"decision": "approve"},
    )

    comment.refresh_from_db()
    assert (comment.status == Comment.Status.APPROVED) == (
        role in ("editor", "moderator", "superuser")
    )


@pytest.mark.parametrize("role", ROLES)
def test_who_may_edit_a_story(world, role):
    story = world["other"]
    url = reverse("admin:articles_article_change", args=[story.pk])

    client_for(world, role).post(
        url, {"headline": "Defaced", "slug": story.slug, "base_version": story.version}
    )

    story.refresh_from_db()
    assert story.headline != "Defaced" or role in ("editor", "superuser")


@pytest.mark.parametrize("role", ROLES)
def test_who_may_withdraw_and_correct(world, role):
    live = world["live"]
    client = client_for(world, role)

    client.post(
        reverse("admin:articles_article_correct", args=[live.pk]),
        {"kind": "correction", "note": "Fixed."},
    )
    client.post(
        reverse("admin:articles_article_transition", args=[live.pk]),
        {"to": "withdrawn"},
    )

    live.refresh_from_db()
    allowed = role in ("editor", "superuser")
    assert live.corrections.exists() == allowed
    assert (live.status == "withdrawn") == allowed


def test_readers_never_reach_drafts_or_private_fields(world):
    reader = Client()

    assert (
        reader.get(world["other"].get_absolute_url()).status_code
        == HTTPStatus.NOT_FOUND
    )
    assert reader.get("/preview/not-a-token/").status_code == HTTPStatus.NOT_FOUND
    assert reader.get(reverse("admin:index")).status_code == HTTPStatus.FOUND
    person = CorrespondentFactory(email="private-desk@newsroom.example")
    ArticleFactory(published=True, bylines=[person])
    assert (
        b"private-desk@newsroom.example"
        not in reader.get(person.get_absolute_url()).content
    )
    assert Article.objects.published().count() == 2
