"""The correspondent admin's form."""

from django import forms
from django.core.exceptions import ValidationError

from authors.models import LINK_NOT_PERMITTED, Correspondent


class CorrespondentAdminForm(forms.ModelForm):
    """A profile as the admin edits it, by `actor`, who must hold the right
    to link or unlink a staff account; the admin also shows them the field
    read-only, and the form refuses a crafted POST all the same."""

    actor = None  # set per request by the admin (see CorrespondentAdmin.get_form)

    class Meta:
        model = Correspondent
        fields = [
            "name",
            "slug",
            "job_title",
            "photo",
            "beat",
            "based_in",
            "languages",
            "experience",
            "education",
            "bio",
            "email",
            "user",
        ]

    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor or self.actor
        if "photo" in self.fields:
            # The file box sits under a legend, not a label: name it.
            self.fields["photo"].widget.attrs["aria-label"] = "Photo file"

    def clean_user(self):
        user = self.cleaned_data["user"]
        if "user" in self.changed_data and not (
            self.actor and Correspondent.may_link_accounts(self.actor)
        ):
            raise ValidationError(LINK_NOT_PERMITTED, code="link_not_permitted")
        return user
