"""What the articles app tells the page cache: which change purges which tags.

The tags (pagecache/tags.py) that the articles' pages record:

- `story:<id>`: the story as its page shows it; `card:<id>`: the story as a
  card in lists and under other stories (its comment count too);
- `live-list`: which stories are live, and anything every list shows about
  them (home, search, feeds, sitemaps, corrections);
- `section:<id>`, `tag:<id>`, `correspondent-stories:<id>`: a section, a
  tag, and a correspondent's list of stories;
- `related:<id>`: the stories shown under story <id>;
- `masthead`: the sections in every page's navigation; `page:<id>`.

Only stories readers can see, could see or will see (published now or
scheduled, or once published) purge anything: drafts show nowhere cached.
Connected by ArticlesConfig.ready().
"""

from django.db.models import Q
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)

from articles.models import RELATED_WINDOW, Article, Byline, Correction, Page, Section
from articles.models import Tag as StoryTag
from articles.workflow import Status
from authors.models import Correspondent
from library.models import Image
from pagecache import expiry
from pagecache.tags import purge

# A save touching these may let the story into other stories' related lists.
PLACING_FIELDS = {"status", "publish_at", "section", "section_id"}


def shown(article) -> bool:
    """Whether readers see the story, will see it, or once saw it."""
    return article.status == Status.PUBLISHED or article.first_published_at is not None


def story_tags(article) -> set:
    """What a change to a shown story changes: its page, its card, and every
    list it is (or may now be) on."""
    pk = article.pk
    tags = {f"story:{pk}", f"card:{pk}", "live-list"}
    if article.section_id:
        tags.add(f"section:{article.section_id}")
    tags.update(f"tag:{tag}" for tag in _tag_ids(pk))
    people = Byline.objects.filter(article_id=pk).values_list("correspondent_id")
    tags.update(f"correspondent-stories:{person}" for (person,) in people)
    return tags


def related_tags(article) -> set:
    """The live stories whose related list may now take this one in: same
    section or a tag in common, within the related window of its time. (A
    list that showed it shows its card, so leaving one purges it already.)"""
    if article.publish_at is None:
        return set()
    around = article.publish_at
    near = (
        Article.objects.published()
        .filter(publish_at__range=(around - RELATED_WINDOW, around + RELATED_WINDOW))
        .filter(Q(section_id=article.section_id) | Q(tags__in=_tag_ids(article.pk)))
        .exclude(pk=article.pk)
        .values_list("pk", flat=True)
        .distinct()
    )
    return {f"related:{pk}" for pk in near}


def _tag_ids(article_id) -> list[int]:
    rows = Article.tags.through.objects.filter(article_id=article_id)
    return list(rows.values_list("tag_id", flat=True))


def article_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not shown(instance):
        return
    tags = story_tags(instance)
    if update_fields is None or PLACING_FIELDS & set(update_fields):
        tags |= related_tags(instance)
    purge(*tags)


def article_deleting(sender, instance, **kwargs):
    if shown(instance):
        purge(*story_tags(instance))


def part_of_story_changed(sender, instance, raw=False, **kwargs):
    """A byline or a correction, saved or deleted."""
    if raw:
        return
    article = Article.objects.filter(pk=instance.article_id).first()
    if article is None or not shown(article):
        return
    tags = story_tags(article)
    if isinstance(instance, Byline):
        tags.add(f"correspondent-stories:{instance.correspondent_id}")
    purge(*tags)


def story_tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if reverse:  # tag.articles.add(...): pk_set holds stories
        rows = Article.objects.filter(pk__in=pk_set) if pk_set else instance.articles
        stories, tags = list(rows.all()), {f"tag:{instance.pk}"}
    else:
        stories, tags = [instance], {f"tag:{pk}" for pk in pk_set or ()}
    for story in stories:
        if shown(story):
            tags |= story_tags(story)
            if action == "post_add":
                tags |= related_tags(story)
    if any(shown(story) for story in stories):
        purge(*tags)


def tag_changed(sender, instance, **kwargs):
    """A tag renamed or deleted: its page and the stories that name it."""
    stories = Article.tags.through.objects.filter(tag_id=instance.pk)
    ids = stories.values_list("article_id", flat=True)
    purge(f"tag:{instance.pk}", *(f"story:{pk}" for pk in ids))


def section_changed(sender, instance, **kwargs):
    purge("masthead", f"section:{instance.pk}")


def page_changed(sender, instance, **kwargs):
    purge(f"page:{instance.pk}")


def correspondent_saving(sender, instance, raw=False, **kwargs):
    """Remember the name and address cards and feeds show, before the save."""
    old = Correspondent.objects.filter(pk=instance.pk).values_list("name", "slug")
    instance._page_cache_shown_as = None if raw else old.first()


def correspondent_saved(sender, instance, raw=False, **kwargs):
    """Cards, bylines in feeds and the API name the person: a new name or
    address purges their stories' cards too (authors/ purges the profile)."""
    shown_as = getattr(instance, "_page_cache_shown_as", None)
    if raw or shown_as == (instance.name, instance.slug):
        return
    ids = Byline.objects.filter(correspondent_id=instance.pk).values_list(
        "article_id", flat=True
    )
    purge(*(f"{kind}:{pk}" for pk in ids for kind in ("story", "card")))


def image_changed(sender, instance, raw=False, **kwargs):
    """A library picture's words or crop changed: the stories showing it,
    as hero or inside the text, and their cards and lists."""
    if raw:
        return
    tags = set()
    for stories in instance.uses().values():
        for story in stories:
            if shown(story):
                tags |= story_tags(story)
    purge(*tags)


def connect() -> None:
    expiry.register(Article.objects.next_change_at)
    uid = "pagecache-articles-"
    post_save.connect(article_saved, sender=Article, dispatch_uid=uid + "save")
    pre_delete.connect(article_deleting, sender=Article, dispatch_uid=uid + "delete")
    for model in (Byline, Correction):
        for signal in (post_save, post_delete):
            signal.connect(
                part_of_story_changed, sender=model, dispatch_uid=uid + model.__name__
            )
    m2m_changed.connect(
        story_tags_changed, sender=Article.tags.through, dispatch_uid=uid + "tags"
    )
    post_save.connect(tag_changed, sender=StoryTag, dispatch_uid=uid + "tag")
    pre_delete.connect(tag_changed, sender=StoryTag, dispatch_uid=uid + "tag-del")
    for signal in (post_save, post_delete):
        signal.connect(section_changed, sender=Section, dispatch_uid=uid + "section")
        signal.connect(page_changed, sender=Page, dispatch_uid=uid + "page")
    pre_save.connect(
        correspondent_saving, sender=Correspondent, dispatch_uid=uid + "person"
    )
    post_save.connect(
        correspondent_saved, sender=Correspondent, dispatch_uid=uid + "person"
    )
    for signal in (post_save, pre_delete):
        signal.connect(image_changed, sender=Image, dispatch_uid=uid + "image")
