import time

from django import forms
from django.core import signing

from comments.models import Comment

TIMESTAMP_SALT = "comments.form-started"
MAX_FORM_AGE = 24 * 3600


def signed_start() -> str:
    """The form's `started` value: when it was shown, signed."""
    return signing.TimestampSigner(salt=TIMESTAMP_SALT).sign(str(time.time()))


def started_at(token: str) -> float | None:
    """When the form carrying `token` was shown; None if the token is forged
    or older than a form may be."""
    signer = signing.TimestampSigner(salt=TIMESTAMP_SALT)
    try:
        return float(signer.unsign(token or "", max_age=MAX_FORM_AGE))
    except (signing.BadSignature, ValueError):
        return None


def still_usable(token: str) -> str:
    """`token`, or a new one if it can no longer be sent: a reader sent back
    to the form must be able to send it again."""
    return token if started_at(token) is not None else signed_start()


class CommentForm(forms.ModelForm):
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Signed when the form is rendered; spam.py reads how long filling it took.
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    # A honeypot: hidden from people by CSS, filled in by form-stuffing bots.
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    remember = forms.BooleanField(
        required=False, label="Save my name and e-mail in this browser for next time."
    )

    class Meta:
        model = Comment
        fields = ["name", "email", "body"]
        labels = {"name": "Name", "email": "E-mail", "body": "Comment"}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "body": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = signed_start()

    def clean_name(self):
        return self.cleaned_data["name"].replace("\x00", "").strip()

    def clean_body(self):
        return self.cleaned_data["body"].replace("\x00", "").strip()
