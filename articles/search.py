"""Search over live stories.

On PostgreSQL: full-text search, headline weighted above standfirst above body,
ranked, with highlighted snippets. Elsewhere (SQLite): every word must appear
somewhere; headline matches first.
"""

from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When

from articles.models import SEARCH_CONFIG as CONFIG
from articles.models import Section

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
NEEDS_A_WORD = "Add a word to look for: a search cannot only leave words out."
TOO_MANY_SEARCHES = (
    "You have searched many times in a short while. Please wait a minute."
)
# Markers that cannot occur in prose; the template escapes, then marks them.
HIGHLIGHT_START, HIGHLIGHT_STOP = "\u0002", "\u0003"


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
    if connection.vendor == "postgresql":
        return _postgres(queryset, q)
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


def _fallback(queryset, q):
    words, unwanted = [], []
    for word in terms(q):
        if word.startswith("-"):
            unwanted.append(word.lstrip("-"))
        else:
            words.append(word)
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
