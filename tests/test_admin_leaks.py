"""What the admin lets slip: unpublished addresses through "view on site",
profiles linked to staff accounts, correspondents' private e-mail."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from authors.forms import CorrespondentAdminForm
from authors.models import LINK_NOT_PERMITTED, Correspondent
from tests.admin_forms import form_data
from tests.factories import ArticleFactory, CorrespondentFactory, UserFactory

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def view_on_site(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


@pytest.fixture
def stories(journalist, editor):
    own = CorrespondentFactory(user=journalist)
    return {
        "own draft": ArticleFactory(slug="own-draft", bylines=[own]),
        "other draft": ArticleFactory(slug="other-draft"),
        "scheduled": ArticleFactory(scheduled=True, slug="embargoed-till-monday"),
        "live": ArticleFactory(published=True, slug="live-story"),
    }


# "View on site" --------------------------------------------------------------

SHORTCUT_ANSWERS = {  # (role, story): does the shortcut give its address?
    ("moderator", "own draft"): False,
    ("moderator", "other draft"): False,
    ("moderator", "scheduled"): False,
    ("moderator", "live"): True,
    ("journalist", "own draft"): True,
    ("journalist", "other draft"): False,
    ("journalist", "scheduled"): False,
    ("journalist", "live"): True,
    ("editor", "own draft"): True,
    ("editor", "other draft"): True,
    ("editor", "scheduled"): True,
    ("editor", "live"): True,
}


@pytest.mark.parametrize(("role", "story"), list(SHORTCUT_ANSWERS))
def test_view_on_site_answers_only_for_live_stories_or_their_editors(
    request, stories, role, story
):
    article = stories[story]
    client = signed_in(request.getfixturevalue(role))

    response = client.get(view_on_site(article))

    if SHORTCUT_ANSWERS[role, story]:
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].endswith(article.get_absolute_url())
    else:
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert article.slug not in response.content.decode()
        assert "Location" not in response


def test_view_on_site_hides_a_withdrawn_story_from_a_moderator(editor, moderator):
    story = ArticleFactory(published=True, slug="pulled-story")
    story.withdraw(by=editor, note="Legal")

    response = signed_in(moderator).get(view_on_site(story))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "pulled-story" not in response.content.decode()


def test_view_on_site_still_answers_for_public_profiles(moderator):
    person = CorrespondentFactory(slug="ana-lopes")

    response = signed_in(moderator).get(view_on_site(person))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith("/correspondents/ana-lopes/")


def test_view_on_site_needs_a_staff_sign_in(stories):
    response = Client().get(view_on_site(stories["live"]))

    assert response.status_code == HTTPStatus.FOUND
    assert reverse("admin:login") in response["Location"]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/r/999999/1/",
        "/admin/r/{article_type}/999999/",
        "/admin/r/{article_type}/not-a-number/",
        "/admin/r/{article_type}/99999999999999999999999/",
    ],
)
def test_view_on_site_with_bad_ids_is_a_plain_not_found(editor, path):
    article_type = ContentType.objects.get_for_model(Article).pk

    response = signed_in(editor).get(path.format(article_type=article_type))

    assert response.status_code == HTTPStatus.NOT_FOUND


# Linking a staff account to a profile ---------------------------------------


@pytest.fixture
def account_manager(db):
    """An editor who may also manage staff accounts."""
    user = UserFactory(username="desk-chief", role="Editor")
    user.user_permissions.add(Permission.objects.get(codename="change_user"))
    return user


def change_url(person):
    return reverse("admin:authors_correspondent_change", args=[person.pk])


def post_back(client, person, **changes):
    """Open the profile's change form and post it back, complete, with `changes`."""
    page = client.get(change_url(person))
    assert page.status_code == HTTPStatus.OK
    data = form_data(page, "correspondent_form")
    data.update({name: [str(value)] for name, value in changes.items()})
    return client.post(change_url(person), data)


def test_editor_sees_the_account_link_read_only(editor):
    person = CorrespondentFactory()

    page = signed_in(editor).get(change_url(person))

    assertContains(page, "field-user")  # the field is there ...
    assertNotContains(page, 'name="user"')  # ... but cannot be changed


def test_editor_cannot_link_an_account_even_with_a_crafted_post(editor, journalist):
    person = CorrespondentFactory(job_title="Foreign Correspondent")

    response = post_back(
        signed_in(editor), person, user=journalist.pk, job_title="Senior Writer"
    )

    assert response.status_code == HTTPStatus.FOUND  # the rest of the edit is kept
    person.refresh_from_db()
    assert person.job_title == "Senior Writer"
    assert person.user is None


def test_editor_cannot_unlink_an_account_either(editor, journalist):
    person = CorrespondentFactory(user=journalist)

    response = post_back(signed_in(editor), person, user="")

    assert response.status_code == HTTPStatus.FOUND
    person.refresh_from_db()
    assert person.user == journalist


