"""Admin table rows whose every control says what it is to a screen reader.

A tabular inline shows its field names once, as column headings; the inputs
in its rows have no label of their own. This names each one after its field
(and the delete box as "Delete"), so assistive technology reads the same
column names a sighted writer sees.
"""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _


class LabelledRowsFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        for name, field in form.fields.items():
            label = _("Delete this row") if name == "DELETE" else field.label
            widget = getattr(field.widget, "widget", field.widget)  # unwrapped
            if label and not field.widget.is_hidden:
                widget.attrs.setdefault("aria-label", str(label).rstrip(":"))


class LabelledTabularInline(admin.TabularInline):
    formset = LabelledRowsFormSet
