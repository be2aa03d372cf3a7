"""The story screen and the review queue, as the server renders them (the
browser journeys are in tests/e2e/test_writing_desk.py)."""

import html
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles import queue
from articles.models import Article
from tests.admin_forms import change_form
from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    SectionFactory,
    image_upload,
)

pytestmark = pytest.mark.django_db
ADD = reverse("admin:articles_article_add")
QUEUE = reverse("admin:articles_article_changelist") + "?queue=review"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_new_story_carries_the_writers_own_byline(journalist):
    me = CorrespondentFactory(name="Amara Okafor", user=journalist)

    page = signed_in(journalist).get(ADD)

    assertContains(page, f'<option value="{me.pk}" selected>Amara Okafor</option>')
    assertContains(page, 'name="bylines-TOTAL_FORMS" value="1"')


def test_a_new_story_by_someone_without_a_profile_has_no_byline_row(editor):
    page = signed_in(editor).get(ADD)

    assertContains(page, 'name="bylines-TOTAL_FORMS" value="0"')


def test_every_control_of_the_story_form_has_a_name(editor):
    story = ArticleFactory(bylines=[CorrespondentFactory()])

    page = signed_in(editor).get(change_url(story))

    for control in [
        '<label for="id_hero">Hero image:</label>',
        'aria-label="Position"',
        'aria-label="Correspondent"',
        'aria-label="Delete this row"',
    ]:
        assertContains(page, control)
    # The package's default switches spellcheck off; the desk turns it on.
    assertNotContains(page, "NoSpellCheck&quot;:true")


def test_publish_waits_for_the_checklist_without_a_script(editor):
    story = ArticleFactory(dek="Too short.")

    page = signed_in(editor).get(change_url(story))

    text = page.content.decode()
    button = re.search(r"<button[^>]*value=\"published\"[^>]*>", text).group(0)
    assert "disabled" in button
    assertContains(page, 'desk-item desk-item--todo" data-key="standfirst"')
    assertContains(page, "Publish waits for the checklist")


def test_a_ready_story_can_be_published_from_the_screen(editor):
    story = ArticleFactory()

    page = signed_in(editor).get(change_url(story))

    text = page.content.decode()
    button = re.search(r"<button[^>]*value=\"published\"[^>]*>", text).group(0)
    assert "disabled" not in button
    assertContains(page, 'id="desk-score">6/6</span>')


def test_the_share_preview_shows_what_the_story_page_tells_share_services(editor):
    story = ArticleFactory(
        published=True,
        headline="Ferries sail again after the strike",
        hero_image=image_upload(1600, 900),
        hero_alt="A ferry leaves the harbour",
    )
    public = Client().get(story.get_absolute_url()).content.decode()
    og = dict(re.findall(r'<meta property="og:(\w+)" content="([^"]*)">', public))

    page = signed_in(editor).get(change_url(story)).content.decode()
    card = page[page.index('id="desk-card"') :]

    src = re.search(r'<img src="([^"]+)"', card).group(1)
    assert og["image"] == f"{settings.SITE_URL}{src}"
    assert f">{og['title']}</strong>" in card
    assert f">{html.unescape(og['description'])}</span>" in html.unescape(card)


def test_the_queue_says_who_sent_each_story_in_and_how_long_it_has_waited(
    editor, journalist, clock
):
    writer = CorrespondentFactory(name="Amara Okafor", user=journalist)
    story = ArticleFactory(
        headline="Night buses return",
        bylines=[writer],
        section=SectionFactory(name="Transport", slug="transport"),
    )
    story.submit(by=journalist)
    story.events.update(created_at=clock.now - timedelta(hours=2, minutes=15))

    page = signed_in(editor).get(QUEUE)

    row = re.search(r"<tr>.*?Night buses return.*?</tr>", page.content.decode(), re.S)
    assert row, "the story is not in the queue"
    cells = html.unescape(re.sub(r"<[^>]+>", " ", row.group(0)))
    assert "Amara Okafor" in cells
    assert "2 h 15 min" in cells
    assert "Transport" in cells
    assert "6/6" in cells and "ready" in cells


