"""Who may see and do what: every role against every admin screen and action.

Every POST here is a whole form as the page renders it (management forms,
split date and time boxes and all), read from the page by a user who may open
it; so a refusal comes from the role's permissions, never from a form that
was missing a field, and the same request succeeds for the roles allowed.
Each case checks what the role gets to see and what is stored afterwards,
not only a status code.
"""

import html
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from articles.models import Article, Page
from articles.workflow import Status
from comments.models import BlockedTerm, Comment
from tests.admin_forms import change_form, find_form, form_errors
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    CorrespondentFactory,
    SectionFactory,
    TagFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "journalist", "editor", "moderator", "superuser"]
# What a role gets when it asks for something.
SAVED = "saved"  # the admin's redirect back to the form, and the change stored
LOGIN = "login"  # sent to sign in
FORBIDDEN = "forbidden"  # 403: the role lacks the permission
MISSING = "missing"  # the admin answers as if the object did not exist


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
        headline="Own draft about the harbour",
        bylines=[CorrespondentFactory(user=journalist, name="Jo Writer")],
    )
    other = ArticleFactory(
        headline="Other draft about the budget",
        bylines=[CorrespondentFactory(name="Pat Other", with_photo=True)],
    )
    live = ArticleFactory(
        headline="Live story about the ferries",
        with_hero=True,
        published=True,
        workflow__by=users["editor"],
    )
    comment = CommentFactory(article=live, body="A remark waiting for a moderator.")
    return {
        "users": users,
        "own": own,
        "other": other,
        "live": live,
        "comment": comment,
        "person": other.bylines.get().correspondent,
        "page": Page.objects.create(slug="terms", title="Terms", body="<p>x</p>"),
        "section": SectionFactory(name="World"),
        "tag": TagFactory(name="Shipping"),
        "term": BlockedTerm.objects.create(kind="word", value="cheap pills"),
    }


def client_for(world, role):
    client = Client()
    if world["users"][role]:
        client.force_login(world["users"][role])
    return client


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


# Screens: (name, url, what the page shows when the role may see it, roles).
SCREENS = [
    (
        "admin index",
        lambda w: reverse("admin:index"),
        lambda w: "Today's work",
        {"journalist", "editor", "moderator", "superuser"},
    ),
    (
        "story list shows one's own draft",
        lambda w: reverse("admin:articles_article_changelist"),
        lambda w: w["own"].headline,
        {"journalist", "editor", "superuser"},
    ),
    (
        "story list shows another's draft",
        lambda w: reverse("admin:articles_article_changelist"),
        lambda w: w["other"].headline,
        {"editor", "superuser"},
    ),
    (
        "new story",
        lambda w: reverse("admin:articles_article_add"),
        lambda w: "Add article",
        {"journalist", "editor", "superuser"},
    ),
    (
        "own draft",
        lambda w: change_url(w["own"]),
        lambda w: w["own"].headline,
        {"journalist", "editor", "superuser"},
    ),
    (
        "another's draft",
        lambda w: change_url(w["other"]),
        lambda w: w["other"].headline,
        {"editor", "superuser"},
    ),
    (
        "revisions of another's draft",
        lambda w: reverse("admin:articles_article_revisions", args=[w["other"].pk]),
        lambda w: f"History of “{w['other'].headline}”",
        {"editor", "superuser"},
    ),
    (
        "a section",
        lambda w: change_url(w["section"]),
        lambda w: 'value="World"',
        {"editor", "superuser"},
    ),
    (
        "a section, read only",
        lambda w: change_url(w["section"]),
        lambda w: "View section",
        {"journalist"},
    ),
    (
        "add section",
        lambda w: reverse("admin:articles_section_add"),
        lambda w: "Add section",
        {"editor", "superuser"},
    ),
    (
        "correspondents",
        lambda w: reverse("admin:authors_correspondent_changelist"),
        lambda w: w["person"].name,
        {"journalist", "editor", "superuser"},
    ),
    (
        "comment queue",
        lambda w: reverse("admin:comments_comment_changelist"),
        lambda w: w["comment"].body,
        {"editor", "moderator", "superuser"},
    ),
    (
        "one comment",
        lambda w: change_url(w["comment"]),
        lambda w: w["comment"].body,
        {"editor", "moderator", "superuser"},
    ),
    (
        "approve and reply",
        lambda w: reverse("admin:comments_comment_reply", args=[w["comment"].pk]),
        lambda w: "Your reply",
        {"editor", "moderator", "superuser"},
    ),
    (
        "blocklist",
        lambda w: reverse("admin:comments_blockedterm_changelist"),
        lambda w: "cheap pills",
        {"editor", "moderator", "superuser"},
    ),
    (
        "pages",
        lambda w: change_url(w["page"]),
        lambda w: 'value="Terms"',
        {"editor", "superuser"},
    ),
    (
        "users",
        lambda w: reverse("admin:auth_user_changelist"),
        lambda w: "Select user to change",
        {"superuser"},
    ),
    (
        "draft preview on the site",
        lambda w: w["other"].get_absolute_url(),
        lambda w: w["other"].headline,
        {"editor", "superuser"},
    ),
    (
        "own draft on the site",
        lambda w: w["own"].get_absolute_url(),
        lambda w: w["own"].headline,
        {"journalist", "editor", "superuser"},
    ),
]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_only_what_it_may(world, role):
    client = client_for(world, role)
    wrong = []

    for name, url, shows, allowed in SCREENS:
        response = client.get(url(world))
        seen = response.status_code == HTTPStatus.OK and shows(world) in text_of(
            response
        )
        if seen != (role in allowed):
            wrong.append(f"{name}: {'shown' if seen else 'not shown'}")
        elif role == "anonymous" and url(world).startswith("/admin/"):
            if not response["Location"].startswith(reverse("admin:login")):
                wrong.append(f"{name}: not sent to sign in")

    assert wrong == [], role


