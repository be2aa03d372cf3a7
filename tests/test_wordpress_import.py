import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, Page, Section, Tag
from articles.workflow import Status
from authors.models import Correspondent
from comments.models import Comment
from tests.factories import ArticleFactory
from wordpress.models import LegacyId

pytestmark = pytest.mark.django_db

WXR = Path(__file__).parent / "wxr"


@pytest.fixture
def uploads(tmp_path):
    """A copy of wp-content/uploads: one good photo, one file that is not one."""
    folder = tmp_path / "uploads" / "2024" / "03"
    folder.mkdir(parents=True)
    Image.new("RGB", (1600, 900), (20, 90, 160)).save(folder / "harbour.jpg")
    (folder / "broken.jpg").write_text("<?php echo 'not an image'; ?>")
    return tmp_path / "uploads"


def import_wordpress(path, *args):
    out = io.StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def imported(uploads):
    return import_wordpress(WXR / "site.xml", "--media-dir", str(uploads))


def wp(kind, wp_id):
    """The record the import made of a WordPress id."""
    return LegacyId.objects.get(kind=kind, wp_id=wp_id).content_object


def counts(report, kind):
    """The numbers of a report row: created, updated, unchanged, skipped, refused."""
    row = next(line for line in report.splitlines() if line.split()[0] == kind)
    return [int(number) for number in row.split()[1:]]


def test_authors_become_correspondents_with_private_email(imported):
    amara = wp("author", 2)
    daniel = wp("author", 3)

    assert (amara.name, amara.slug, amara.email) == (
        "Amara Okafor",
        "amara",
        "amara@old.example",
    )
    assert amara.bio_paragraphs == [
        "Covers the port and the unions.",
        "Before that, ten years on the city desk.",
    ]
    # No display name: first and last name; the slug as WordPress's nicename.
    assert (daniel.name, daniel.slug) == ("Daniel Reyes", "daniel-reyes")


def test_categories_become_sections_and_tags_tags(imported):
    assert set(Section.objects.values_list("slug", flat=True)) == {
        "uncategorized",
        "world",
        "europe",
        "politics",
    }
    assert Section.objects.get(slug="world").description == "News from everywhere else."
    assert LegacyId.objects.get(kind="category", wp_id=4).path == "world/europe"
    assert set(Tag.objects.values_list("name", flat=True)) == {"Elections", "Shipping"}


def test_published_post_keeps_its_dates_section_tags_and_bylines(imported):
    article = wp("post", 101)

    assert article.is_published()
    assert article.publish_at == datetime(2024, 3, 5, 8, 30, tzinfo=UTC)
    assert article.first_published_at == article.publish_at
    assert article.updated_at == datetime(2024, 3, 6, 10, tzinfo=UTC)
    assert article.slug == "harbour-strike-ends"
    assert article.section.slug == "europe"  # the first of its two categories
    assert set(article.tags.values_list("slug", flat=True)) == {"elections", "shipping"}
    assert [b.correspondent.slug for b in article.bylines.all()] == ["amara"]
    assert article.is_featured  # sticky
    assert article.dek == "Dockers return to work after three weeks."
    assert article.events.count() == 0  # a migration, not an editorial move


def test_each_wordpress_status_maps_to_a_newsroom_status(imported):
    scheduled, draft, pending, private = (wp("post", i) for i in (102, 103, 104, 105))

    assert scheduled.status == Status.PUBLISHED and scheduled.is_scheduled()
    assert scheduled.publish_at == datetime(2099, 1, 1, 9, tzinfo=UTC)
    assert scheduled.first_published_at == scheduled.publish_at
    assert not scheduled.comments_open
    assert (draft.status, draft.publish_at, draft.first_published_at) == (
        Status.DRAFT,
        None,
        None,
    )
    assert pending.status == Status.IN_REVIEW
    assert private.status == Status.DRAFT
    assert set(Article.objects.published().values_list("slug", flat=True)) == {
        "harbour-strike-ends",
        "ferry-timetable",
    }