def test_the_queue_lists_what_a_story_still_misses(editor):
    story = ArticleFactory(headline="Flood defences hold", section=None)
    story.submit(by=editor)

    page = signed_in(editor).get(QUEUE)

    assertContains(page, '<span class="desk-score">5/6</span>')
    assertContains(page, "Missing: section</span>")


def test_the_queue_names_the_writer_of_a_change_waiting_on_a_live_story(
    editor, journalist
):
    writer = CorrespondentFactory(name="Hana Sato", user=journalist)
    story = ArticleFactory(published=True, bylines=[writer], headline="Tide tables")
    client = signed_in(journalist)

    form = change_form(client.get(change_url(story)).content.decode())
    client.post(change_url(story), form.data(dek="A" * 60))

    page = signed_in(editor).get(QUEUE)

    row = re.search(r"<tr>.*?Tide tables.*?</tr>", page.content.decode(), re.S)
    assert row and "Hana Sato" in row.group(0)


def test_the_queue_costs_the_same_queries_for_many_stories(
    editor, django_assert_max_num_queries
):
    client = signed_in(editor)

    def fill(n):
        for _ in range(n):
            ArticleFactory(
                in_review=True, bylines=[CorrespondentFactory(), CorrespondentFactory()]
            )

    fill(2)
    with django_assert_max_num_queries(40) as few:
        client.get(QUEUE)
    fill(20)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        page = client.get(QUEUE)

    assert Article.objects.filter(status="in_review").count() == 22
    assert page.content.decode().count('class="desk-score') == 22
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.parametrize(
    ("minutes", "said"),
    [
        (0, "just now"),
        (12, "12 min"),
        (60, "1 h"),
        (135, "2 h 15 min"),
        (24 * 60, "1 d"),
        (3 * 24 * 60 + 4 * 60 + 5, "3 d 4 h"),
    ],
)
def test_waiting_times_read_as_a_desk_says_them(minutes, said):
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    assert queue.waited(now - timedelta(minutes=minutes), now) == said


def test_a_headline_stays_one_line(editor):
    story = ArticleFactory()
    client = signed_in(editor)

    form = change_form(client.get(change_url(story)).content.decode())
    client.post(change_url(story), form.data(headline="Two\r\nlines"))

    story.refresh_from_db()
    assert story.headline == "Two lines"


def test_the_writers_own_story_keeps_their_byline_when_added(journalist):
    me = CorrespondentFactory(user=journalist)
    client = signed_in(journalist)

    form = change_form(client.get(ADD).content.decode())
    response = client.post(
        ADD,
        form.data(headline="Tide tables", slug="tide-tables", dek="x" * 60),
    )

    assert response.status_code == 302
    story = Article.objects.get(slug="tide-tables")
    assert [b.correspondent for b in story.bylines.all()] == [me]


def test_the_queue_puts_the_longest_wait_first(editor, journalist, clock):
    writer = CorrespondentFactory(user=journalist)
    waiting = ArticleFactory(headline="Submitted half an hour ago", bylines=[writer])
    waiting.submit(by=journalist)
    waiting.events.update(created_at=clock.now - timedelta(minutes=30))
    # Reviewed and published days ago; a change to it waits since just now.
    live = ArticleFactory(headline="Live with a new change", bylines=[writer])
    live.submit(by=journalist)
    live.publish(by=editor)
    live.events.update(created_at=clock.now - timedelta(days=3))
    client = signed_in(journalist)
    form = change_form(client.get(change_url(live)).content.decode())
    client.post(change_url(live), form.data(dek="B" * 60))

    page = signed_in(editor).get(QUEUE).content.decode()

    assert page.index("Submitted half an hour ago") < page.index(
        "Live with a new change"
    )
    assert "30 min" in page and "just now" in page
