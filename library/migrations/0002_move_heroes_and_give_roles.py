"""Move each story's hero into the library, and let the roles use it.

A story's old hero columns become a library image with the same file, size
and words, so the page keeps the same picture, renditions, alt, caption and
credit; stories sharing a file and its words share one image. Revisions keep
the image's id in place of the old columns. Journalists may upload and edit
library images; editors may also delete them.
"""

from pathlib import PurePosixPath

from django.contrib.auth.management import create_permissions
from django.db import migrations

from blocks import images

OLD_COLUMNS = ("hero_alt", "hero_caption", "hero_credit")
ROLES = {
    "Journalist": ["add_image", "change_image", "view_image"],
    "Editor": ["add_image", "change_image", "delete_image", "view_image"],
}
CARD_RATIO = (16, 9)  # library.models.CARD_RATIO when this was written


def give_roles(apps, schema_editor):
    config = apps.get_app_config("library")
    models_module = getattr(config, "models_module", None)
    config.models_module = models_module or True
    create_permissions(config, verbosity=0)
    config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="library", codename__in=codenames
                )
            )


def move_heroes(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Revision = apps.get_model("articles", "Revision")
    Image = apps.get_model("library", "Image")
    made = {}  # (file name, alt, caption, credit) -> image id
    stories = Article.objects.exclude(hero_image="").order_by("pk")
    for story in stories.iterator(chunk_size=500):
        key = (story.hero_image.name, story.hero_alt, story.hero_caption, story.hero_credit)
        if key not in made:
            image = Image(
                file=key[0],
                width=story.hero_width,
                height=story.hero_height,
                alt=story.hero_alt,
                caption=story.hero_caption,
                credit=story.hero_credit,
                original_name=PurePosixPath(key[0]).name,
            )
            # Without the field's width/height update: the file is not opened.
            Image.objects.bulk_create([image])
            made[key] = image.pk
            _make_card_crop(key[0])
        Article.objects.filter(pk=story.pk).update(hero_id=made[key])
    by_name = {key[0]: pk for key, pk in made.items()}
    changed = []
    for revision in Revision.objects.filter(content__has_key="hero_image").iterator(
        chunk_size=500
    ):
        content = revision.content
        name = content.pop("hero_image") or ""
        words = tuple(content.pop(column, "") for column in OLD_COLUMNS)
        content["hero"] = name
        content["hero_id"] = made.get((name, *words), by_name.get(name)) if name else None
        changed.append(revision)
        if len(changed) >= 500:
            Revision.objects.bulk_update(changed, ["content"])
            changed = []
    Revision.objects.bulk_update(changed, ["content"])


def _make_card_crop(name):
    try:
        images.make_crop_renditions(name, CARD_RATIO, (0.5, 0.5))
    except OSError:
        pass  # the media folder is not here (a database moved alone)


def move_heroes_back(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for story in Article.objects.exclude(hero=None).select_related("hero"):
        image = story.hero
        Article.objects.filter(pk=story.pk).update(
            hero_image=image.file.name,
            hero_width=image.width,
            hero_height=image.height,
            hero_alt=image.alt,
            hero_caption=image.caption,
            hero_credit=image.credit,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("articles", "0009_article_hero_from_library"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(give_roles, migrations.RunPython.noop),
        migrations.RunPython(move_heroes, move_heroes_back),
    ]