def test_local_post_date_is_read_in_the_site_time_zone(settings, uploads):
    settings.TIME_ZONE = "Asia/Tokyo"
    import_wordpress(WXR / "site.xml")

    # The draft has no GMT date: 14:00 in Tokyo is 05:00 UTC.
    assert wp("post", 103).created_at == datetime(2024, 3, 10, 5, tzinfo=UTC)


def test_hostile_html_in_a_post_is_removed_and_plain_text_gets_paragraphs(imported):
    body = wp("post", 101).body

    for hostile in ("<script", "document.cookie", "onerror", "javascript:", "<img"):
        assert hostile not in body
    assert body.startswith(
        "<p>Dockworkers voted on Tuesday to end the three-week strike.</p>"
    )
    assert "<br>Ferries resume at noon.</p>" in body  # a single newline
    assert "[caption" not in body and "<p>Boats at dawn.</p>" in body


def test_long_excerpt_is_cut_to_the_standfirst_length(imported):
    dek = wp("post", 106).dek

    assert len(dek) == Article._meta.get_field("dek").max_length
    assert dek.startswith("From April the first ferry leaves at six")


def test_post_with_two_authors_has_both_bylines_in_order(imported):
    bylines = wp("post", 106).bylines.all()

    assert [b.correspondent.slug for b in bylines] == ["daniel-reyes", "amara"]


def test_featured_image_becomes_the_hero_with_alt_and_caption(imported, media_root):
    article = wp("post", 101)

    assert article.hero_image.name.startswith("library/")
    assert (media_root / article.hero_image.name).exists()
    assert (article.hero_width, article.hero_height) == (1600, 900)
    assert article.hero_alt == "Fishing boats leaving the harbour at first light"
    assert article.hero_caption == "Boats at dawn, Tuesday."


def test_featured_image_that_is_not_an_image_is_refused_and_reported(imported):
    assert not wp("post", 106).hero_image
    assert counts(imported, "image") == [1, 0, 0, 0, 1]
    assert "post 106 “Ferry timetable changes”: featured image 2024/03/broken.jpg" in (
        imported
    )
    assert "This file is not an image we can read." in imported


def test_without_media_dir_featured_images_are_skipped_with_a_note():
    report = import_wordpress(WXR / "site.xml")

    assert not wp("post", 101).hero_image
    assert "give --media-dir a copy of wp-content/uploads" in report


def test_comments_keep_threads_statuses_and_private_emails(imported):
    top, reply, pending, spam, trash = (wp("comment", i) for i in range(1001, 1006))

    assert reply.parent == top and pending.parent == top
    assert [c.status for c in (top, reply, pending, spam, trash)] == [
        Comment.Status.APPROVED,
        Comment.Status.APPROVED,
        Comment.Status.PENDING,
        Comment.Status.SPAM,
        Comment.Status.REJECTED,
    ]
    assert top.email == "ken.private@reader.example"
    assert top.created_at == datetime(2024, 3, 5, 10, 15, tzinfo=UTC)
    assert wp("post", 101).comment_count == 2  # approved only
    assert not LegacyId.objects.filter(kind="comment", wp_id=1006).exists()  # pingback


def test_hostile_html_in_a_comment_is_reduced_to_plain_text(imported):
    body = wp("comment", 1001).body

    assert body == "About time. Read this\n\nMy father worked these docks."


def test_imported_comments_show_without_their_emails(imported, client):
    response = client.get(wp("post", 101).get_absolute_url())

    assertContains(response, "My father worked these docks.")
    assertNotContains(response, "ken.private@reader.example")
    assertNotContains(response, "Something rude.")


def test_published_page_is_imported_and_others_skipped(imported):
    page = wp("page", 150)

    assert (page.title, page.slug) == ("About us", "about-us")
    assert page.body == (
        "<p>We have covered the harbour since 1998.</p>"
        "<p>Write to the desk at any time.</p>"
    )
    assert Page.objects.count() == 1  # the draft page is not public here
    assert counts(imported, "page") == [1, 0, 0, 1, 0]


