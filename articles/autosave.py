"""Never lose a word: keep what a writer's story form holds between saves,
offer it back when they open the story again, and forget it once they save.

An autosave is the writer's own copy (one per writer and story, and one per
writer for a story never saved yet); it never touches the story, so readers,
the page cache and the review queue never see it.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from articles import revisions, sanitize
from articles.desk import Autosave
from articles.models import Article, Section, Tag

ADD = "articles.add_article"
EVERY_SECONDS = 10  # how often the screen sends the form while it changes
NOTHING_SENT = "Nothing to keep: the form's fields were missing."
# Generous bounds: an overlong headline is the real form's to refuse on save;
# an autosave keeps the words meanwhile.
MAX_LINE = 2_000
MAX_BODY = 2_000_000


class AutosaveForm(forms.Form):
    """What the story screen sends between saves (no files, no bylines)."""

    headline = forms.CharField(required=False, max_length=MAX_LINE, strip=False)
    slug = forms.CharField(required=False, max_length=MAX_LINE)
    dek = forms.CharField(required=False, max_length=MAX_LINE, strip=False)
    body = forms.CharField(required=False, max_length=MAX_BODY, strip=False)
    section = forms.ModelChoiceField(Section.objects.all(), required=False)
    tags = forms.ModelMultipleChoiceField(Tag.objects.all(), required=False)
    comments_open = forms.BooleanField(required=False)
    hero_alt = forms.CharField(required=False, max_length=MAX_LINE)
    hero_caption = forms.CharField(required=False, max_length=MAX_LINE)
    hero_credit = forms.CharField(required=False, max_length=MAX_LINE)
    base_version = forms.IntegerField(required=False, min_value=0)

    def clean(self):
        cleaned = super().clean()
        if not {"headline", "body"} <= set(self.data):
            raise ValidationError(NOTHING_SENT, code="empty")
        return cleaned


def may_keep(article: Article | None, user) -> bool:
    """Only someone who may change the story (or start one) keeps a copy."""
    if article is None:
        return user.has_perm(ADD)
    return article.can_be_edited_by(user)


def baseline(article: Article, user) -> dict:
    """What `user`'s form opens with: for a writer whose edits wait for
    review, the change waiting (the story form goes on from it), else the
    story as saved."""
    if article.edits_need_review(user):
        waiting = article.revisions.waiting()
        if waiting is not None:
            return waiting.content
    return revisions.snapshot(article)


def keep(article: Article | None, user, data) -> Autosave | None:
    """Keep `user`'s form `data` as their autosave of `article` (None: the
    story they have not saved yet), in place of the one before. Returns None
    when the form holds nothing unsaved (the old copy goes too). Raises
    PermissionDenied, or ValidationError for a payload the form refuses;
    either way nothing is written."""
    if not may_keep(article, user):
        raise PermissionDenied
    form = AutosaveForm(data)
    if not form.is_valid():
        raise ValidationError(form.errors)
    base = baseline(article, user) if article is not None else {}
    content = revisions.snapshot_of_form(form.cleaned_data, base=base)
    content["body"] = sanitize.clean_body(content["body"])
    unchanged = content == base if article is not None else not _has_words(content)
    with transaction.atomic():
        if unchanged:
            clear(article, user)
            return None
        autosave, _created = Autosave.objects.update_or_create(
            article=article,
            user=user,
            defaults={
                "content": content,
                "base_version": form.cleaned_data["base_version"],
                "saved_at": timezone.now(),
            },
        )
    return autosave


def _has_words(content: dict) -> bool:
    text = sanitize.plain_text(content.get("body", ""))
    return any(
        (content.get(name) or "").strip() for name in ("headline", "dek")
    ) or bool(text.strip())


def offer(article: Article | None, user) -> Autosave | None:
    """`user`'s unsaved text for the story (or for a new one), if any."""
    return Autosave.objects.filter(article=article, user=user).first()


def saved_since(autosave: Autosave, article: Article) -> bool:
    """Whether the story was saved after the autosave's form was opened: then
    saving the restored text meets the edit-conflict refusal."""
    return (
        autosave.base_version is not None and autosave.base_version != article.version
    )


def form_initial(autosave: Autosave) -> dict:
    """The story form's initial values from an autosave, body cleaned again."""
    initial = revisions.form_initial(autosave.content)
    initial["body"] = sanitize.clean_body(initial["body"] or "")
    if autosave.base_version is not None:
        # The conflict guard compares against the version the text came from.
        initial["base_version"] = autosave.base_version
    return initial


def clear(article: Article | None, user) -> None:
    """Forget `user`'s autosave of the story (after a save, or on Discard)."""
    Autosave.objects.filter(article=article, user=user).delete()