def test_editor_cannot_link_an_account_to_a_new_profile(editor, journalist):
    client = signed_in(editor)
    page = client.get(reverse("admin:authors_correspondent_add"))
    data = form_data(page, "correspondent_form")
    data.update(name=["New Hire"], slug=["new-hire"], user=[str(journalist.pk)])

    response = client.post(reverse("admin:authors_correspondent_add"), data)

    assert response.status_code == HTTPStatus.FOUND
    assert Correspondent.objects.get(slug="new-hire").user is None


@pytest.mark.parametrize("role", ["account_manager", "superuser"])
def test_whoever_manages_accounts_links_one(request, role, journalist):
    person = CorrespondentFactory()
    client = signed_in(request.getfixturevalue(role))

    response = post_back(client, person, user=journalist.pk)

    assert response.status_code == HTTPStatus.FOUND
    person.refresh_from_db()
    assert person.user == journalist


@pytest.mark.parametrize("role", ["journalist", "moderator"])
def test_other_roles_cannot_post_a_profile_at_all(request, role, editor):
    person = CorrespondentFactory()
    data = form_data(signed_in(editor).get(change_url(person)), "correspondent_form")
    data["user"] = [str(request.getfixturevalue(role).pk)]

    response = signed_in(request.getfixturevalue(role)).post(change_url(person), data)

    assert response.status_code == HTTPStatus.FORBIDDEN
    person.refresh_from_db()
    assert person.user is None


def test_the_profile_form_refuses_a_link_by_someone_without_the_right(
    editor, journalist
):
    person = CorrespondentFactory()
    data = {"name": person.name, "slug": person.slug, "user": journalist.pk}
    form = CorrespondentAdminForm(data, instance=person, actor=editor)

    assert not form.is_valid()
    assert form.errors["user"] == [LINK_NOT_PERMITTED]


def test_the_profile_form_accepts_a_link_by_an_account_manager(
    account_manager, journalist
):
    person = CorrespondentFactory()
    data = {"name": person.name, "slug": person.slug, "user": journalist.pk}
    form = CorrespondentAdminForm(data, instance=person, actor=account_manager)

    assert form.is_valid(), form.errors
    assert form.save().user == journalist


# Private contact e-mail -------------------------------------------------------


@pytest.fixture
def colleagues(journalist):
    return {
        "own": CorrespondentFactory(
            name="Jess Own", user=journalist, email="jess.own@private.example"
        ),
        "other": CorrespondentFactory(
            name="Omar Other", email="omar.other@private.example"
        ),
    }


def test_journalist_sees_only_their_own_contact_email(journalist, colleagues):
    client = signed_in(journalist)

    own = client.get(change_url(colleagues["own"]))
    other = client.get(change_url(colleagues["other"]))

    assertContains(own, "jess.own@private.example")
    assert other.status_code == HTTPStatus.OK
    assertContains(other, "Omar Other")
    assertNotContains(other, "omar.other@private.example")
    assertNotContains(other, "private contact e-mail")


def test_journalist_list_and_search_show_no_contact_email(journalist, colleagues):
    client = signed_in(journalist)
    url = reverse("admin:authors_correspondent_changelist")

    listing = client.get(url)
    by_address = client.get(url, {"q": "omar.other@private.example"})
    by_domain = client.get(url, {"q": "private.example"})

    assertContains(listing, "Omar Other")
    assertNotContains(listing, "omar.other@private.example")
    assertNotContains(by_address, "Omar Other")
    assertNotContains(by_domain, "Omar Other")


def test_journalist_byline_autocomplete_shows_no_contact_email(journalist, colleagues):
    client = signed_in(journalist)
    url = reverse("admin:autocomplete")
    query = {"app_label": "articles", "model_name": "byline"}
    query["field_name"] = "correspondent"

    by_name = client.get(url, query | {"term": "Omar"})
    by_address = client.get(url, query | {"term": "omar.other@private"})

    assert by_name.status_code == HTTPStatus.OK
    assert [r["text"] for r in by_name.json()["results"]] == ["Omar Other"]
    assert "private.example" not in by_name.content.decode()
    assert by_address.json()["results"] == []


def test_editor_sees_and_edits_every_contact_email(editor, colleagues):
    client = signed_in(editor)

    page = client.get(change_url(colleagues["other"]))
    response = post_back(client, colleagues["other"], email="omar.desk@private.example")

    assertContains(page, "omar.other@private.example")
    assert response.status_code == HTTPStatus.FOUND
    colleagues["other"].refresh_from_db()
    assert colleagues["other"].email == "omar.desk@private.example"


def test_contact_email_rule():
    journalist = UserFactory(username="writer", role="Journalist")
    editor = UserFactory(username="chief", role="Editor")
    own = CorrespondentFactory(user=journalist)
    other = CorrespondentFactory()

    assert own.contact_visible_to(journalist)
    assert not other.contact_visible_to(journalist)
    assert other.contact_visible_to(editor)
