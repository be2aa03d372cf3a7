"""Post an admin form back the way a browser would.

A test that builds POST data by hand from `form.initial` misses what the page
really sends: the inline formsets' management forms, split date and time
widgets (`publish_at_0`, `publish_at_1`), options a select marks as chosen,
the single leading newline a browser drops from a textarea. Here the change
page is fetched, its HTML form read with the standard library's parser, and
every field a browser would submit is sent back, with only the changes a
test asks for.
"""

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http import HTTPStatus

SAVE_AND_CONTINUE = "_continue"
# Inputs that a browser sends as "name=value" when they are not disabled.
BUTTON_TYPES = {"submit", "button", "image", "reset"}


@dataclass
class FormFields:
    """One <form> as a browser would submit it."""

    attrs: dict
    fields: list[tuple[str, str]] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)
    file_inputs: list[str] = field(default_factory=list)

    def button_names(self) -> set[str]:
        return {name for name, _value in self.buttons}

    def data(self, button=SAVE_AND_CONTINUE, **changes) -> dict:
        """The POST body: every field as rendered, `changes` applied, `button`
        pressed (a name, or (name, value) among buttons sharing a name; None
        for a button without a name). A change names a field; its value
        replaces every value the page had for it (a list for a multiple
        select); None removes it, as an unticked checkbox would be absent."""
        body: dict[str, list] = {}
        for name, value in self.fields:
            body.setdefault(name, []).append(value)
        for name, value in changes.items():
            if value is None:
                body.pop(name, None)
            else:
                body[name] = list(value) if isinstance(value, list | tuple) else [value]
        if button:
            name, value = button if isinstance(button, tuple) else (button, None)
            values = [v for n, v in self.buttons if n == name]
            assert values and (value is None or value in values), (
                f"the form has no {button!r} button; it has {self.buttons}"
            )
            body[name] = [values[0] if value is None else value]
        return body

    def value(self, name: str) -> str | None:
        """The first value the page gives `name`, as a browser would send it."""
        return next((v for n, v in self.fields if n == name), None)

    def values(self, name: str) -> list[str]:
        return [v for n, v in self.fields if n == name]


