"""The writing desk in Chromium: a writer's new story with their byline and a
live word count, the checklist turning green until Publish opens, the review
queue, and axe-core on the admin screens people work in."""

from datetime import timedelta

import pytest

from articles.models import Article
from comments.models import Comment
from tests.e2e.steps import sign_in, submit, visit
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    CorrespondentFactory,
    ImageFactory,
    SectionFactory,
    UserFactory,
    image_upload,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]
BODY = "[contenteditable=true].ProseMirror"


def item_state(page, key):
    item = page.locator(f"#desk-checklist [data-key={key}]")
    return item.get_attribute("class").split()[-1].removeprefix("desk-item--")


def test_a_writer_starts_with_their_byline_and_watches_the_count(new_page, shots):
    writer = UserFactory(username="writer", role="Journalist")
    CorrespondentFactory(name="Hana Sato", user=writer)
    section = SectionFactory(name="Science", slug="science")

    page = new_page(width=1440, height=1000)
    sign_in(page, "writer")
    visit(page, "/admin/articles/article/add/")
    body = page.locator(BODY)
    body.wait_for()

    assert "Hana Sato" in page.locator("#bylines-0 .field-correspondent").inner_text()
    assert item_state(page, "byline") == "ok"
    assert body.get_attribute("spellcheck") == "true"
    assert body.get_attribute("aria-label") == "Body of the story"
    bold = page.locator(".prose-menubar button[data-name=bold]")
    assert bold.get_attribute("title") == "Bold (Ctrl+B)"
    assert bold.get_attribute("aria-keyshortcuts") == "Control+B"

    body.click()
    page.keyboard.type("Glaciers in the Alps lost a tenth of their ice. ")
    page.keyboard.press("Control+b")
    page.keyboard.type("Scientists were not surprised.")
    assert page.locator("#desk-words").inner_text() == "14"
    assert page.locator("#desk-minutes").inner_text() == "1"
    assert body.locator("strong").inner_text() == "Scientists were not surprised."

    page.fill("#id_headline", "Alpine glaciers lost a tenth of their ice in two years")
    page.fill(
        "#id_dek",
        "Scientists say the melt is faster than any model predicted a decade ago.",
    )
    page.select_option("#id_section", str(section.pk))
    shots(page, "writer-new-story")
    submit(page, "input[name=_continue]")

    story = Article.objects.get()
    assert [b.correspondent.name for b in story.bylines.all()] == ["Hana Sato"]
    # The server's count after the save is the one the screen showed.
    assert story.word_count == 14
    assert page.locator("#desk-words").inner_text() == "14"


def test_the_checklist_turns_green_and_publish_opens(new_page, shots):
    UserFactory(username="chief", role="Editor")
    story = ArticleFactory(
        headline="Council approves a four-day week trial for its planning staff "
        "after a long and divisive debate in the chamber",
        dek="Short.",
        section=None,
        hero_image=image_upload(800, 450),
        hero_alt="",
    )
    world = SectionFactory(name="World", slug="world")
    ImageFactory(
        file=image_upload(1600, 900),
        alt="Planners at their desks in the town hall",
        caption="The planning office on the first morning of the trial.",
    )

    page = new_page(width=1440, height=1000)
    sign_in(page, "chief")
    visit(page, f"/admin/articles/article/{story.pk}/change/")
    page.locator(BODY).wait_for()
    publish = page.locator("button[value=published]")
    assert publish.is_disabled()
    assert page.locator("#desk-score").inner_text() == "1/6"
    shots(page, "checklist-failing")

    page.fill("#id_headline", "Council approves a four-day week trial for planners")
    assert item_state(page, "headline") == "ok"
    page.fill(
        "#id_dek",
        "The six-month pilot keeps pay unchanged and is judged on waiting times.",
    )
    assert item_state(page, "standfirst") == "ok"
    page.select_option("#id_section", str(world.pk))
    assert item_state(page, "hero_alt") == "todo"
    assert item_state(page, "hero_width") == "todo"
    # A described, wide picture from the library instead.
    page.click(".field-hero .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "planning office")
    page.locator(".select2-results__option .library-option").first.click()
    page.wait_for_function(
        "document.querySelector('[data-key=hero_width]').classList"
        ".contains('desk-item--ok')"
    )
    assert page.locator("#desk-score").inner_text() == "6/6"
    # Ticked, but the changes are not saved yet: Publish acts on the saved story.
    assert publish.is_disabled()
    assert "Save your changes first" in page.locator("#desk-ready").inner_text()
    shots(page, "checklist-green-unsaved")

    submit(page, "input[name=_continue]")
    publish = page.locator("button[value=published]")
    assert publish.is_enabled()
    submit(page, "button[value=published]")
    page.wait_for_selector("text=is now published")
    story.refresh_from_db()
    assert story.is_published()
    assert story.hero_width == 1600


def test_the_queue_shows_who_sent_each_story_and_how_long_ago(new_page, shots):
    writer = UserFactory(username="writer", role="Journalist")
    UserFactory(username="chief", role="Editor")
    hana = CorrespondentFactory(name="Hana Sato", user=writer)
    for minutes, headline in [(135, "Night buses return"), (20, "Tide tables")]:
        story = ArticleFactory(headline=headline, bylines=[hana])
        story.submit(by=writer)
        story.events.update(created_at=story.created_at - timedelta(minutes=minutes))

    page = new_page(width=1440, axe=True)
    sign_in(page, "chief")
    visit(page, "/admin/articles/article/?queue=review")
    rows = page.locator("#result_list tbody tr")

    assert rows.count() == 2
    first = rows.nth(0).inner_text()
    assert "Night buses return" in first  # the longest wait first
    assert "Hana Sato" in first and "2 h 15 min" in first and "6/6" in first
    assert "20 min" in rows.nth(1).inner_text()
    shots(page, "review-queue")


@pytest.fixture
def admin_screens():
    """A story with everything filled in, a profile and a comment."""
    UserFactory(username="chief", role="Editor")
    person = CorrespondentFactory(name="Hana Sato", with_photo=True)
    person.outlets.create(outlet="The Lisbon Post", start_year=2015, end_year=2020)
    person.links.create(label="Website", url="https://example.org/hana")
    story = ArticleFactory(
        bylines=[person, CorrespondentFactory()],
        hero_image=image_upload(1600, 900),
        hero_alt="Cranes on the quay",
        published=True,
    )
    story.tags.create(name="Shipping", slug="shipping")
    comment = CommentFactory(article=story)
    assert Comment.objects.count() == 1
    return {
        "story add": "/admin/articles/article/add/",
        "story change": f"/admin/articles/article/{story.pk}/change/",
        "review queue": "/admin/articles/article/?queue=review",
        "correspondent": f"/admin/authors/correspondent/{person.pk}/change/",
        "comment": f"/admin/comments/comment/{comment.pk}/change/",
    }


def test_admin_screens_pass_axe(new_page, axe_check, shots, admin_screens):
    page = new_page(width=1440, axe=True)
    sign_in(page, "chief")
    found = {}
    for name, url in admin_screens.items():
        visit(page, url)
        page.wait_for_load_state("networkidle")
        shots(page, name.replace(" ", "-"))
        found[name] = axe_check(page)

    assert found == {name: [] for name in admin_screens}
