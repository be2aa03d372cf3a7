"""Rebuild every story's search document."""

from django.core.management.base import BaseCommand

from articles.models import Article


class Command(BaseCommand):
    help = (
        "Recompute every article's full-text search document (PostgreSQL's "
        "search vector, SQLite's FTS5 index). Saves keep it current; run this "
        "after bulk loads that bypass save()."
    )

    def handle(self, *args, **options):
        count = Article.objects.all().update_search_vectors()
        self.stdout.write(f"Updated the search document of {count} article(s).")
