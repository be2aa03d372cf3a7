"""The story admin's forms: the article form and the workflow's small forms."""

from django import forms
from django.utils import timezone
from django_prose_editor.widgets import AdminProseEditorWidget

from articles import body, revisions
from articles.models import Article, Correction
from blocks import embeds, images

BODY_EDITOR = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Heading": {"levels": [2, 3]},
        "BulletList": True,
        "ListItem": True,
        "OrderedList": True,
        "Blockquote": True,
        "Link": {"enableTarget": False},
        "HardBreak": True,
        "History": True,
        # static/js/editor-embeds.js, registered in settings.
        "Embed": {"services": embeds.HOSTS},
        "PullQuote": True,
        # The package turns the browser's spellcheck off by default.
        "NoSpellCheck": False,
    }
}
EDIT_CONFLICT = (
    "{who} saved this story at {when} while you were editing it ({fields} changed). "
    "Nothing has been overwritten: your version is still in the form below. "
    "Copy what you need, reload the story, and apply your changes again."
)
CANNOT_EMBED = "{addresses} can't be embedded. Embeds work with {services}."


class ArticleAdminForm(forms.ModelForm):
    # The version the editor started from; a different saved one is a conflict.
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "headline",
            "slug",
            "dek",
            "body",
            "section",
            "tags",
            "is_featured",
            "comments_open",
            "hero_image",
            "hero_alt",
            "hero_caption",
            "hero_credit",
        ]
        widgets = {
            "body": AdminProseEditorWidget(config=BODY_EDITOR, preset="configurable"),
            # Text boxes that grow with what is typed: a long headline
            # stays whole on screen.
            "headline": forms.Textarea(attrs={"rows": 1, "class": "desk-headline"}),
            "dek": forms.Textarea(attrs={"rows": 2, "class": "desk-standfirst"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["base_version"].initial = self.instance.version
        if "hero_image" in self.fields:
            # The file box sits under a legend, not a label: name it.
            self.fields["hero_image"].widget.attrs["aria-label"] = "Hero image file"
        pending = getattr(self.instance, "pending_change", None)
        if pending is not None and not self.is_bound:
            # A writer goes on from the change waiting for review, not from
            # the live text, so a second save does not undo the first.
            self.initial.update(revisions.form_initial(pending.content))

    def clean_body(self):
        text = self.cleaned_data["body"]
        if unknown := body.unembeddable(text):
            raise forms.ValidationError(
                CANNOT_EMBED.format(
                    addresses=", ".join(unknown), services=", ".join(embeds.NAMES)
                ),
                code="unknown_embed",
            )
        return text

    def clean_headline(self):
        # Typed in a text box that grows; a headline is still one line.
        return " ".join(self.cleaned_data["headline"].splitlines())

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._check_conflict(cleaned.get("base_version"))
        if images.lacks_alt(cleaned.get("hero_image"), cleaned.get("hero_alt")):
            self.add_error("hero_alt", images.NEEDS_ALT)
        return cleaned

    def _check_conflict(self, base_version):
        saved = (
            Article.objects.filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if base_version is None or saved is None or saved == base_version:
            return
        latest = self.instance.revisions.select_related("created_by").first()
        theirs = latest.content if latest else {}
        mine = revisions.snapshot_of_form(self.cleaned_data, base=theirs)
        fields = revisions.changed_fields(theirs, mine) or ["some fields"]
        raise forms.ValidationError(
            EDIT_CONFLICT.format(
                who=latest.created_by
                if latest and latest.created_by
                else "Someone else",
                when=timezone.localtime(latest.created_at).strftime("%H:%M %Z")
                if latest
                else "just now",
                fields=", ".join(fields),
            ),
            code="edit_conflict",
        )


class TransitionForm(forms.Form):
    to = forms.ChoiceField(choices=[])
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    publish_at = forms.DateTimeField(
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
    )

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(t, t) for t in targets]


class PendingDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("publish", "publish"), ("discard", "discard")]
    )
    note = forms.CharField(required=False, max_length=2000)


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["kind", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
