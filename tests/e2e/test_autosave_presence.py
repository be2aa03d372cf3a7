"""Never lose a word, in Chromium: autosave, a closed tab, restore and save;
a second person sees who has the story open; an editor takes it over; the
writer pulls a story back from review."""

import re

import pytest
from playwright.sync_api import expect

from articles import autosave, presence
from articles.models import Article, Autosave
from articles.workflow import Status
from tests.e2e.conftest import AXE
from tests.e2e.steps import follow, sign_in, submit, visit
from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    SectionFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]

TYPED = " The harbour wall gave way at dawn."


@pytest.fixture(autouse=True)
def quick_screens(monkeypatch):
    """The screen's timers, from its data attributes: a second, not ten and
    thirty, so the journeys wait for the status text, not for the clock."""
    monkeypatch.setattr(autosave, "EVERY_SECONDS", 1)
    monkeypatch.setattr(presence, "HEARTBEAT_SECONDS", 1)


@pytest.fixture
def writer():
    user = UserFactory(username="amira", role="Journalist")
    CorrespondentFactory(name="Amira Haddad", user=user)
    return user


@pytest.fixture
def story(writer):
    return ArticleFactory(
        headline="Storm batters the harbour",
        body="<p>The storm arrived overnight.</p>",
        bylines=[writer.correspondent],
    )


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def type_into_body(page, text):
    body = page.locator("[contenteditable=true].ProseMirror")
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def desk_findings(page, axe_check):
    """axe's serious and critical findings in the desk's own block (the rest
    of the admin screen is checked by its own tests)."""
    return [
        finding
        for finding in axe_check(page)
        if any("desk" in str(target) for target in finding["nodes"])
    ]


def test_typed_words_survive_a_closed_tab(new_page, shots, axe_check, writer, story):
    page = new_page(axe=True)
    sign_in(page, "amira")
    visit(page, change_url(story))
    type_into_body(page, TYPED)
    expect(page.locator("#desk-status")).to_have_text(
        re.compile(r"Saved a draft copy at \d\d:\d\d"), timeout=15_000
    )
    shots(page, "autosaved")
    assert (
        Article.objects.get(pk=story.pk).body == "<p>The storm arrived overnight.</p>"
    )
    context = page.context
    page.close()

    page = context.new_page()
    page.add_init_script(path=str(AXE))
    visit(page, change_url(story))
    offer = page.locator(".desk-offer")
    expect(offer).to_contain_text("You have unsaved text in this story from")
    shots(page, "restore-offered")
    assert desk_findings(page, axe_check) == []
    follow(page, "text=Restore the unsaved text from")
    expect(page.locator(".desk-restored")).to_contain_text("The form holds your")
    expect(page.locator("[contenteditable=true].ProseMirror")).to_contain_text(
        TYPED.strip()
    )
    shots(page, "restored")
    submit(page, "input[name=_continue]")

    assert TYPED.strip() in Article.objects.get(pk=story.pk).body
    assert not Autosave.objects.exists()
    expect(page.locator(".desk-offer")).to_have_count(0)


def test_a_lost_connection_is_said_and_the_copy_sent_when_it_returns(
    new_page, writer, story
):
    page = new_page()
    sign_in(page, "amira")
    visit(page, change_url(story))
    page.context.set_offline(True)
    type_into_body(page, TYPED)
    expect(page.locator("#desk-status")).to_have_text(
        "Not saved — connection lost, will retry", timeout=15_000
    )
    assert not Autosave.objects.exists()

    page.context.set_offline(False)

    expect(page.locator("#desk-status")).to_contain_text(
        "Saved a draft copy at", timeout=15_000
    )
    assert TYPED.strip() in Autosave.objects.get().content["body"]


def test_a_new_story_is_kept_before_its_first_save(new_page, shots, writer):
    SectionFactory(name="Science", slug="science")
    page = new_page()
    sign_in(page, "amira")
    visit(page, "/admin/articles/article/add/")
    page.fill("#id_headline", "Glacier retreat doubles in a decade")
    type_into_body(page, "Satellite records show the ice going faster.")
    expect(page.locator("#desk-status")).to_contain_text(
        "Saved a draft copy at", timeout=15_000
    )
    context = page.context
    page.close()

    page = context.new_page()
    visit(page, "/admin/articles/article/add/")
    expect(page.locator(".desk-offer")).to_contain_text(
        "Glacier retreat doubles in a decade"
    )
    follow(page, "text=Restore the unsaved text from")
    expect(page.locator("#id_headline")).to_have_value(
        "Glacier retreat doubles in a decade"
    )
    expect(page.locator("[contenteditable=true].ProseMirror")).to_contain_text(
        "going faster"
    )
    shots(page, "new-story-restored")


def test_a_second_person_sees_who_has_it_open_and_an_editor_takes_over(
    new_page, shots, axe_check, writer, story
):
    UserFactory(
        username="daniel", role="Editor", first_name="Daniel", last_name="Reyes"
    )
    amira = new_page()
    sign_in(amira, "amira")
    visit(amira, change_url(story))
    type_into_body(amira, TYPED)
    expect(amira.locator("#desk-status")).to_contain_text(
        "Saved a draft copy at", timeout=15_000
    )

    daniel = new_page(axe=True)
    sign_in(daniel, "daniel")
    visit(daniel, change_url(story))
    expect(daniel.locator("#desk-others")).to_contain_text(
        re.compile(r"Amira Haddad has had this story open since \d\d:\d\d\.")
    )
    shots(daniel, "editor-sees-who-has-it")
    assert desk_findings(daniel, axe_check) == []
    # And the writer's screen learns, at its next heartbeat, who came in.
    expect(amira.locator("#desk-others")).to_contain_text(
        "Daniel Reyes has had this story open since"
    )
    submit(daniel, "#desk-take-over button")
    expect(daniel.locator(".messagelist")).to_contain_text(
        "You have taken this story over from Amira Haddad."
    )

    notice = amira.locator(".desk-taken-over")
    expect(notice).to_contain_text("Daniel Reyes took this story over at")
    expect(amira.locator("input[name=_continue]")).to_be_disabled()
    shots(amira, "writer-told")
    kept = Autosave.objects.get(user__username="amira")
    assert TYPED.strip() in kept.content["body"]


def test_the_writer_pulls_a_story_back_from_review(new_page, shots, writer, story):
    story.submit(by=writer)
    page = new_page()
    sign_in(page, "amira")
    visit(page, change_url(story))
    shots(page, "in-review")

    submit(page, "button:has-text('Pull back from review')")

    expect(page.locator(".messagelist")).to_contain_text("is now draft")
    expect(page.locator(".workflow-panel .status")).to_have_text("Draft")
    story.refresh_from_db()
    assert story.status == Status.DRAFT
    assert story.events.first().move == "pull_back"
    shots(page, "pulled-back")
