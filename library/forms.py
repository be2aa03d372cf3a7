"""The library's upload form: checks said at upload, and a chosen file kept."""

import uuid

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html

from blocks import images
from library.models import MIN_WIDTH, Image

TOO_NARROW = (
    "This image is {width} px wide; the library takes images at least "
    "{minimum} px wide, or they blur on readers' screens."
)
KEPT_FOLDER = "library/kept"
KEPT_SALT = "library.kept-upload"


class KeptUploadWidget(forms.HiddenInput):
    """A hidden reference to the file chosen before a form error, shown."""

    is_hidden = False

    def render(self, name, value, attrs=None, renderer=None):
        hidden = super().render(name, value, attrs, renderer)
        kept = _unsign(value)
        if not kept:
            return hidden
        return format_html(
            '{}<p class="library-kept"><img src="{}" alt="" width="120"> '
            "<span>{} is kept from your last try: no need to choose it again.</span>"
            "</p>",
            hidden,
            default_storage.url(kept["name"]),
            kept["original"],
        )


class ImageForm(forms.ModelForm):
    kept_upload = forms.CharField(
        label="Chosen file", required=False, widget=KeptUploadWidget
    )

    class Meta:
        model = Image
        fields = ["file", "alt", "caption", "credit", "focal_x", "focal_y"]
        widgets = {
            # The admin titles a file field with a legend, which is no label.
            "file": forms.ClearableFileInput(
                attrs={"aria-label": "Image file", "accept": "image/*"}
            ),
            "focal_x": forms.NumberInput(attrs={"step": "0.01", "min": 0, "max": 1}),
            "focal_y": forms.NumberInput(attrs={"step": "0.01", "min": 0, "max": 1}),
            "alt": forms.TextInput(attrs={"size": 80}),
            "caption": forms.TextInput(attrs={"size": 80}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = _unsign(self.data.get(self.add_prefix("kept_upload")))
        if self.kept:
            self.fields["file"].required = False
        else:  # nothing to show: the admin hides the row
            self.fields["kept_upload"].widget = forms.HiddenInput()

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not isinstance(file, UploadedFile):
            if self.kept and not self.instance.pk:
                self.reopened = _reopen(self.kept)
                return self.reopened
            return file
        width, _height = images.checked_size(file)
        if width < MIN_WIDTH:
            raise ValidationError(
                TOO_NARROW.format(width=width, minimum=MIN_WIDTH), code="too_narrow"
            )
        return file

    def clean(self):
        cleaned = super().clean()
        # Every library image may be shown, so every one needs its words.
        if images.lacks_alt(True, cleaned.get("alt")):
            self.add_error("alt", images.NEEDS_ALT)
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        file = self.cleaned_data.get("file")
        if (
            self.errors
            and "file" not in self.errors
            and isinstance(file, UploadedFile)
            and file is not getattr(self, "reopened", None)
        ):
            self._keep(file)

    def forget_kept(self) -> None:
        """Delete the kept file once the image is saved from it."""
        if self.kept:
            default_storage.delete(self.kept["name"])

    def _keep(self, file) -> None:
        """Store the good file chosen on a form with errors elsewhere, so the
        next try need not choose it again (re-encoded: no metadata kept)."""
        cleaned = images.clean_upload(file)
        extension = cleaned.name.rsplit(".", 1)[1]
        name = default_storage.save(
            f"{KEPT_FOLDER}/{uuid.uuid4().hex}.{extension}", cleaned
        )
        token = signing.dumps({"name": name, "original": file.name}, salt=KEPT_SALT)
        self.data = self.data.copy()
        self.data[self.add_prefix("kept_upload")] = token
        self.fields["kept_upload"].widget = KeptUploadWidget()
        self.kept = {"name": name, "original": file.name}


def _unsign(token) -> dict | None:
    if not token:
        return None
    try:
        kept = signing.loads(token, salt=KEPT_SALT, max_age=24 * 3600)
    except signing.BadSignature:
        return None
    name = str(kept.get("name", ""))
    if not name.startswith(f"{KEPT_FOLDER}/") or ".." in name:
        return None
    if not default_storage.exists(name):
        return None
    return {"name": name, "original": str(kept.get("original", ""))[:200]}


def _reopen(kept: dict):
    upload = UploadedFile(
        default_storage.open(kept["name"]), name=kept["original"] or kept["name"]
    )
    upload.size = default_storage.size(kept["name"])
    return upload
