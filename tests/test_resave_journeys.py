"""Every role opens every admin form it may open and saves it unchanged.

On the demo publication (`load_demo`: stories with drawn hero images,
correspondents with portraits, comments, pages) plus stories in every
workflow state with and without an image, and on what the WordPress importer
makes: each role signs in, opens every change form it may, posts it back as
a browser would with "Save and continue editing", and must get the admin's
redirect, with the object unchanged afterwards. Forms a role may only view,
or not open at all, must stay that way, and each list shows what the role
may open. The models come from the admin's own registry, so a newly
registered one fails here until someone says who may open it.
"""

import html
import io
import traceback
from datetime import datetime
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db.models.fields.files import FieldFile
from django.test import Client
from django.urls import resolve, reverse
from PIL import Image

from api.models import PartnerKey, WebhookEndpoint
from articles.models import Article, Section
from authors.models import Correspondent
from comments.models import BlockedTerm
from newsroom.management.commands.load_demo import DEMO_ACCOUNTS
from tests.admin_forms import SAVE_AND_CONTINUE, change_form, form_errors
from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    hero_upload,
    image_upload,
)
from tests.test_wordpress_import import WXR
from tests.webhook_support import run_tasks

pytestmark = pytest.mark.django_db

ROLES = ["journalist", "editor", "moderator", "admin"]
CHANGE, VIEW, NONE = "change", "view", "none"
OWN = "own"  # change if the role's own correspondent has a byline, else none

# Who may open each admin change form, and how (the demo's role groups).
ACCESS = {
    "articles.article": {
        "journalist": OWN,
        "editor": CHANGE,
        "moderator": NONE,
        "admin": CHANGE,
    },
    "library.image": {
        "journalist": CHANGE,
        "editor": CHANGE,
        "moderator": NONE,
        "admin": CHANGE,
    },
    "articles.section": {
        "journalist": VIEW,
        "editor": CHANGE,
        "moderator": NONE,
        "admin": CHANGE,
    },
    "articles.tag": {
        "journalist": VIEW,
        "editor": CHANGE,
        "moderator": NONE,
        "admin": CHANGE,
    },
    "authors.correspondent": {
        "journalist": VIEW,
        "editor": CHANGE,
        "moderator": NONE,
        "admin": CHANGE,
    },
    "comments.comment": {  # read only: decided by the buttons on the page
        "journalist": NONE,
        "editor": VIEW,
        "moderator": VIEW,
        "admin": VIEW,
    },
    "comments.blockedterm": {
        "journalist": NONE,
        "editor": CHANGE,
        "moderator": CHANGE,
        "admin": CHANGE,
    },
    "articles.page": {
        "journalist": NONE,
        "editor": CHANGE,
        "moderator": NONE,
        "admin": CHANGE,
    },
    "auth.user": {
        "journalist": NONE,
        "editor": NONE,
        "moderator": NONE,
        "admin": CHANGE,
    },
    "auth.group": {
        "journalist": NONE,
        "editor": NONE,
        "moderator": NONE,
        "admin": CHANGE,
    },
    "api.partnerkey": {
        "journalist": NONE,
        "editor": NONE,
        "moderator": NONE,
        "admin": CHANGE,
    },
    "api.webhookendpoint": {
        "journalist": NONE,
        "editor": NONE,
        "moderator": NONE,
        "admin": CHANGE,
    },
    "django_tasks_database.dbtaskresult": {  # the task queue: read only
        "journalist": NONE,
        "editor": NONE,
        "moderator": NONE,
        "admin": VIEW,
    },
    "api.delivery": {
        "journalist": NONE,
        "editor": NONE,
        "moderator": NONE,
        "admin": CHANGE,
    },
}
# Saving stamps these; everything else must read the same after a save.
BOOKKEEPING = {"updated_at", "version"}
STATES = ["draft", "in_review", "scheduled", "live", "withdrawn"]
TRAITS = {
    "draft": {},
    "in_review": {"in_review": True},
    "scheduled": {"scheduled": True},
    "live": {"published": True},
    "withdrawn": {"withdrawn": True},
}


