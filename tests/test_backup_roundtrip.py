import io
import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import revisions
from articles.models import Article, Page, Section, Tag
from authors.models import Correspondent, ProfileLink
from comments.models import Comment
from library.models import Image as LibraryImage
from newsroom import backup
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    CorrespondentFactory,
    SectionFactory,
    TagFactory,
    image_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(editor, moderator, journalist):
    """A little of everything the export covers, edited the way staff edit it."""
    world = SectionFactory(name="World", description="Beyond our borders.")
    trade, ports = TagFactory(name="Trade"), TagFactory(name="Ports")
    amara = CorrespondentFactory(
        name="Amara Okafor",
        user=journalist,
        photo=image_upload(800, 800, name="amara.jpg"),
        email="amara@private.example",
    )
    ProfileLink.objects.create(
        correspondent=amara, label="Mastodon", url="https://m.example/@a"
    )
    story = ArticleFactory(
        headline="Port strike ends",
        section=world,
        bylines=[amara, CorrespondentFactory()],
        tags=[trade, ports],
        hero_image=image_upload(1600, 900),
        hero_alt="Cranes at dawn",
        body="<p>Dockers voted.</p><h2>What next</h2><p>Ships sail.</p>",
    )
    story.publish(by=editor)
    story.add_correction(by=editor, kind="correction", note="The vote was on Tuesday.")
    revisions.record(story, by=editor)
    ArticleFactory(headline="Tomorrow's story", scheduled=True)
    ArticleFactory(headline="A draft", section=world)
    top = CommentFactory(
        article=story, email="reader@private.example", body="First!", ip_hash="ab" * 32
    )
    top.approve(by=moderator)
    CommentFactory(article=story, parent=top, body="A reply.", signals=["2 links"])
    Page.objects.create(title="Terms of Service", slug="terms", body="<p>Be kind.</p>")
    # Timestamps in the past, so a restore that stamped "now" would show.
    Article.objects.update(created_at=timezone.now() - timedelta(days=30))
    return story


def export(path):
    call_command("export_content", "--output", str(path), stderr=io.StringIO())
    data = json.loads(path.read_text())
    del data["exported_at"]
    return data


def flush_content():
    Comment.objects.all().delete()
    Article.objects.all().delete()
    Correspondent.objects.all().delete()
    for model in (Section, Tag, Page, LibraryImage):
        model.objects.all().delete()


def test_export_then_import_into_an_empty_database_restores_everything(
    newsroom, tmp_path, client
):
    before = export(tmp_path / "before.json")
    flush_content()

    out = io.StringIO()
    call_command("import_content", str(tmp_path / "before.json"), stdout=out)

    assert export(tmp_path / "after.json") == before
    assert "Restored 1 sections, 2 tags, 4 correspondents, 3 articles" in out.getvalue()
    page = client.get(newsroom.get_absolute_url())
    for shown in [
        "Port strike ends",
        "Dockers voted.",
        "Amara Okafor",
        "The vote was on Tuesday.",
        "First!",
        'alt="Cranes at dawn"',
    ]:
        assertContains(page, shown)
    assertNotContains(page, "A reply.")  # still pending


def test_export_has_a_header_and_every_kind_of_record(newsroom, tmp_path):
    data = export(tmp_path / "export.json")

    assert (data["format"], data["version"]) == ("newsroom-export", 1)
    story = next(a for a in data["articles"] if a["headline"] == "Port strike ends")
    [hero] = [i for i in data["images"] if i["id"] == story["hero"]]
    assert hero["file"].startswith("library/") and hero["alt"] == "Cranes at dawn"
    assert [e["to_status"] for e in story["events"]] == ["published"]
    assert story["corrections"][0]["created_by"] == "editor"
    assert len(story["bylines"]) == 2 and len(story["tags"]) == 2
    assert story["revisions"]
    person = next(c for c in data["correspondents"] if c["name"] == "Amara Okafor")
    assert person["user"] == "journalist"
    [link] = person["links"]
    assert (link["label"], link["url"]) == ("Mastodon", "https://m.example/@a")
    assert [p["slug"] for p in data["pages"]] == ["terms"]


def test_export_keeps_private_emails_as_the_newsrooms_own_backup(newsroom, tmp_path):
    export(tmp_path / "export.json")
    text = (tmp_path / "export.json").read_text()

    assert "reader@private.example" in text
    assert "amara@private.example" in text


def test_an_export_from_before_the_library_keeps_its_heroes(newsroom, tmp_path, client):
    data = export(tmp_path / "export.json")
    story = next(a for a in data["articles"] if a["headline"] == "Port strike ends")
    [hero] = [i for i in data.pop("images") if i["id"] == story["hero"]]
    for article in data["articles"]:
        article.pop("hero")
    story.update(
        hero_image=hero["file"],
        hero_width=hero["width"],
        hero_height=hero["height"],
        hero_alt=hero["alt"],
        hero_caption="",
        hero_credit="",
    )
    flush_content()

    backup.import_content(json.loads(backup.dumps(data)))

    restored = Article.objects.get(headline="Port strike ends")
    assert restored.hero_image.name == hero["file"]
    assert (restored.hero_width, restored.hero_alt) == (1600, "Cranes at dawn")


def test_restored_ids_continue_for_new_records(newsroom, tmp_path):
    export(tmp_path / "export.json")
    highest = Article.objects.order_by("-pk").first().pk
    flush_content()
    call_command("import_content", str(tmp_path / "export.json"), stdout=io.StringIO())

    assert ArticleFactory().pk > highest


def test_import_refuses_a_database_that_already_has_articles(newsroom, tmp_path):
    export(tmp_path / "export.json")

    with pytest.raises(CommandError) as error:
        call_command("import_content", str(tmp_path / "export.json"))

    assert str(error.value).startswith("The database already has articles, sections")
    assert Article.objects.count() == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "wordpress", "version": 1}', "This is not a newsroom export"),
        ('{"format": "newsroom-export", "version": 2}', "This export is version 2"),
        ('{"format": "newsroom-export", "version": 1}', "has no sections, tags"),
        ("{not json", "is not a JSON file"),
    ],
)
def test_import_refuses_files_that_are_not_exports(tmp_path, content, message):
    path = tmp_path / "file.json"
    path.write_text(content)

    with pytest.raises(CommandError, match=message):
        call_command("import_content", str(path))


def test_export_to_standard_output_is_the_same_document(newsroom, tmp_path):
    out = io.StringIO()
    call_command("export_content", stdout=out)
    data = json.loads(out.getvalue())
    del data["exported_at"]

    assert data == export(tmp_path / "export.json")
    assert backup.FORMAT == data["format"]
