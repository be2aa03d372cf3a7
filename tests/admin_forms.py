"""Post a form back as a browser would: every field the page renders (in
the admin, inline management forms included), with nothing left out."""

import re
from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._select = None  # name of the open <select>
        self._textarea = None  # [name, text] of the open <textarea>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
            elif kind not in ("file", "submit", "button", "image", "reset"):
                self.fields.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # The HTML parser keeps the newline browsers drop after <textarea>.
            self.fields.append((name, text.removeprefix("\n")))
            self._textarea = None


def form_data(page, form_id: str) -> dict:
    """The fields of the form `form_id` (e.g. "correspondent_form") on a
    page (a response, or its HTML), as the browser would post them
    unchanged: a dict whose values are lists, ready for the test client."""
    reader = _FormReader(form_id)
    reader.feed(page if isinstance(page, str) else page.content.decode())
    assert reader.fields, f"no form {form_id!r} on the page"
    data: dict[str, list[str]] = {}
    for name, value in reader.fields:
        data.setdefault(name, []).append(value)
    return data


def change_form_data(client, url: str) -> dict:
    """The admin change (or add) form at `url`, as a browser would post it
    unchanged."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    form_id = re.search(r'<form [^>]*id="(\w+_form)"', page.content.decode()).group(1)
    return form_data(page, form_id)


def form_errors(response) -> dict:
    """The errors of a re-rendered admin form and its inlines, for messages."""
    context = response.context or {}
    errors = {}
    if "adminform" in context:
        errors.update(context["adminform"].form.errors)
    for inline in context.get("inline_admin_formsets", []):
        for number, errors_of_form in enumerate(inline.formset.errors):
            if errors_of_form:
                errors[f"{inline.formset.prefix}-{number}"] = errors_of_form
        if inline.formset.non_form_errors():
            errors[inline.formset.prefix] = inline.formset.non_form_errors()
    return errors
