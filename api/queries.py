"""The API's query parameters, checked, and the live content they select.

Everything starts from Article.objects.published(): drafts, stories in
review, scheduled and withdrawn ones never match, and an edit waiting for an
editor lives in a Revision, not on the article, so it never shows either.
"""

from django import forms
from django.db.models import Exists, OuterRef
from rest_framework.exceptions import ValidationError

from api import paging
from articles import search
from articles.models import Article, Section, Tag
from authors.models import Correspondent

UNKNOWN_PARAMETER = "Unknown parameter; this address takes: {known}."
BIGGEST_ID = 2**63 - 1

NEWEST = paging.Ordering("newest", ("-publish_at", "-id"))
UPDATED = paging.Ordering("updated", ("updated_at", "id"))
STORY_ORDERINGS = {o.name: o for o in (NEWEST, UPDATED)}
SECTION_ORDER = paging.Ordering("sections", ("position", "name", "id"))
BY_NAME = paging.Ordering("name", ("name", "id"))


class NoQuery(forms.Form):
    """A single item's address takes no parameters."""


class PageQuery(forms.Form):
    cursor = forms.CharField(required=False, max_length=1000)
    limit = forms.IntegerField(required=False, min_value=1, max_value=paging.MAX_LIMIT)


class StoryQuery(PageQuery):
    section = forms.SlugField(required=False)
    tag = forms.SlugField(required=False)
    correspondent = forms.SlugField(required=False)
    updated_since = forms.DateTimeField(required=False)
    q = forms.CharField(required=False, max_length=search.MAX_QUERY_LENGTH)
    ordering = forms.ChoiceField(
        required=False, choices=[(name, name) for name in STORY_ORDERINGS]
    )

    def clean_q(self):
        # The site's search rules, so both refuse the same queries.
        form = search.SearchForm(data={"q": self.cleaned_data["q"]})
        if not form.is_valid() and "q" in form.errors:
            raise forms.ValidationError(form.errors["q"])
        return form.cleaned_data.get("q", "")


def parse(form_class, params) -> dict:
    """The cleaned parameters, or a 400 naming each bad one."""
    unknown = sorted(set(params) - set(form_class.base_fields))
    if unknown:
        known = ", ".join(form_class.base_fields) or "no parameters"
        raise ValidationError(
            {name: [UNKNOWN_PARAMETER.format(known=known)] for name in unknown}
        )
    form = form_class(data=params)
    if not form.is_valid():
        raise ValidationError(
            {name: list(messages) for name, messages in form.errors.items()}
        )
    data = form.cleaned_data
    data["limit"] = data.get("limit") or paging.DEFAULT_LIMIT
    return data


def live_stories():
    """Live stories with everything the API shows, in a fixed number of queries."""
    return (
        Article.objects.published().for_cards().prefetch_related("tags", "corrections")
    )


def stories(query: dict):
    rows = live_stories()
    if query.get("section"):
        rows = rows.filter(section__slug=query["section"])
    if query.get("tag"):
        rows = rows.filter(tags__slug=query["tag"])
    if query.get("correspondent"):
        rows = rows.filter(bylines__correspondent__slug=query["correspondent"])
    if query.get("updated_since"):
        rows = rows.filter(updated_at__gte=query["updated_since"])
    if query.get("q"):
        # The site's search (full text on PostgreSQL) picks the stories; the
        # order stays the cursor's, so pages are stable.
        found = search.run(Article.objects.published(), q=query["q"])
        rows = rows.filter(pk__in=found.values("pk"))
    ordering = STORY_ORDERINGS[query.get("ordering") or NEWEST.name]
    return rows, ordering


def story(pk: int):
    if pk > BIGGEST_ID:  # past any id: the database would refuse the number
        return None
    return live_stories().filter(pk=pk).first()


def sections():
    return Section.objects.all()


def tags():
    """Tags on at least one live story: one only on drafts may name a scoop."""
    live = Article.objects.published().filter(tags=OuterRef("pk"))
    return Tag.objects.filter(Exists(live))


def correspondents():
    return Correspondent.objects.prefetch_related("links")
