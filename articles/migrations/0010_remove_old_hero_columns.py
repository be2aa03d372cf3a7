"""Drop the hero's old columns, now that library/0002 moved them to images.

Apart from 0009 because PostgreSQL refuses to alter a table in the same
transaction as the data migration's row updates (pending trigger events)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_article_hero_from_library"),
        ("library", "0002_move_heroes_and_give_roles"),
    ]

    operations = [
        migrations.RemoveField(model_name="article", name=name)
        for name in (
            "hero_alt",
            "hero_caption",
            "hero_credit",
            "hero_height",
            "hero_image",
            "hero_width",
        )
    ]
