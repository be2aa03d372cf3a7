"""Revisions: a snapshot per save, readable diffs, restoring an old one, and
the review of edits to live stories (pending changes)."""

import difflib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from articles import sanitize, workflow
from articles.models import Article, Byline, Revision, Tag
from articles.workflow import Status
from authors.models import Correspondent
from library.models import Image

NOT_PENDING = "This change is no longer waiting for review."
DISCARD_NEEDS_NOTE = "Say why: discarding a writer's change needs a note."
REPLACED = "Replaced by a later change."

TEXT_FIELDS = [
    "headline",
    "slug",
    "dek",
    "body",
]
LABELS = {
    "headline": "Headline",
    "slug": "Slug",
    "dek": "Standfirst",
    "body": "Body",
    "hero": "Hero image",
    "section": "Section",
    "tags": "Tags",
    "bylines": "Bylines",
    "comments_open": "Comments open",
}


def snapshot(article: Article) -> dict:
    return {
        **{name: getattr(article, name) for name in TEXT_FIELDS},
        "hero": article.hero.file.name if article.hero_id else "",
        "hero_id": article.hero_id,
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
    latest = article.revisions.saved().first()
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
        section = cleaned["section"]
        content["section"] = section.name if section else ""
        content["section_id"] = section.pk if section else None
    if "tags" in cleaned:
        content["tags"] = sorted(tag.name for tag in cleaned["tags"])
    if "comments_open" in cleaned:
        content["comments_open"] = cleaned["comments_open"]
    if "hero" in cleaned:
        hero = cleaned["hero"]
        content["hero"] = hero.file.name if hero else ""
        content["hero_id"] = hero.pk if hero else None
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
        rows.append({"label": label, "lines": _around_changes(lines)})
    return rows


def _around_changes(lines: list[dict], context: int = 1) -> list[dict]:
    """The changed lines with `context` unchanged ones either side; longer
    unchanged stretches fold into one line saying how many, so a one-word
    fix in a long story reads as one."""
    changed = [i for i, line in enumerate(lines) if line["kind"] != "same"]
    near = {j for i in changed for j in range(i - context, i + context + 1)}
    kept, folded = [], 0
    for i, line in enumerate(lines):
        if i in near or line["kind"] != "same":
            if folded:
                kept.append(_folded(folded))
                folded = 0
            kept.append(line)
        else:
            folded += 1
    if folded:
        kept.append(_folded(folded))
    return kept


def _folded(count: int) -> dict:
    return {"kind": "folded", "text": f"… {count} unchanged"}


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


def form_initial(content: dict) -> dict:
    """A change form's initial values for a snapshot's content."""
    initial = {name: content.get(name, "") for name in TEXT_FIELDS}
    initial["section"] = content.get("section_id")
    initial["comments_open"] = content.get("comments_open", True)
    initial["hero"] = content.get("hero_id")
    initial["tags"] = list(
        Tag.objects.filter(name__in=content.get("tags", [])).values_list(
            "pk", flat=True
        )
    )
    return initial


def content_of_change_form(form, formsets) -> dict:
    """What a valid article change form and its bylines would save, as a
    snapshot."""
    article = form.instance
    live = snapshot(Article.objects.get(pk=article.pk))
    content = snapshot_of_form(form.cleaned_data, base=live)
    for formset in formsets:
        if formset.model is Byline:
            kept = [
                f.cleaned_data
                for f in formset.forms
                if f.cleaned_data.get("correspondent")
                and not f.cleaned_data.get("DELETE")
            ]
            kept.sort(key=lambda data: data.get("position") or 0)
            content["bylines"] = [
                {"id": data["correspondent"].pk, "name": data["correspondent"].name}
                for data in kept
            ]
    return content


def apply(article: Article, content: dict) -> None:
    """Make a snapshot's content the article's own, and save it."""
    for name in TEXT_FIELDS:
        setattr(article, name, content.get(name, ""))
    article.section_id = content.get("section_id")
    article.comments_open = content.get("comments_open", True)
    hero_id = content.get("hero_id", article.hero_id)
    # An image deleted from the library since leaves the story without one.
    article.hero = Image.objects.filter(pk=hero_id).first() if hero_id else None
    article.save()
    article.tags.set(
        Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
        for name in content.get("tags", [])
    )
    wanted = [b["id"] for b in content.get("bylines", [])]
    existing = set(
        Correspondent.objects.filter(pk__in=wanted).values_list("pk", flat=True)
    )
    article.bylines.exclude(correspondent_id__in=wanted).delete()
    for position, person_id in enumerate(p for p in wanted if p in existing):
        Byline.objects.update_or_create(
            article=article,
            correspondent_id=person_id,
            defaults={"position": position},
        )


def restore(article: Article, revision: Revision, *, by) -> Revision:
    """Put an old revision's content back; the restore is a new revision, or a
    pending change when `by` may not change the live story directly."""
    when = revision.created_at.strftime("%d %b %Y %H:%M")
    note = f"Restored the revision of {when}"
    if article.edits_need_review(by):
        return propose(article, revision.content, by=by, note=note) or revision
    with transaction.atomic():
        apply(article, revision.content)
        return record(article, by=by, note=note) or revision


# Edits to live stories --------------------------------------------------------


def propose(article: Article, content: dict, *, by, note: str = "") -> Revision | None:
    """Keep `by`'s edit to a live story as the one change waiting for an
    editor; readers keep seeing the live version. Returns None when the edit
    leaves the live story as it is."""
    if not article.can_be_edited_by(by):
        raise PermissionDenied
    with transaction.atomic():
        live = Article.objects.select_for_update().get(pk=article.pk)
        waiting = list(live.revisions.pending())
        if waiting and waiting[-1].content == content:
            return waiting[-1]
        for earlier in waiting:  # each change starts from the one before it
            _decide(earlier, Revision.State.DISCARDED, by=by, note=REPLACED)
        if content == snapshot(live):
            return None
        return live.revisions.create(
            content=content,
            created_by=by,
            note=note,
            state=Revision.State.PENDING,
            base_version=live.version,
        )


def publish_pending(revision: Revision, *, by, note: str = "") -> Article:
    """Put a waiting change live, as an editor, and log it."""
    if not by.has_perm(workflow.PUBLISH):
        raise PermissionDenied(workflow.NOT_PERMITTED_CHANGE)
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=revision.article_id)
        revision = Revision.objects.select_for_update().get(pk=revision.pk)
        if revision.state != Revision.State.PENDING:
            raise ValidationError(NOT_PENDING, code="not_pending")
        apply(article, revision.content)
        problems = article.publish_problems() if article.is_published() else []
        if problems:
            raise ValidationError(problems, code="not_ready")
        _decide(revision, Revision.State.ACCEPTED, by=by, note=note)
        writer = revision.created_by or "someone"
        record(article, by=revision.created_by, note=f"Change by {writer}, reviewed")
        article.events.create(
            actor=by,
            from_status=Status.PUBLISHED,
            to_status=Status.PUBLISHED,
            note=f"Published the change by {writer}. {note}".strip(),
        )
    return article


