"""The full-text index of stories on SQLite, with FTS5 (built into the SQLite
that Python ships).

PostgreSQL keeps each story's search document in Article.search_vector. On
SQLite the same words go to the `article_fts` table instead: one row per
article (its rowid is the article's id) holding the headline, standfirst
and the body as plain text, tokenised into whole words and stemmed like
PostgreSQL's English configuration ("floods" finds "flood", "art" does not
find "article"). Saving an article indexes it; a database trigger removes
it with the article (migration 0007).
"""

from django.db import connection

from articles import sanitize

TABLE = "article_fts"
# Headline above standfirst above body, as PostgreSQL weighs them (A, B, C).
RANK = f"bm25({TABLE}, 10.0, 4.0, 1.0)"
BODY_COLUMN = 2
SNIPPET_WORDS = 32


def create(schema_editor) -> None:
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
        "headline, dek, body, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    schema_editor.execute(
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_forget AFTER DELETE "
        f"ON articles_article BEGIN DELETE FROM {TABLE} WHERE rowid = old.id; END"
    )


def drop(schema_editor) -> None:
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_forget")
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def index(rows, using=connection) -> int:
    """(id, headline, standfirst, body HTML) for each article to (re)index."""
    entries = [
        (pk, headline, dek, sanitize.plain_text(body))
        for pk, headline, dek, body in rows
    ]
    with using.cursor() as cursor:
        cursor.executemany(
            f"INSERT OR REPLACE INTO {TABLE} (rowid, headline, dek, body) "
            "VALUES (%s, %s, %s, %s)",
            entries,
        )
    return len(entries)


def expression(words: list[str], unwanted: list[str]) -> str:
    """An FTS5 query: every word, none of the unwanted. Each is quoted, so
    that nothing a reader types is read as FTS5's own syntax."""
    wanted = " ".join(_quoted(word) for word in words)
    return "".join([wanted, *(f" NOT {_quoted(word)}" for word in unwanted)])


def _quoted(word: str) -> str:
    return '"{}"'.format(word.replace('"', '""'))
