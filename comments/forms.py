"""The public comment form, and the one-time start token it carries."""

import secrets
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.forms.utils import flatatt
from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from comments.models import Comment

TIMESTAMP_SALT = "comments.form-started"
MAX_FORM_AGE = 24 * 3600


def _signer(request) -> signing.TimestampSigner:
    # Bound to the reader's CSRF secret: a token only works from the browser
    # it was given to.
    secret = request.META.get("CSRF_COOKIE") or request.COOKIES.get(
        settings.CSRF_COOKIE_NAME, ""
    )
    return signing.TimestampSigner(salt=f"{TIMESTAMP_SALT}:{secret}")


def issue_start(request) -> str:
    """The form's `started` value for this reader, made as the page is
    served: when it was shown and a one-time key, signed. A comment stored
    with that key is the only one the token can ever make."""
    _ensure_csrf_secret(request)  # the reader's CSRF secret, before binding to it
    return _signer(request).sign(f"{time.time()}:{secrets.token_hex(12)}")


def _ensure_csrf_secret(request) -> None:
    """What get_token() does to the request, without the masked token it
    would make and this module would throw away: that costs 32 os.urandom()
    calls, on every page-cache hit of a story."""
    if "CSRF_COOKIE" in request.META:
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    else:
        get_token(request)


def read_start(token: str, request) -> tuple[float, str] | None:
    """(when the form was shown, its one-time key); None if the token is
    forged, another reader's, or older than a form may be."""
    try:
        value = _signer(request).unsign(token or "", max_age=MAX_FORM_AGE)
        shown, key = value.split(":")
        return float(shown), key
    except (signing.BadSignature, ValueError):
        return None


def still_usable(token: str, request) -> str:
    """`token`, or a new one if it can no longer be sent: a reader sent back
    to the form must be able to send it again, with the same key, so that a
    second try of a comment that did arrive is not stored twice."""
    return token if read_start(token, request) is not None else issue_start(request)


REQUIRED_MARK = mark_safe(' <span class="required" aria-hidden="true">*</span>')


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

    def clean_name(self):
        return self.cleaned_data["name"].replace("\x00", "").strip()

    def clean_body(self):
        return self.cleaned_data["body"].replace("\x00", "").strip()


@dataclass(frozen=True)
class Input:
    """One of CommentForm's fields as includes/comment_form.html writes it.

    The form is on every article page, so the page writes its inputs itself
    rather than through Django's widget templates, but from these, read once
    from the form class: its names, labels, types and limits are the form's.
    """

    name: str
    id: str
    label: str
    multiline: bool
    # Written once, escaped: the <label> (marking a required field) and the
    # input's attributes (name, id, type, limits) as the widget has them.
    label_tag: SafeString
    attrs: SafeString

    @classmethod
    def of(cls, name: str) -> "Input":
        field = CommentForm.base_fields[name]
        widget = field.widget
        multiline = isinstance(widget, forms.Textarea)
        attrs = {"name": name, "id": f"id_{name}"}
        if not multiline:
            attrs["type"] = widget.input_type
        attrs |= widget.attrs | field.widget_attrs(widget)
        if field.required:
            attrs |= {"required": True, "aria-required": "true"}
        label_tag = format_html(
            '<label for="{}">{}{}</label>',
            attrs["id"],
            field.label,
            REQUIRED_MARK if field.required else "",
        )
        label = str(field.label)
        return cls(name, attrs["id"], label, multiline, label_tag, flatatt(attrs))


# What the reader types, in the page's order; then the trap and the checkbox.
TYPED = tuple(Input.of(name) for name in CommentForm.Meta.fields)
HONEYPOT = Input.of("website")
REMEMBER = Input.of("remember")