def last_turned_down(article: Article, writer) -> Revision | None:
    """The newest change of `writer`'s that an editor discarded, with the
    editor's note (a change the writer replaced with a later one is not)."""
    return (
        article.revisions.filter(state=Revision.State.DISCARDED, created_by=writer)
        .exclude(decision_note=REPLACED)
        .select_related("decided_by")
        .order_by("-decided_at")
        .first()
    )


def discard_pending(revision: Revision, *, by, note: str) -> None:
    """Turn a waiting change down, saying why; the writer sees the note."""
    if not by.has_perm(workflow.PUBLISH):
        raise PermissionDenied(workflow.NOT_PERMITTED_CHANGE)
    if not note.strip():
        raise ValidationError(DISCARD_NEEDS_NOTE, code="note_required")
    with transaction.atomic():
        revision = Revision.objects.select_for_update().get(pk=revision.pk)
        if revision.state != Revision.State.PENDING:
            raise ValidationError(NOT_PENDING, code="not_pending")
        _decide(revision, Revision.State.DISCARDED, by=by, note=note)
        revision.article.events.create(
            actor=by,
            from_status=Status.PUBLISHED,
            to_status=Status.PUBLISHED,
            note=f"Discarded the change by {revision.created_by or 'someone'}: {note}",
        )


def _decide(revision: Revision, state: str, *, by, note: str) -> None:
    revision.state = state
    revision.decided_by = by
    revision.decided_at = timezone.now()
    revision.decision_note = note
    revision.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])
