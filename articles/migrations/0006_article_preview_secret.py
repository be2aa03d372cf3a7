"""Each story's own secret for signing its preview links.

AddField gives every existing row the same value; each story then gets one of
its own, as a new story does.
"""

from django.db import migrations, models

import articles.preview


def give_each_story_a_secret(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for pk in list(Article.objects.values_list("pk", flat=True)):
        Article.objects.filter(pk=pk).update(
            preview_secret=articles.preview.new_secret()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_pending_revisions_and_reschedule"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="preview_secret",
            field=models.CharField(
                default=articles.preview.new_secret, editable=False, max_length=64
            ),
        ),
        migrations.RunPython(give_each_story_a_secret, migrations.RunPython.noop),
    ]
