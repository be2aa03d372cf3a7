"""The hero becomes a reference to a library image (added beside the old
columns; library/0002 moves each story's picture over, 0010 drops them)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_page"),
        ("library", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="hero",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "Search the library by caption, alt text, credit or file name, "
                    "or add a new image with +. At least 1200 px wide."
                ),
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="hero_of",
                to="library.image",
                verbose_name="hero image",
            ),
        ),
    ]
