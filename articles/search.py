"""Search over live stories.

Whole words, every one of them, none of those marked "-"; headline weighted
above standfirst above body, ranked, with highlighted snippets. PostgreSQL
answers from each story's search vector, SQLite from its FTS5 index
(articles/fts.py). Any other database matches text anywhere, headline
matches first.
"""

from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connections
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from articles import fts
from articles.models import Section
from articles.queries import SEARCH_CONFIG as CONFIG
from blocks.markup import HIGHLIGHT_START, HIGHLIGHT_STOP

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
NEEDS_A_WORD = "Add a word to look for: a search cannot only leave words out."
TOO_MANY_SEARCHES = (
    "You have searched many times in a short while. Please wait a minute."
)
# The outer query's article, as SQLite's correlated subqueries name it.
ARTICLE_ID = "articles_article.id"


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search", required=False, max_length=MAX_QUERY_LENGTH, strip=True
    )
    section = forms.ModelChoiceField(
        queryset=Section.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="All sections",
    )
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_q(self):
        # Junk such as NUL bytes or lone punctuation searches for nothing.
        q = self.cleaned_data["q"].replace("\x00", "")
        words = terms(q)
        if words and all(word.startswith("-") for word in words):
            # "-x" alone matches nearly every story: a scan, for nothing.
            raise forms.ValidationError(NEEDS_A_WORD, code="needs_a_word")
        return " ".join(words)


def terms(q: str) -> list[str]:
    words = [
        "".join(ch for ch in word if ch.isalnum() or ch in "-'") for word in q.split()
    ]
    return [word for word in words if word.strip("-'")][:MAX_TERMS]


def run(queryset, *, q, section=None, since=None, until=None):
    if section:
        queryset = queryset.filter(section=section)
    if since:
        queryset = queryset.filter(publish_at__date__gte=since)
    if until:
        queryset = queryset.filter(publish_at__date__lte=until)
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        return _postgres(queryset, q)
    if vendor == "sqlite":
        return _sqlite(queryset, q)
    return _fallback(queryset, q)


def _postgres(queryset, q):
    query = SearchQuery(q, search_type="websearch", config=CONFIG)
    return (
        queryset.filter(search_vector=query)  # the GIN index answers this
        .annotate(rank=SearchRank(F("search_vector"), query))
        .annotate(
            snippet=SearchHeadline(
                "body",
                query,
                config=CONFIG,
                start_sel=HIGHLIGHT_START,
                stop_sel=HIGHLIGHT_STOP,
                max_words=35,
                min_words=15,
                max_fragments=1,
            )
        )
        .order_by("-rank", "-publish_at")
    )


def _sqlite(queryset, q):
    query = fts.expression(*_split(q))
    # The stories matched, then for each its rank and the passage of its
    # body that matches, both from the index row with the story's id.
    matched = f"SELECT rowid FROM {fts.TABLE} WHERE {fts.TABLE} MATCH %s"
    this_one = (
        f"FROM {fts.TABLE} WHERE {fts.TABLE} MATCH %s "
        f"AND {fts.TABLE}.rowid = {ARTICLE_ID}"
    )
    snippet = (
        f"snippet({fts.TABLE}, {fts.BODY_COLUMN}, %s, %s, '…', {fts.SNIPPET_WORDS})"
    )
    return (
        queryset.filter(pk__in=RawSQL(matched, [query]))
        .annotate(
            rank=RawSQL(f"SELECT {fts.RANK} {this_one}", [query]),
            snippet=RawSQL(
                f"SELECT {snippet} {this_one}",
                [HIGHLIGHT_START, HIGHLIGHT_STOP, query],
            ),
        )
        .order_by("rank", "-publish_at")  # bm25: the best match is the lowest
    )


def _split(q) -> tuple[list[str], list[str]]:
    """The words to find, and those marked "-" to leave out."""
    words, unwanted = [], []
    for word in terms(q):
        if word.startswith("-"):
            unwanted.append(word.lstrip("-"))
        else:
            words.append(word)
    return words, unwanted


def _fallback(queryset, q):
    words, unwanted = _split(q)
    for word in words:
        queryset = queryset.filter(_mentions(word))
    for word in unwanted:
        queryset = queryset.exclude(_mentions(word))
    headline_hits = Q()
    for word in words:
        headline_hits &= Q(headline__icontains=word)
    return queryset.annotate(
        headline_match=Case(
            When(headline_hits, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    ).order_by("-headline_match", "-publish_at")


def _mentions(word: str) -> Q:
    return (
        Q(headline__icontains=word) | Q(dek__icontains=word) | Q(body__icontains=word)
    )
