"""The story admin's forms: the article form and the workflow's small forms."""

from django import forms
from django.urls import reverse_lazy
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
        # static/js/editor/, registered in settings.
        "Embed": {"services": embeds.HOSTS},
        "PullQuote": True,
        # The package turns the browser's spellcheck off by default.
        "NoSpellCheck": False,
        "LibraryFigure": {"pickerUrl": reverse_lazy("admin:library_image_picker")},
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
            "hero",
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
        return cleaned

    def clean_hero(self):
        """Say at once what publishing would refuse about the chosen image."""
        image = self.cleaned_data.get("hero")
        if image is not None and "hero" in self.changed_data:
            if image.hero_warning():
                raise forms.ValidationError(image.hero_warning(), code="too_narrow")
            if images.lacks_alt(image.file, image.alt):
                raise forms.ValidationError(images.NEEDS_ALT, code="needs_alt")
        return image

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
