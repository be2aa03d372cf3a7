"""Revisions: a snapshot per save, readable diffs, and restoring an old one."""

import difflib

from django.db import transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from articles import sanitize
from articles.models import Article, Byline, Revision, Tag
from authors.models import Correspondent

TEXT_FIELDS = [
    "headline",
    "slug",
    "dek",
    "body",
    "hero_alt",
    "hero_caption",
    "hero_credit",
]
LABELS = {
    "headline": "Headline",
    "slug": "Slug",
    "dek": "Standfirst",
    "body": "Body",
    "hero_alt": "Alt text",
    "hero_caption": "Caption",
    "hero_credit": "Credit",
    "section": "Section",
    "tags": "Tags",
    "bylines": "Bylines",
    "comments_open": "Comments open",
}


def snapshot(article: Article) -> dict:
    return {
        **{name: getattr(article, name) for name in TEXT_FIELDS},
        "section": article.section.name if article.section else "",
        "section_id": article.section_id,
        "comments_open": article.comments_open,
        "tags": sorted(tag.name for tag in article.tags.all()),
        "bylines": [
            {"id": b.correspondent_id, "name": b.correspondent.name}
            for b in article.bylines.select_related("correspondent")
        ],
    }


def record(article: Article, *, by, note: str = "") -> Revision | None:
    """Keep a revision of the article as saved now, unless nothing changed."""
    content = snapshot(article)
    latest = article.revisions.first()
    if latest is not None and latest.content == content:
        return None
    return article.revisions.create(content=content, created_by=by, note=note)


def snapshot_of_form(cleaned: dict, *, base: dict) -> dict:
    """What a submitted article form would save, in snapshot shape."""
    content = dict(base)
    for name in TEXT_FIELDS:
        if name in cleaned:
            content[name] = cleaned[name]
    if "section" in cleaned:
        content["section"] = cleaned["section"].name if cleaned["section"] else ""
    if "tags" in cleaned:
        content["tags"] = sorted(tag.name for tag in cleaned["tags"])
    if "comments_open" in cleaned:
        content["comments_open"] = cleaned["comments_open"]
    return content


def changed_fields(old: dict, new: dict) -> list[str]:
    return [LABELS[key] for key in LABELS if old.get(key) != new.get(key)]


def diff(old: dict, new: dict) -> list[dict]:
    """Per changed field, a line diff with removals and additions marked."""
    rows = []
    for key, label in LABELS.items():
        before, after = _as_lines(key, old.get(key)), _as_lines(key, new.get(key))
        if before == after:
            continue
        lines = []
        for line in difflib.ndiff(before, after):
            kind = {"- ": "removed", "+ ": "added", "  ": "same"}.get(line[:2])
            if kind:
                lines.append({"kind": kind, "text": line[2:]})
        rows.append({"label": label, "lines": lines})
    return rows


def _as_lines(key, value) -> list[str]:
    if key == "body":
        # Compare the words readers see, a paragraph to a line.
        html = (value or "").replace("</p>", "</p>\n").replace("</h2>", "</h2>\n")
        return [line for line in sanitize.plain_text(html).splitlines() if line.strip()]
    if key == "bylines":
        return [b["name"] for b in value or []]
    if key == "tags":
        return list(value or [])
    return [str(value)] if value not in (None, "") else []


def render_diff(rows) -> str:
    parts = []
    for row in rows:
        lines = "".join(
            f'<li class="diff-{line["kind"]}">{escape(line["text"])}</li>'
            for line in row["lines"]
        )
        parts.append(f'<h3>{escape(row["label"])}</h3><ul class="diff">{lines}</ul>')
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above


def restore(article: Article, revision: Revision, *, by) -> Revision:
    """Put an old revision's content back; the restore is a new revision."""
    content = revision.content
    with transaction.atomic():
        for name in TEXT_FIELDS:
            setattr(article, name, content.get(name, ""))
        article.section_id = content.get("section_id")
        article.comments_open = content.get("comments_open", True)
        article.save()
        article.tags.set(
            Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
            for name in content.get("tags", [])
        )
        wanted = [b["id"] for b in content.get("bylines", [])]
        existing = Correspondent.objects.filter(pk__in=wanted).values_list(
            "pk", flat=True
        )
        article.bylines.exclude(correspondent_id__in=wanted).delete()
        for position, person_id in enumerate(p for p in wanted if p in set(existing)):
            Byline.objects.update_or_create(
                article=article,
                correspondent_id=person_id,
                defaults={"position": position},
            )
        when = revision.created_at.strftime("%d %b %Y %H:%M")
        return (
            record(article, by=by, note=f"Restored the revision of {when}") or revision
        )