class _FormParser(HTMLParser):
    """Collects every <form> of a page with the values a browser submits."""

    # A browser reads a textarea's content as text, never as tags; the
    # parser hands it over raw, and character references are decoded below.
    CDATA_CONTENT_ELEMENTS = (*HTMLParser.CDATA_CONTENT_ELEMENTS, "textarea")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[FormFields] = []
        self._form: FormFields | None = None
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: (value if value is not None else "") for name, value in attrs}
        if tag == "form":
            self._form = FormFields(attrs=attrs)
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        if tag == "input":
            self._input(attrs)
        elif tag == "button":
            if attrs.get("type", "submit") == "submit" and "name" in attrs:
                self._form.buttons.append((attrs["name"], attrs.get("value", "")))
        elif tag == "select":
            self._select = {"attrs": attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._option = {"attrs": attrs, "text": ""}
        elif tag == "textarea":
            self._textarea = {"attrs": attrs, "text": ""}

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "option":
            self._close_option()

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        elif self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "option":
            self._close_option()
        elif tag == "select" and self._select is not None:
            self._close_option()
            self._close_select()
        elif tag == "textarea" and self._textarea is not None:
            attrs = self._textarea["attrs"]
            text = html.unescape(self._textarea["text"])
            # HTML drops one newline right after <textarea>; Django's widget
            # writes one there so that a value starting with a newline survives.
            if text.startswith("\r\n"):
                text = text[2:]
            elif text.startswith("\n"):
                text = text[1:]
            if "name" in attrs and "disabled" not in attrs:
                self._form.fields.append((attrs["name"], text))
            self._textarea = None

    def _input(self, attrs):
        name = attrs.get("name")
        kind = attrs.get("type", "text").lower()
        if kind in BUTTON_TYPES:
            if kind in ("submit", "image") and name:
                self._form.buttons.append((name, attrs.get("value", "")))
            return
        if not name or "disabled" in attrs:
            return
        if kind == "file":
            # Nothing chosen: the browser sends an empty part, which Django
            # reads as "no new file"; leaving it out is the same to a form.
            self._form.file_inputs.append(name)
            return
        if kind in ("checkbox", "radio"):
            if "checked" in attrs:
                self._form.fields.append((name, attrs.get("value", "on")))
            return
        self._form.fields.append((name, attrs.get("value", "")))

    def _close_option(self):
        if self._option is not None and self._select is not None:
            attrs = self._option["attrs"]
            value = attrs.get("value", self._option["text"].strip())
            self._select["options"].append(
                (value, "selected" in attrs, "disabled" in attrs)
            )
        self._option = None

    def _close_select(self):
        attrs = self._select["attrs"]
        options = self._select["options"]
        self._select = None
        name = attrs.get("name")
        if not name or "disabled" in attrs:
            return
        chosen = [value for value, selected, disabled in options if selected]
        if not chosen and "multiple" not in attrs and options:
            # A single select with nothing marked shows, and sends, its first
            # option that is not disabled.
            chosen = [value for value, _s, disabled in options if not disabled][:1]
        for value in chosen if "multiple" in attrs else chosen[-1:]:
            self._form.fields.append((name, value))


def parse_forms(page: str) -> list[FormFields]:
    parser = _FormParser()
    parser.feed(page)
    parser.close()
    return parser.forms


def find_form(page: str, **attrs) -> FormFields:
    """The one form on the page whose attributes match `attrs`
    (`find_form(page, action=url)`, `find_form(page, id="changelist-form")`)."""
    found = [
        form
        for form in parse_forms(page)
        if all(form.attrs.get(name) == value for name, value in attrs.items())
    ]
    assert len(found) == 1, f"expected one form with {attrs}, found {len(found)}"
    return found[0]


def change_form(page: str) -> FormFields:
    """The admin's own change form on a change page: the one with an id
    ending in `_form` (`article_form`), not the workflow panel's forms."""
    found = [f for f in parse_forms(page) if f.attrs.get("id", "").endswith("_form")]
    assert len(found) == 1, f"expected one admin change form, found {len(found)}"
    return found[0]


def open_form(client, url: str) -> FormFields:
    """GET the admin page at `url` and read its change form."""
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, (
        f"GET {url} answered {response.status_code}"
        + (f" → {response['Location']}" if response.has_header("Location") else "")
    )
    return change_form(response.content.decode())


def resave(client, url: str, button: str = SAVE_AND_CONTINUE, **changes):
    """Open the change form at `url` and post it back, as a browser would
    when the user presses `button` after making `changes` (none: unchanged)."""
    form = open_form(client, url)
    return client.post(url, form.data(button, **changes))


def form_errors(response) -> str:
    """Every error a re-rendered admin form shows, for an assertion message."""
    context = response.context
    if context is None or "adminform" not in context:
        return f"(no admin form in the answer; status {response.status_code})"
    lines = []
    form = context["adminform"].form
    for name, errors in form.errors.items():
        lines.append(f"{name}: {' '.join(errors)}")
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        for error in formset.non_form_errors():
            lines.append(f"{formset.prefix}: {error}")
        for index, errors in enumerate(formset.errors):
            for name, messages in errors.items():
                lines.append(f"{formset.prefix}-{index}-{name}: {' '.join(messages)}")
    return "; ".join(lines) or "(a form re-rendered without a field error)"


def saved_without_errors(response) -> tuple[bool, str]:
    """(True, "") when a save answered with the admin's redirect; otherwise
    False and what went wrong, readable in an assertion message."""
    if response.status_code == HTTPStatus.FOUND:
        return True, ""
    if response.status_code == HTTPStatus.OK:
        return False, f"the form came back with errors: {form_errors(response)}"
    return False, f"answered {response.status_code}"


def form_data(page, form_id: str) -> dict:
    """The form with id `form_id` on a page (a response, or its HTML) as a
    browser would post it unchanged, without pressing any named button."""
    html_text = page if isinstance(page, str) else page.content.decode()
    return find_form(html_text, id=form_id).data(button=None)