# Edits: (name, the object, one change, the field it is stored in,
#         {role: outcome}); roles not listed are FORBIDDEN, anonymous LOGIN.
EDITS = [
    (
        "one's own draft",
        "own",
        {"headline": "Harbour reopens"},
        {"journalist": SAVED, "editor": SAVED, "superuser": SAVED},
    ),
    (
        "another's draft",
        "other",
        {"headline": "Defaced"},
        {"journalist": MISSING, "editor": SAVED, "superuser": SAVED},
    ),
    (
        "a live story",
        "live",
        {"dek": "Ferries run again from Monday."},
        {"journalist": MISSING, "editor": SAVED, "superuser": SAVED},
    ),
    (
        "a section",
        "section",
        {"name": "World news"},
        {"editor": SAVED, "superuser": SAVED},
    ),
    ("a tag", "tag", {"name": "Shipping lanes"}, {"editor": SAVED, "superuser": SAVED}),
    (
        "a correspondent",
        "person",
        {"job_title": "Chief Correspondent"},
        {"editor": SAVED, "superuser": SAVED},
    ),
    (
        "a page",
        "page",
        {"title": "Terms of use"},
        {"editor": SAVED, "superuser": SAVED},
    ),
    (
        "a blocked term",
        "term",
        {"value": "cheap tablets"},
        {"editor": SAVED, "moderator": SAVED, "superuser": SAVED},
    ),
    (
        "a staff account",
        "journalist_user",
        {"email": "taken-over@evil.example"},
        {"superuser": SAVED},
    ),
]


def target(world, key):
    return world["users"]["journalist"] if key == "journalist_user" else world[key]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("edit", EDITS, ids=[e[0] for e in EDITS])
def test_who_may_save_each_admin_form(world, role, edit):
    name, key, change, outcomes = edit
    obj = target(world, key)
    url = change_url(obj)
    # The whole form as the page renders it, read by someone who may open it.
    data = change_form(text_of(client_for(world, "superuser").get(url))).data(**change)
    ((field, value),) = change.items()
    expected = LOGIN if role == "anonymous" else outcomes.get(role, FORBIDDEN)

    client = client_for(world, role)
    response = client.post(url, data)

    assert_outcome(client, response, expected, url, str(obj))
    stored = getattr(type(obj)._default_manager.get(pk=obj.pk), field)
    assert (stored == value) == (expected == SAVED), (name, role, stored)
    if expected == SAVED:
        page = text_of(client.get(url))
        assert "was changed successfully" in page
        assert value in page


