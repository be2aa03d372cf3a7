"""Standing pages move from the project package into articles.

Only Django's record of the model moves: the table keeps its name
(newsroom_page), so no row is copied. The content type is relabelled so the
Editor group's page permissions follow the model.
"""

from django.db import migrations, models


def relabel(apps, schema_editor, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    if not types.filter(app_label=new, model="page").exists():
        types.filter(app_label=old, model="page").update(app_label=new)


def forwards(apps, schema_editor):
    relabel(apps, schema_editor, "newsroom", "articles")


def backwards(apps, schema_editor):
    relabel(apps, schema_editor, "articles", "newsroom")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_sqlite_full_text"),
        ("newsroom", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Page",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("title", models.CharField(max_length=120)),
                        ("slug", models.SlugField(help_text="“terms” and “privacy” are linked in the footer.", max_length=60, unique=True)),
                        ("body", models.TextField(help_text="Cleaned on save like an article body.")),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                    ],
                    options={"db_table": "newsroom_page", "ordering": ["title"]},
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
