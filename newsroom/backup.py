"""The newsroom's own backup: all its content as one JSON document, and back.

`manage.py export_content` writes, and `manage.py import_content` reads, one
JSON object:

    {
      "format": "newsroom-export",
      "version": 1,
      "exported_at": "2025-01-31T09:00:00.123456+00:00",
      "sections": [section, ...],
      "tags": [tag, ...],
      "correspondents": [correspondent, ...],   each with "links", "outlets"
      "images": [library image, ...],
      "articles": [article, ...],               each with "tags", "bylines",
                                                "corrections", "revisions", "events"
      "comments": [comment, ...],
      "pages": [page, ...]
    }

Every record holds each database column of its model under the field's name
("id", "slug", "section", "publish_at", ...):

- a foreign key is the related record's id ("section": 3, "parent": null),
  but a staff account is its username ("created_by": "editor", "user",
  "actor", "moderated_by"): accounts are not part of the export, and are
  linked again on import when an account with that username exists;
- a date and time is ISO 8601 with its UTC offset and microseconds;
- an image ("file", "photo") is its file name relative to MEDIA_ROOT,
  e.g. "library/4f0c9a.jpg"; copy the media folder alongside the file, the
  renditions too (they are named from the original); an article's "hero" is
  a library image's id (exports from before the library, whose articles
  carry "hero_image", "hero_alt" and the like, are read too);
- a JSON column (a revision's "content", a comment's "signals") is as stored.

Nested lists leave out the key that points at their parent: an article's
"bylines" ({"id", "correspondent", "position", "job_title"}), "corrections",
"revisions" and "events" omit "article", a correspondent's "links" and
"outlets" omit "correspondent"; an article's "tags" is a list of tag ids.

Private data is included on purpose: correspondents' contact e-mails, and
commenters' e-mail addresses and IP hashes. This is the newsroom's own backup,
not a public feed: keep the file as safe as the database.

Importing needs an empty database. Primary keys are kept, so relations,
revisions and URLs survive; models' save() runs as usual (an article's body
is sanitised again, which changes nothing), then the timestamps Django sets
on save (auto_now) and an article's version are put back as exported.
"""

import json
from datetime import datetime
from functools import partial

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from articles.models import (
    Article,
    ArticleEvent,
    Byline,
    Correction,
    Page,
    Revision,
    Section,
    Tag,
)
from authors.models import Correspondent, PreviousOutlet, ProfileLink
from comments.models import Comment
from library.models import Image

FORMAT = "newsroom-export"
VERSION = 1

NOT_AN_EXPORT = 'This is not a newsroom export: it has no "format": "newsroom-export".'
UNKNOWN_VERSION = "This export is version {version}; this newsroom reads version 1."
INCOMPLETE = "This export has no {missing}: the file is incomplete."
NOT_EMPTY = (
    "The database already has {found}: import_content restores into an empty "
    "database only, so that nothing is overwritten or duplicated."
)

# Made from other fields when saved, so neither written out nor read back:
# a backup holds data, never markup to be trusted as it is.
DERIVED_FIELDS = {Comment: {"body_html", "body_format"}}
# Any of these present means the database is not empty.
CONTENT = [Article, Section, Tag, Correspondent, Comment, Page, Image]
# Every table written, for resetting primary-key sequences afterwards.
TABLES = [
    Section,
    Tag,
    Correspondent,
    ProfileLink,
    PreviousOutlet,
    Image,
    Article,
    Byline,
    Correction,
    Revision,
    ArticleEvent,
    Comment,
    Page,
]
LISTS = ["sections", "tags", "correspondents", "articles", "comments", "pages"]
OLD_HERO_WORDS = ("alt", "caption", "credit")
ARTICLE_PARTS = {
    "bylines": Byline,
    "corrections": Correction,
    "revisions": Revision,
    "events": ArticleEvent,
}


class BackupError(ValueError):
    """The file cannot be restored here."""


def export_content() -> dict:
    """Everything, as the JSON-ready structure documented above."""
    user_model = get_user_model()
    usernames = dict(user_model.objects.values_list("pk", user_model.USERNAME_FIELD))
    row = partial(_row, usernames=usernames)
    correspondents = Correspondent.objects.order_by("pk").prefetch_related(
        "links", "outlets"
    )
    articles = Article.objects.order_by("pk").prefetch_related("tags", *ARTICLE_PARTS)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now(),
        "sections": [row(section) for section in Section.objects.order_by("pk")],
        "tags": [row(tag) for tag in Tag.objects.order_by("pk")],
        "correspondents": [
            {
                **row(person),
                "links": [
                    row(link, skip="correspondent") for link in person.links.all()
                ],
                "outlets": [
                    row(outlet, skip="correspondent") for outlet in person.outlets.all()
                ],
            }
            for person in correspondents.iterator(chunk_size=500)
        ],
        "images": [row(image) for image in Image.objects.order_by("pk")],
        "articles": [
            {
                **row(article),
                "tags": sorted(tag.pk for tag in article.tags.all()),
                **{
                    part: [
                        row(child, skip="article")
                        for child in getattr(article, part).all()
                    ]
                    for part in ARTICLE_PARTS
                },
            }
            for article in articles.iterator(chunk_size=500)
        ],
        "comments": [
            row(comment) for comment in Comment.objects.order_by("pk").iterator()
        ],
        "pages": [row(page) for page in Page.objects.order_by("pk")],
    }