def assert_outcome(client, response, expected, url, title=""):
    """The role got `expected`, and a refusal shows nothing of the object."""
    if response.status_code == HTTPStatus.OK and response.context:
        pytest.fail(f"the form came back with errors: {form_errors(response)}")
    if expected == SAVED:
        assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, url)
    elif expected == LOGIN:
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith(reverse("admin:login"))
    elif expected == FORBIDDEN:
        assert response.status_code == HTTPStatus.FORBIDDEN
        assert title not in text_of(response)
    elif expected == MISSING:
        assert (response.status_code, response["Location"]) == (
            HTTPStatus.FOUND,
            reverse("admin:index"),
        )
        index = text_of(client.get(response["Location"]))
        assert "doesn’t exist. Perhaps it was deleted?" in index
        assert title not in index


@pytest.mark.parametrize("role", ROLES)
def test_who_may_publish(world, role):
    story = world["own"]
    story.submit(by=world["users"]["journalist"])
    url = change_url(story)
    transition = reverse("admin:articles_article_transition", args=[story.pk])
    data = find_form(
        text_of(client_for(world, "editor").get(url)), action=transition
    ).data(button=("to", Status.PUBLISHED))
    client = client_for(world, role)

    response = client.post(transition, data)

    story.refresh_from_db()
    allowed = role in ("editor", "superuser")
    assert story.is_published() == allowed
    assert story.events.filter(to_status=Status.PUBLISHED).exists() == allowed
    if role == "anonymous":
        assert response["Location"].startswith(reverse("admin:login"))
    elif role == "moderator":
        assert response.status_code == HTTPStatus.NOT_FOUND
    else:
        page = text_of(client.get(response["Location"]))
        if allowed:
            assert f"“{story.headline}” is now published." in page
        else:
            assert "You may not move an article from in review to published." in page
            assert "Publish</button>" not in page


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("way", ["bulk action", "decision buttons"])
def test_who_may_approve_comments(world, role, way):
    comment = world["comment"]
    editor = client_for(world, "editor")
    if way == "bulk action":
        url = reverse("admin:comments_comment_changelist")
        data = find_form(text_of(editor.get(url)), id="changelist-form").data(
            button=("index", "0"),
            action="approve_selected",
            _selected_action=[str(comment.pk)],
        )
    else:
        url = reverse("admin:comments_comment_decide", args=[comment.pk])
        data = find_form(text_of(editor.get(change_url(comment))), action=url).data(
            button=("decision", "approve")
        )
    client = client_for(world, role)

    response = client.post(url, data)

    comment.refresh_from_db()
    allowed = role in ("editor", "moderator", "superuser")
    assert (comment.status == Comment.Status.APPROVED) == allowed
    assert comment.moderated_by == (world["users"][role] if allowed else None)
    public = text_of(Client().get(world["live"].get_absolute_url()))
    assert (comment.body in public) == allowed
    if role == "anonymous":
        assert response["Location"].startswith(reverse("admin:login"))
    elif allowed:
        page = text_of(client.get(response["Location"]))
        assert "approved" in page.lower()
    else:
        assert response.status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("role", ROLES)
def test_who_may_withdraw_and_correct(world, role):
    live = world["live"]
    page = text_of(client_for(world, "editor").get(change_url(live)))
    correct = reverse("admin:articles_article_correct", args=[live.pk])
    transition = reverse("admin:articles_article_transition", args=[live.pk])
    correction = find_form(page, action=correct).data(
        button=None, kind="correction", note="The ferry leaves at nine, not ten."
    )
    withdrawal = find_form(page, action=transition).data(
        button=("to", Status.WITHDRAWN), note="Legal advice"
    )
    client = client_for(world, role)

    client.post(correct, correction)
    live.refresh_from_db()
    allowed = role in ("editor", "superuser")
    corrected = "The ferry leaves at nine, not ten." in text_of(
        Client().get(live.get_absolute_url())
    )
    client.post(transition, withdrawal)

    live.refresh_from_db()
    assert live.corrections.exists() == corrected == allowed
    assert (live.status == Status.WITHDRAWN) == allowed
    gone = Client().get(live.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert gone == allowed


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
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
