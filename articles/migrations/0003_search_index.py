"""A GIN index on the search document, and the documents of existing stories.

PostgreSQL only: elsewhere search falls back to plain matching and the
column stays empty, so both steps do nothing there.
"""

from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = "articles_article_search_gin"


def build(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_article USING gin (search_vector)"
    )
    Article = apps.get_model("articles", "Article")
    Article.objects.update(
        search_vector=SearchVector("headline", weight="A", config="english")
        + SearchVector("dek", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_add_search_vector")]

    operations = [migrations.RunPython(build, drop)]