def dumps(data: dict) -> str:
    return json.dumps(data, default=_json_value, ensure_ascii=False, indent=1)


def import_content(data: dict) -> dict[str, int]:
    """Restore an export into an empty database; return how many of each."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(NOT_AN_EXPORT)
    if data.get("version") != VERSION:
        raise BackupError(UNKNOWN_VERSION.format(version=data.get("version")))
    missing = [key for key in LISTS if not isinstance(data.get(key), list)]
    if missing:
        raise BackupError(INCOMPLETE.format(missing=", ".join(missing)))
    user_model = get_user_model()
    user_ids = dict(user_model.objects.values_list(user_model.USERNAME_FIELD, "pk"))
    build = partial(_instance, user_ids=user_ids)
    with transaction.atomic():
        found = [
            str(model._meta.verbose_name_plural)
            for model in CONTENT
            if model.objects.exists()
        ]
        if found:
            raise BackupError(NOT_EMPTY.format(found=", ".join(found)))
        for row in data["sections"]:
            _save(build(Section, row))
        for row in data["tags"]:
            _save(build(Tag, row))
        for row in data["correspondents"]:
            _save(build(Correspondent, row))
            ProfileLink.objects.bulk_create(
                build(ProfileLink, {**link, "correspondent": row["id"]})
                for link in row["links"]
            )
            # Exports from before outlets were listed have none.
            PreviousOutlet.objects.bulk_create(
                build(PreviousOutlet, {**outlet, "correspondent": row["id"]})
                for outlet in row.get("outlets", [])
            )
        for row in data.get("images", []):
            _save(build(Image, row))
        for row in data["articles"]:
            _hero_from_old_columns(row)
            # Article.save() counts a version up; the export's number stands.
            _save(build(Article, row), keep=["version"])
            Article.tags.through.objects.bulk_create(
                Article.tags.through(article_id=row["id"], tag_id=tag_id)
                for tag_id in row["tags"]
            )
            for part, model in ARTICLE_PARTS.items():
                model.objects.bulk_create(
                    build(model, {**child, "article": row["id"]}) for child in row[part]
                )
        # Foreign keys are checked at commit, so a reply may come before its
        # parent here.
        Comment.objects.bulk_create(build(Comment, row) for row in data["comments"])
        Comment.objects.render_html()  # bulk_create skips save()
        for row in data["pages"]:
            _save(build(Page, row))
        _reset_sequences()
    return {key: len(data[key]) for key in LISTS}


def _hero_from_old_columns(row: dict) -> None:
    """An article exported before the library: its hero becomes an image."""
    name = row.pop("hero_image", None)
    words = {field: row.pop(f"hero_{field}", "") or "" for field in OLD_HERO_WORDS}
    size = {field: row.pop(f"hero_{field}", None) for field in ("width", "height")}
    if name and not row.get("hero"):
        # bulk_create: the file is not opened (the media may not be copied yet).
        (image,) = Image.objects.bulk_create([Image(file=name, **size, **words)])
        row["hero"] = image.pk


def _row(obj, *, usernames, skip="") -> dict:
    row = {}
    derived = DERIVED_FIELDS.get(type(obj), set())
    for field in obj._meta.concrete_fields:
        if field.name == skip or field.name in derived:
            continue
        value = getattr(obj, field.attname)
        if isinstance(field, models.FileField):
            value = value.name or ""
        elif field.is_relation and field.related_model is get_user_model():
            value = usernames.get(value)
        row[field.name] = value
    return row


def _instance(model, row: dict, *, user_ids):
    values = {}
    derived = DERIVED_FIELDS.get(model, set())
    for field in model._meta.concrete_fields:
        if field.name not in row or field.name in derived:
            continue
        value = row[field.name]
        if field.is_relation:
            if field.related_model is get_user_model():
                value = user_ids.get(value)
            values[field.attname] = value
        elif isinstance(field, models.DateTimeField) and value is not None:
            values[field.name] = datetime.fromisoformat(value)
        else:
            values[field.name] = value
    # Width and height come in with the file name, so the image field does
    # not open the file to measure it: the media may not be copied yet.
    return model(**values)


def _save(obj, *, keep=()) -> None:
    """save() as usual, then put back what it stamps: auto_now times, `keep`."""
    stamped = [
        field.name
        for field in obj._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    exported = {name: getattr(obj, name) for name in [*stamped, *keep]}
    obj.save(force_insert=True)
    type(obj).objects.filter(pk=obj.pk).update(**exported)


def _reset_sequences() -> None:
    """Start new ids after the restored ones (PostgreSQL; SQLite needs none)."""
    statements = connection.ops.sequence_reset_sql(no_style(), TABLES)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _json_value(value):
    # Full precision: DjangoJSONEncoder would drop microseconds.
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
