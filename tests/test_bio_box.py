"""The bio box under a story: the correspondent's own paragraph first, then
the facts, previous outlets with their years among them; and "Updated" on
a story that was corrected."""

import importlib
import json
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from authors.models import Correspondent, PreviousOutlet
from newsroom import backup
from tests.factories import ArticleFactory, CorrespondentFactory

pytestmark = pytest.mark.django_db
outlets_migration = importlib.import_module(
    "authors.migrations.0003_outlets_from_experience"
)


@pytest.fixture
def amara():
    person = CorrespondentFactory(
        name="Amara Okafor",
        based_in="Singapore",
        languages="English, Bahasa Melayu,  Yoruba",
        education="MA Journalism, City, University of London",
        experience="",
        bio=(
            "Amara Okafor reports on Southeast Asia from Singapore.\n\n"
            "Away from the desk she swims."
        ),
    )
    PreviousOutlet.objects.create(
        correspondent=person,
        outlet="West Africa Business Wire",
        start_year=2011,
        end_year=2017,
        order=0,
    )
    PreviousOutlet.objects.create(
        correspondent=person,
        outlet="Straits Shipping Weekly",
        start_year=2017,
        end_year=2019,
        order=1,
    )
    return person


def bio_box(response):
    html = response.content.decode()
    start = html.index('<aside class="bio"')
    return html[start : html.index("</aside>", start)]


def test_the_bio_box_starts_with_the_biography_then_the_facts(client, amara):
    story = ArticleFactory(published=True, bylines=[amara])

    box = bio_box(client.get(story.get_absolute_url()))

    about = "Amara Okafor reports on Southeast Asia from Singapore."
    assert f'<p class="bio__about">{about}</p>' in box
    assert "Away from the desk" not in box  # the first paragraph only
    order = [
        box.index(about),
        box.index("<dt>Based in</dt><dd>Singapore</dd>"),
        box.index("<dt>Languages</dt><dd>English, Bahasa Melayu, Yoruba</dd>"),
        box.index("<dt>Previously</dt>"),
        box.index("<dt>Education</dt>"),
    ]
    assert order == sorted(order)
    assert (
        '<li>West Africa Business Wire <span class="facts__years">2011–2017</span></li>'
    ) in box


def test_the_profile_shows_the_same_facts_from_the_same_include(client, amara):
    story = ArticleFactory(published=True, bylines=[amara])
    facts_on_story = bio_box(client.get(story.get_absolute_url()))

    profile = client.get(amara.get_absolute_url()).content.decode()

    start = facts_on_story.index('<dl class="facts">')
    facts = facts_on_story[start : facts_on_story.index("</dl>", start) + 5]
    assert facts in profile
    assert "Away from the desk she swims." in profile  # the whole biography


def test_free_text_experience_shows_until_outlets_are_listed(client):
    person = CorrespondentFactory(experience="Ten years on the foreign desk.")
    story = ArticleFactory(published=True, bylines=[person])

    before = bio_box(client.get(story.get_absolute_url()))
    PreviousOutlet.objects.create(correspondent=person, outlet="Evening Post")
    story.save()  # a new version: the page renders afresh
    after = bio_box(client.get(story.get_absolute_url()))

    assert "Ten years on the foreign desk." in before
    assert "Ten years on the foreign desk." not in after
    assert "<li>Evening Post</li>" in after


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        (2011, 2017, "2011–2017"),
        (2015, 2015, "2015"),
        (2015, None, "from 2015"),
        (None, 2015, "until 2015"),
        (None, None, ""),
    ],
)
def test_outlet_years_read_naturally(start, end, shown):
    assert PreviousOutlet(outlet="X", start_year=start, end_year=end).years == shown


def test_outlet_years_must_be_in_order_and_plausible():
    person = CorrespondentFactory()
    future = PreviousOutlet(
        correspondent=person, outlet="X", start_year=timezone.now().year + 1
    )

    with pytest.raises(ValidationError, match="between 1900 and"):
        future.full_clean()
    with pytest.raises(IntegrityError):
        PreviousOutlet.objects.create(
            correspondent=person, outlet="X", start_year=2019, end_year=2011
        )


def test_editors_list_outlets_in_the_profile_form(client, editor):
    person = CorrespondentFactory()
    client.force_login(editor)
    url = reverse("admin:authors_correspondent_change", args=[person.pk])
    form = client.get(url).context["adminform"].form
    data = {
        name: ("" if value is None else value)
        for name, value in form.initial.items()
        if name not in ("photo", "user")
    }
    data |= {
        "outlets-TOTAL_FORMS": "1",
        "outlets-INITIAL_FORMS": "0",
        "outlets-0-outlet": "Evening Post",
        "outlets-0-start_year": "2009",
        "outlets-0-end_year": "2012",
        "outlets-0-order": "0",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
    }

    response = client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    assert str(person.outlets.get()) == "Evening Post, 2009–2012"


def test_the_migration_turns_a_listed_experience_into_outlets():
    listed = CorrespondentFactory(
        experience="Reuters, Jakarta (2012–2016)\nThe Straits Times 2016-2019; BBC 2020"
    )
    prose = CorrespondentFactory(experience="Amara spent six years at a wire service.")

    outlets_migration.forwards(apps, None)

    listed.refresh_from_db()
    assert listed.experience == ""
    assert [(o.outlet, o.start_year, o.end_year) for o in listed.outlets.all()] == [
        ("Reuters, Jakarta", 2012, 2016),
        ("The Straits Times", 2016, 2019),
        ("BBC", 2020, 2020),
    ]
    assert Correspondent.objects.get(pk=prose.pk).experience.startswith("Amara")
    assert not prose.outlets.exists()


@pytest.mark.parametrize(
    "text",
    [
        "Reuters (2012–2016) and then some freelance work",
        "Reuters (2016–2012)",
        "Worked at Reuters",
    ],
)
def test_the_migration_leaves_anything_it_cannot_read(text):
    assert outlets_migration.parse(text) is None


def test_a_correction_shows_updated_however_soon_it_came(client, editor):
    story = ArticleFactory(published=True)
    story.publish_at = story.first_published_at = timezone.now() - timedelta(minutes=2)
    story.save()

    story.add_correction(by=editor, kind="correction", note="It was Tuesday.")

    page = client.get(story.get_absolute_url())
    story.refresh_from_db()
    stamp = timezone.localtime(story.updated_at).strftime("%-d %B %Y, %H:%M")
    assertContains(page, "Updated <time datetime=")
    assertContains(page, stamp)


def test_a_fresh_story_without_corrections_shows_no_updated(client):
    story = ArticleFactory(published=True)
    story.publish_at = story.first_published_at = timezone.now() - timedelta(minutes=2)
    story.save()

    assertNotContains(client.get(story.get_absolute_url()), "Updated <time")


def test_outlets_survive_an_export_and_import(amara):
    exported = json.loads(backup.dumps(backup.export_content()))
    Correspondent.objects.all().delete()
    backup.import_content(exported)

    restored = Correspondent.objects.get(slug=amara.slug)
    assert [str(o) for o in restored.outlets.all()] == [
        "West Africa Business Wire, 2011–2017",
        "Straits Shipping Weekly, 2017–2019",
    ]
