"""SQLite's full-text index of stories (articles/fts.py), filled for the
stories already there. PostgreSQL has its own (0003); elsewhere nothing."""

from django.db import migrations

from articles import fts


def build(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    fts.create(schema_editor)
    Article = apps.get_model("articles", "Article")
    rows = Article.objects.using(schema_editor.connection.alias).values_list(
        "pk", "headline", "dek", "body"
    )
    fts.index(rows.iterator(), using=schema_editor.connection)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        fts.drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_article_preview_secret")]

    operations = [migrations.RunPython(build, remove)]