def label(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def change_url_of(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def registered():
    return {
        label(model): model_admin for model, model_admin in admin.site._registry.items()
    }


def state(article) -> str:
    if article.is_scheduled():
        return "scheduled"
    if article.is_published():
        return "live"
    return article.status


# Data ---------------------------------------------------------------------------


@pytest.fixture
def demo():
    """The demo, with a story in every state with and without an image."""
    call_command("load_demo", stdout=io.StringIO())
    users = {
        (role or "admin").lower(): get_user_model().objects.get(username=username)
        for username, _password, role, _person in DEMO_ACCOUNTS
    }
    editor = users["editor"]
    amara = Correspondent.objects.get(user=users["journalist"])
    world = Section.objects.get(slug="world")
    # The partner side: a key, and an endpoint (down) that hears of publishing.
    key = PartnerKey(name="Newsletter tool", created_by=users["admin"])
    key.issue()
    key.full_clean()
    key.save()
    endpoint = WebhookEndpoint(
        url="http://127.0.0.1:9/hooks", events=["story.published"]
    )
    endpoint.full_clean()
    endpoint.save()
    for name, traits in TRAITS.items():
        for with_hero in (True, False):
            ArticleFactory(
                **traits,
                with_hero=with_hero,
                headline=f"Story ({name}, {'with' if with_hero else 'no'} picture)",
                section=world,
                bylines=[amara],
                workflow__by=editor,
            )
    # A story the demo published, taken down by the desk.
    Article.objects.published().exclude(bylines__correspondent=amara).first().withdraw(
        by=editor, note="Legal advice"
    )
    CorrespondentFactory(name="Noor Haddad", slug="noor-haddad")  # no photo yet
    for kind, value in [
        (BlockedTerm.Kind.WORD, "cheap pills"),
        (BlockedTerm.Kind.EMAIL, "@spam.example"),
        (BlockedTerm.Kind.IP_RANGE, "203.0.113.0/24"),
    ]:
        term = BlockedTerm(kind=kind, value=value)
        term.full_clean()
        term.save()
    run_tasks(only=4)  # announce the publications; the first attempts fail
    return users


def demo_client(role) -> Client:
    """Signed in as the README's demo login for `role`."""
    username, password = next(
        (username, password)
        for username, password, group, _person in DEMO_ACCOUNTS
        if (group or "admin").lower() == role
    )
    client = Client()
    assert client.login(username=username, password=password), role
    return client


@pytest.fixture
def wordpress_site(tmp_path):
    """What `import_wordpress` makes of the test site, its image included."""
    uploads = tmp_path / "uploads"
    (uploads / "2024" / "03").mkdir(parents=True)
    Image.new("RGB", (1600, 900), (20, 90, 160)).save(
        uploads / "2024" / "03" / "harbour.jpg"
    )
    call_command(
        "import_wordpress",
        str(WXR / "site.xml"),
        "--media-dir",
        str(uploads),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert Article.objects.exclude(hero=None).exists()


# Reading an object as a reader of the database would ------------------------------


def snapshot(obj, model_admin) -> dict:
    """Every stored value of `obj` and of the rows its inlines edit."""
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    values = _row(fresh)
    for field in fresh._meta.many_to_many:
        values[field.name] = sorted(
            getattr(fresh, field.name).values_list("pk", flat=True)
        )
    for inline in model_admin.inlines:
        fk = next(
            f
            for f in inline.model._meta.fields
            if f.is_relation and f.related_model is type(obj)
        )
        rows = inline.model._default_manager.filter(**{fk.name: obj}).order_by("pk")
        values[inline.model._meta.model_name] = [_row(row) for row in rows]
    return values


def _row(obj) -> dict:
    values = {}
    for field in obj._meta.concrete_fields:
        if field.name in BOOKKEEPING:
            continue
        value = field.value_from_object(obj)
        if isinstance(value, FieldFile):
            value = value.name
        elif isinstance(value, datetime):
            # The admin's date and time boxes show whole seconds.
            value = value.replace(microsecond=0)
        values[field.name] = value
    return values


def images_of(obj) -> list[str]:
    return [
        value.name
        for field in obj._meta.concrete_fields
        if isinstance(value := getattr(obj, field.name), FieldFile) and value
    ]


# The journey ---------------------------------------------------------------------


def access(role, obj, user) -> str:
    rule = ACCESS[label(type(obj))][role]
    if rule == OWN:
        return CHANGE if obj.bylines.filter(correspondent__user=user).exists() else NONE
    return rule


def resave_everything(client, role, user) -> tuple[list[str], set]:
    """Open and re-save every object `role` may; (problems, what it covered)."""
    problems, covered = [], set()
    for name, model_admin in registered().items():
        for obj in model_admin.model._default_manager.all():
            url = change_url_of(obj)
            where = f"{role} on {name} #{obj.pk} “{obj}”"
            before = snapshot(obj, model_admin)
            try:
                problem = CHECKS[access(role, obj, user)](client, url, str(obj))
            except Exception as error:  # noqa: BLE001 - named with its object
                problem = _raised(error)
            if access(role, obj, user) == CHANGE:
                if isinstance(obj, Article):
                    covered.add((state(obj), bool(obj.hero_image)))
                elif isinstance(obj, Correspondent):
                    covered.add(("correspondent", bool(obj.photo)))
                else:
                    covered.add(name)
            after = snapshot(obj, model_admin)
            if problem is None and after != before:
                changed = sorted(k for k in before if before[k] != after.get(k))
                problem = f"changed by an unchanged save: {changed}"
            if problem is None:
                missing = [n for n in images_of(obj) if not default_storage.exists(n)]
                problem = f"image files gone: {missing}" if missing else None
            if problem:
                problems.append(f"{where}: {problem}")
    return problems, covered


def _raised(error) -> str:
    frame = traceback.extract_tb(error.__traceback__)[-1]
    return (
        f"raised {type(error).__name__}: {error} "
        f"({frame.filename}:{frame.lineno} in {frame.name})"
    )


def _resave(client, url, _title):
    page = client.get(url)
    if page.status_code != HTTPStatus.OK:
        return f"GET answered {page.status_code}"
    form = change_form(page.content.decode())
    if SAVE_AND_CONTINUE not in form.button_names():
        return "no “Save and continue editing” button"
    response = client.post(url, form.data())
    if response.status_code == HTTPStatus.OK:
        return f"the form came back with errors: {form_errors(response)}"
    if response.status_code != HTTPStatus.FOUND:
        return f"POST answered {response.status_code}"
    if response["Location"] != url:
        return f"redirected to {response['Location']}, not back to the form"
    return None


def _view_only(client, url, _title):
    page = client.get(url)
    if page.status_code != HTTPStatus.OK:
        return f"GET of a form it may view answered {page.status_code}"
    form = change_form(page.content.decode())
    if form.button_names() & {SAVE_AND_CONTINUE, "_save"}:
        return "a view-only form offers to save"
    response = client.post(url, {**form.data(button=None), SAVE_AND_CONTINUE: "1"})
    if response.status_code != HTTPStatus.FORBIDDEN:
        return f"POST to a view-only form answered {response.status_code}"
    return None


def _refused(client, url, title):
    response = client.get(url)
    refused = response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND) or (
        response.status_code == HTTPStatus.FOUND and response["Location"] != url
    )
    if not refused:
        return f"opened a form it may not: GET answered {response.status_code}"
    if title and title in response.content.decode():
        return "the refusal shows the object"
    return None


CHECKS = {CHANGE: _resave, VIEW: _view_only, NONE: _refused}


def changelist_problems(client, role, user) -> list[str]:
    """Each list shows exactly the objects the role may open; no list of a
    model it may not open answers; the index links just the lists it may."""
    problems = []
    index = client.get(reverse("admin:index")).content.decode()
    for name, model_admin in registered().items():
        model = model_admin.model
        info = (model._meta.app_label, model._meta.model_name)
        list_url = reverse("admin:{}_{}_changelist".format(*info))
        may_open = ACCESS[name][role] != NONE
        if (f'href="{list_url}"' in index) != may_open:
            problems.append(
                f"{role}: the index {'omits' if may_open else 'links'} {name}"
            )
        response = client.get(list_url, {"all": ""})
        if not may_open:
            if response.status_code != HTTPStatus.FORBIDDEN:
                problems.append(
                    f"{role}: the {name} list answered {response.status_code}"
                )
            continue
        if response.status_code != HTTPStatus.OK:
            problems.append(f"{role}: the {name} list answered {response.status_code}")
            continue
        listing = response.content.decode()
        for obj in model._default_manager.all():
            listed = f'href="{change_url_of(obj)}' in listing
            if listed != (access(role, obj, user) != NONE):
                problems.append(
                    f"{role}: the {name} list {'shows' if listed else 'omits'} "
                    f"#{obj.pk} “{obj}”"
                )
    return problems


# Tests ---------------------------------------------------------------------------


def test_every_registered_admin_model_says_who_may_open_it():
    assert set(registered()) == set(ACCESS), (
        "Say in ACCESS who may open the change form of each model in the admin"
    )


def test_every_role_resaves_every_demo_form_it_may_open_unchanged(demo):
    live = list(Article.objects.published().exclude(hero=None))
    problems, covered = [], {}
    # One after another on the same stories: a save after another role's
    # save must leave the object as it was, too.
    for role in ROLES:
        client = demo_client(role)
        found, covered[role] = resave_everything(client, role, demo[role])
        problems += found + changelist_problems(client, role, demo[role])

    assert not problems, "\n".join(problems)
    for role in ROLES:
        assert expected_coverage(role) <= covered[role], (
            role,
            sorted(expected_coverage(role) - covered[role], key=str),
        )
    # Readers still get each illustrated story, with its picture.
    reader = Client()
    for story in live:
        page = reader.get(story.get_absolute_url())
        assert page.status_code == HTTPStatus.OK, story.slug
        text = html.unescape(page.content.decode())
        stem = story.hero_image.name.rsplit("/", 1)[1].rsplit(".", 1)[0]
        assert story.headline in text and f"{stem}-800w.webp" in text, story.slug


def expected_coverage(role) -> set:
    """Stories in every state with and without a picture, profiles with and
    without a photo, and one object of every other model it may change."""
    wanted = set()
    if ACCESS["articles.article"][role] != NONE:
        wanted |= {(s, hero) for s in STATES for hero in (True, False)}
    if ACCESS["authors.correspondent"][role] == CHANGE:
        wanted |= {("correspondent", True), ("correspondent", False)}
    wanted |= {
        name
        for name, rules in ACCESS.items()
        if rules[role] == CHANGE
        and name not in ("articles.article", "authors.correspondent")
    }
    return wanted


def test_what_the_wordpress_import_made_resaves_unchanged(
    wordpress_site, journalist, editor, moderator, superuser
):
    users = {
        "journalist": journalist,
        "editor": editor,
        "moderator": moderator,
        "admin": superuser,
    }
    problems = []
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        found, covered = resave_everything(client, role, user)
        problems += found
        if ACCESS["articles.article"][role] == CHANGE:
            # The imported post with its featured image was among them.
            assert ("live", True) in covered, role

    assert not problems, "\n".join(problems)


def test_what_a_role_made_in_the_admin_resaves_unchanged(demo):
    """A story and a profile made through the add forms, pictures uploaded
    there, then opened again and saved with nothing changed."""
    made = []
    world = Section.objects.get(slug="world")
    for role in ["journalist", "editor"]:
        client = demo_client(role)
        url = reverse("admin:library_image_add")
        data = change_form(client.get(url).content.decode()).data(
            file=hero_upload(),
            alt="A ferry leaves the harbour in morning light.",
            caption=f"The first ferry out, seen by the {role}.",
        )
        picture = _added(client, url, data)
        url = reverse("admin:articles_article_add")
        data = change_form(client.get(url).content.decode()).data(
            headline=f"Ferry strike ends, as told by the {role}",
            slug=f"ferry-strike-ends-{role}",
            body="<p>The ferries sail again from Monday.</p>"
            f'<figure data-image="{picture.pk}"></figure>',
            section=str(world.pk),
            hero=str(picture.pk),
        )
        made.append(_added(client, url, data))
        made.append(picture)
    client = demo_client("editor")
    url = reverse("admin:authors_correspondent_add")
    data = change_form(client.get(url).content.decode()).data(
        name="Ines Duarte",
        slug="ines-duarte",
        job_title="Lisbon Correspondent",
        photo=image_upload(640, 640, name="ines.jpg"),
    )
    made.append(_added(client, url, data))

    problems, saves = [], []
    for role in ROLES:
        client = demo_client(role)
        for obj in made:
            model_admin = registered()[label(type(obj))]
            before = snapshot(obj, model_admin)
            if access(role, obj, demo[role]) == CHANGE:
                saves.append((role, str(obj)))
                problem = _resave(client, change_url_of(obj), str(obj))
                if problem is None and snapshot(obj, model_admin) != before:
                    problem = "changed by an unchanged save"
                if problem:
                    problems.append(f"{role} on “{obj}”: {problem}")

    assert not problems, "\n".join(problems)
    # The journalist's own story (its byline added on save) and both library
    # pictures; all for the rest.
    assert [role for role, _ in saves] == ["journalist"] * 3 + ["editor"] * 5 + [
        "admin"
    ] * 5
    fresh = [type(obj)._default_manager.get(pk=obj.pk) for obj in made]
    assert all(images_of(obj) or getattr(obj, "hero_image", None) for obj in fresh)
    assert all(
        "<figure data-image=" in obj.body for obj in fresh if hasattr(obj, "body")
    )


def _added(client, url, data):
    """Post an add form with "Save and continue editing"; the new object."""
    response = client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    match = resolve(response["Location"])
    assert match.url_name.endswith("_change"), response["Location"]
    model = match.func.model_admin.model
    return model._default_manager.get(pk=match.kwargs["object_id"])
