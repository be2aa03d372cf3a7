"""The story form's picker of library images: a searchable select with thumbnails."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.urls import reverse

from library.models import Image

PICKER_CLASS = "library-picker"


class ImagePicker(AutocompleteSelect):
    """Django's autocomplete select, asking the library's own search (which
    answers with thumbnails) and drawn by library/picker.js."""

    def get_url(self):
        return reverse(f"{self.admin_site.name}:library_image_picker")

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        # Not "admin-autocomplete": Django's script would draw it without
        # thumbnails before ours could.
        attrs["class"] = attrs["class"].replace("admin-autocomplete", PICKER_CLASS)
        attrs["data-placeholder"] = "Search the library: caption, alt text, credit…"
        return attrs

    def create_option(self, name, value, label, selected, index, **kwargs):
        option = super().create_option(name, value, label, selected, index, **kwargs)
        if value:
            image = Image.objects.filter(pk=value).first()
            if image is not None:
                option["attrs"]["data-thumbnail"] = image.thumbnail_url()
        return option

    @property
    def media(self):
        return super().media + forms.Media(
            js=["library/picker.js"], css={"screen": ["library/library.css"]}
        )