def test_attachments_menus_revisions_and_trash_are_skipped_and_counted(imported):
    assert counts(imported, "attachment") == [0, 0, 0, 2, 0]
    assert counts(imported, "nav_menu_item") == [0, 0, 0, 1, 0]
    assert counts(imported, "revision") == [0, 0, 0, 1, 0]
    assert counts(imported, "post") == [6, 0, 0, 1, 0]  # the trashed one
    assert counts(imported, "comment") == [5, 0, 0, 1, 0]  # the pingback
    assert Article.objects.count() == 6


def test_reimport_duplicates_nothing_and_applies_an_edited_title(
    imported, uploads, tmp_path
):
    hero = wp("post", 101).hero_image.name
    edited = tmp_path / "edited.xml"
    site = (WXR / "site.xml").read_text()
    # The first occurrence is post 101's title (a revision repeats it later).
    title, new_title = "strike ends]]></title>", "strike is over]]></title>"
    edited.write_text(site.replace(title, new_title, 1))
    totals = [
        model.objects.count()
        for model in (Article, Comment, Section, Tag, Correspondent, Page, LegacyId)
    ]

    report = import_wordpress(edited, "--media-dir", str(uploads))

    assert [
        model.objects.count()
        for model in (Article, Comment, Section, Tag, Correspondent, Page, LegacyId)
    ] == totals
    article = wp("post", 101)
    assert article.headline == "Harbour strike is over"
    assert article.hero_image.name == hero  # not stored a second time
    assert counts(report, "post") == [0, 1, 5, 1, 0]
    assert counts(report, "comment") == [0, 0, 5, 1, 0]
    assert counts(report, "author") == [0, 0, 2, 0, 0]


def test_reimport_records_no_new_revision_when_nothing_changed(imported, uploads):
    before = {a.pk: a.revisions.count() for a in Article.objects.all()}

    import_wordpress(WXR / "site.xml", "--media-dir", str(uploads))

    assert {a.pk: a.revisions.count() for a in Article.objects.all()} == before
    assert set(before.values()) == {1}


def test_dry_run_reports_everything_and_leaves_the_database_empty(uploads, media_root):
    report = import_wordpress(
        WXR / "site.xml", "--media-dir", str(uploads), "--dry-run"
    )

    assert counts(report, "post") == [6, 0, 0, 1, 0]
    assert counts(report, "image") == [1, 0, 0, 0, 1]
    assert "Dry run: nothing was saved." in report
    for model in (Article, Comment, Section, Tag, Correspondent, Page, LegacyId):
        assert not model.objects.exists()
    assert not list(Path(media_root).rglob("*.jpg"))  # no file written either


def test_slug_taken_by_another_article_is_made_unique(uploads):
    ArticleFactory(slug="harbour-strike-ends")

    import_wordpress(WXR / "site.xml")

    assert wp("post", 101).slug == "harbour-strike-ends-2"
    assert LegacyId.objects.get(kind="post", wp_id=101).slug == "harbour-strike-ends"


def test_existing_section_with_the_same_slug_takes_the_posts(uploads):
    world = Section.objects.create(name="World", slug="world")

    import_wordpress(WXR / "site.xml")

    assert wp("category", 3) == world
    assert Section.objects.filter(name__startswith="World").count() == 1


def test_progress_is_shown_on_request(uploads):
    err = io.StringIO()
    call_command(
        "import_wordpress",
        str(WXR / "site.xml"),
        "--progress",
        stdout=io.StringIO(),
        stderr=err,
    )

    assert "\rReading… 100%" in err.getvalue()


def test_progress_is_not_shown_when_stderr_is_not_a_terminal(uploads):
    err = io.StringIO()
    call_command(
        "import_wordpress", str(WXR / "site.xml"), stdout=io.StringIO(), stderr=err
    )

    assert "Reading" not in err.getvalue()
