"""The move of old-style heroes into the library: same file, same words, the
same picture on the page; revisions keep pointing at it."""

import io
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from PIL import Image as Pillow

from blocks import images
from blocks.markup import picture

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0009_article_hero_from_library"), ("library", "0001_initial")]


def jpeg(width, height) -> ContentFile:
    out = io.BytesIO()
    Pillow.new("RGB", (width, height), (90, 120, 160)).save(out, "JPEG")
    return ContentFile(out.getvalue())


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_old_style_heroes_become_library_images_with_the_same_page_output(client):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate(BEFORE)
    Article = old.get_model("articles", "Article")
    Revision = old.get_model("articles", "Revision")
    name = default_storage.save("articles/harbour.jpg", jpeg(1600, 900))
    images.make_renditions(name)
    words = {"hero_alt": "Boats", "hero_caption": "Dawn.", "hero_credit": "Photo: A"}
    stories = [
        Article.objects.create(
            headline=f"Story {n}",
            slug=f"story-{n}",
            status="published",
            hero_image=name,
            hero_width=1600,
            hero_height=900,
            preview_secret="s",
            **words,
        )
        for n in range(2)
    ]
    other = Article.objects.create(
        headline="Other words",
        slug="other",
        hero_image=name,
        hero_width=1600,
        hero_height=900,
        hero_alt="Different",
        preview_secret="s",
    )
    bare = Article.objects.create(
        headline="No picture", slug="bare", preview_secret="s"
    )
    Revision.objects.create(
        article=stories[0],
        content={"headline": "Story 0", "hero_image": name, **words},
    )
    # The hero's markup as the page drew it from the old columns.
    expected = picture(SimpleNamespace(name=name), 1600, 900, "Boats")

    migrate(latest)

    from articles.models import Article as Story
    from library.models import Image

    first, second = (Story.objects.get(pk=s.pk) for s in stories)
    assert first.hero_id == second.hero_id  # one file with the same words: one image
    assert Story.objects.get(pk=other.pk).hero_id != first.hero_id
    assert Story.objects.get(pk=bare.pk).hero is None
    assert Image.objects.count() == 2
    assert first.hero_image.name == name
    assert (first.hero_width, first.hero_height) == (1600, 900)
    assert (first.hero_alt, first.hero_caption, first.hero_credit) == (
        "Boats",
        "Dawn.",
        "Photo: A",
    )
    assert picture(first.hero_image, 1600, 900, first.hero_alt) == expected
    [revision] = first.revisions.all()
    assert revision.content["hero_id"] == first.hero_id
    assert "hero_image" not in revision.content and "hero_alt" not in revision.content
