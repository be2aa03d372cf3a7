"""What the article page reads beside the story's own row, with prepared SQL.

A story rendered with nothing cached reads its bylines (correspondents and
their previous outlets), tags, corrections and related stories. Each is a
small indexed query whose SQL the ORM would build afresh on every render;
here each is built once per process (blocks/prepared.py) and its rows are
put where the ORM's prefetching puts them, so `article.bylines.all()`,
`article.tags.all()`, `article.corrections.all()` and
`correspondent.outlets.all()` answer without a query.
"""

from datetime import datetime

from django.db.models import Count, Q, Subquery
from django.utils import timezone

from blocks.prepared import Prepared


def _bylines(pk):
    from articles.models import Byline

    return Byline.objects.filter(article_id=pk).select_related("correspondent")


def _outlets(pk):
    from authors.models import PreviousOutlet

    return PreviousOutlet.objects.filter(correspondent__bylines__article_id=pk)


def _tags(pk):
    from articles.models import Tag

    return Tag.objects.filter(articles__id=pk)


def _corrections(pk):
    from articles.models import Correction

    return Correction.objects.filter(article_id=pk)


def _related(pk, section_id, now, start, end):
    from articles.models import RELATED_CARD_FIELDS, Article

    tag_ids = Subquery(
        Article.tags.through.objects.filter(article_id=pk).values("tag_id")
    )
    return (
        Article.objects.published(now=now)
        .filter(publish_at__range=(start, end))
        .exclude(pk=pk)
        .filter(Q(section_id=section_id) | Q(tags__in=tag_ids))
        .annotate(shared=Count("tags", filter=Q(tags__in=tag_ids), distinct=True))
        .select_related("section")
        .only(*RELATED_CARD_FIELDS)
        .order_by("-shared", "-publish_at")
        .distinct()[:RELATED_STORIES]
    )


RELATED_STORIES = 3
BYLINES = Prepared(_bylines, pk=int)
OUTLETS = Prepared(_outlets, pk=int)
TAGS = Prepared(_tags, pk=int)
CORRECTIONS = Prepared(_corrections, pk=int)
RELATED = Prepared(
    _related, pk=int, section_id=int, now=datetime, start=datetime, end=datetime
)


def load(article) -> None:
    """Read the story's bylines, outlets, tags and corrections into it."""
    bylines = BYLINES(pk=article.pk)
    outlets: dict[int, list] = {}
    for outlet in OUTLETS(pk=article.pk) if bylines else ():
        outlets.setdefault(outlet.correspondent_id, []).append(outlet)
    for byline in bylines:
        person = byline.correspondent
        _prefetched(person, "outlets", outlets.get(person.pk, []))
    _prefetched(article, "bylines", bylines)
    _prefetched(article, "tags", TAGS(pk=article.pk))
    _prefetched(article, "corrections", CORRECTIONS(pk=article.pk))


def related(article, window) -> list:
    """Live stories sharing the section or tags, most tags in common first,
    from the months around `article` (see Article.related)."""
    now = timezone.now()
    around = article.publish_at or now
    values = {
        "pk": article.pk,
        "section_id": article.section_id,
        "now": now,
        "start": around - window,
        "end": around + window,
    }
    if article.section_id is None:  # "IS NULL": SQL of another shape
        return list(_related(**values))
    return RELATED(**values)


def _prefetched(instance, name: str, objects: list) -> None:
    """Keep `objects` as `instance.<name>.all()`, as prefetch_related would."""
    queryset = getattr(instance, name).all()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
