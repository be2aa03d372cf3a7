"""How stories are fetched: the reader-facing filters, the card query, the
article page's single prepared query, and the search document."""

import functools
from dataclasses import dataclass

from django.contrib.postgres.search import SearchVector
from django.db import connections, models
from django.utils import timezone

from articles import fts, workflow
from articles.workflow import Status

SEARCH_CONFIG = "english"
SEARCH_DOCUMENT = (
    SearchVector("headline", weight="A", config=SEARCH_CONFIG)
    + SearchVector("dek", weight="B", config=SEARCH_CONFIG)
    + SearchVector("body", weight="C", config=SEARCH_CONFIG)
)


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """What readers may see now: scheduled stories join by themselves."""
        return self.filter(
            status=Status.PUBLISHED, publish_at__lte=now or timezone.now()
        )

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now())

    def for_cards(self):
        """Everything an article card shows, in a fixed number of queries.

        Without the search document: several kilobytes a story on PostgreSQL
        that no card shows (search uses it inside SQL only). (Deferring costs
        more than it saves on a single row, so the article page loads it.)
        """
        from articles.models import Byline

        return (
            self.defer("search_vector")
            .select_related("section", "hero")
            .prefetch_related(
                models.Prefetch(
                    "bylines", queryset=Byline.objects.select_related("correspondent")
                )
            )
        )

    def editable_by(self, user):
        """The stories `user` may open in the admin."""
        if user.has_perm(workflow.EDIT_ANY):
            return self
        return self.written_by(user)

    def written_by(self, user):
        """The stories with `user`'s byline: a journalist's own stories."""
        return self.filter(bylines__correspondent__user=user).distinct()

    def update_search_vectors(self) -> int:
        """Recompute the full-text document of these articles: the search
        vector on PostgreSQL, the FTS5 index on SQLite (articles/fts.py)."""
        vendor = connections[self.db].vendor
        if vendor == "sqlite":
            rows = self.values_list("pk", "headline", "dek", "body")
            return fts.index(rows, using=connections[self.db])
        if vendor != "postgresql":
            return 0
        return self.update(search_vector=SEARCH_DOCUMENT)

    def next_change_at(self):
        """When the next scheduled story goes live, so caches can expire then."""
        return (
            self.scheduled().order_by("publish_at").values_list("publish_at", flat=True)
        ).first()


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_for_page(self, slug: str):
        """The story at `slug` with its section, for the article page; raises
        Article.DoesNotExist.

        Every page-cache miss on an article runs this, and the ORM spends
        longer building its SQL and mapping its columns than the database
        spends running it, so both are worked out once per database and
        reused; the row still goes through Django's converters for each
        field. The search document is left out: several kilobytes that only
        the database reads.
        """
        db = self.db
        connection = connections[db]
        query = _page_query(db, self.model)
        with connection.cursor() as cursor:
            cursor.execute(query.sql, [slug])
            row = cursor.fetchone()
        if row is None:
            raise self.model.DoesNotExist(f"No article at {slug!r}")
        values = list(row)
        for index, col, converters in query.converters:
            for convert in converters:
                values[index] = convert(values[index], col, connection)
        split = len(query.article_fields)
        article = self.model.from_db(db, query.article_fields, values[:split])
        for name, fields in query.joined:
            part = values[split : split + len(fields)]
            split += len(fields)
            if getattr(article, f"{name}_id") is not None:
                related = self.model._meta.get_field(name).related_model
                setattr(article, name, related.from_db(db, fields, part))
        return article


@dataclass(frozen=True)
class _PageQuery:
    sql: str
    article_fields: list[str]
    joined: list[tuple[str, list[str]]]  # (foreign key, the related row's fields)
    converters: list[tuple]  # (column index, Col, converter functions)


@functools.cache
def _page_query(db: str, Article) -> _PageQuery:
    """get_for_page()'s SQL on database `db`, and how to read its row: the
    story, its section and its hero image, each left-joined."""
    connection = connections[db]
    quote = connection.ops.quote_name
    fields = [
        ("a", field)
        for field in Article._meta.concrete_fields
        if field.name != "search_vector"
    ]
    joins, joined = [], []
    for alias, name in (("s", "section"), ("h", "hero")):
        related = Article._meta.get_field(name).related_model
        fields += [(alias, field) for field in related._meta.concrete_fields]
        joins.append(
            f"LEFT JOIN {quote(related._meta.db_table)} {alias} "
            f"ON {alias}.id = a.{quote(name + '_id')}"
        )
        joined.append((name, [f.attname for a, f in fields if a == alias]))
    converters = []
    for index, (alias, field) in enumerate(fields):
        col = field.get_col(alias)
        found = connection.ops.get_db_converters(col) + col.get_db_converters(
            connection
        )
        if found:
            converters.append((index, col, found))
    columns = ", ".join(f"{alias}.{quote(field.column)}" for alias, field in fields)
    return _PageQuery(
        sql=(
            f"SELECT {columns} FROM {quote(Article._meta.db_table)} a "
            f"{' '.join(joins)} WHERE a.slug = %s"
        ),
        article_fields=[f.attname for alias, f in fields if alias == "a"],
        joined=joined,
        converters=converters,
    )
