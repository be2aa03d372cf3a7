"""Post an admin form back the way a browser would, from its rendered HTML."""

import re
from html.parser import HTMLParser


class _FormFields(HTMLParser):
    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.data.append((name, attrs.get("value") or default))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            name, text = self._textarea
            # The HTML parser keeps the newline browsers drop after <textarea>.
            self.data.append((name, text.removeprefix("\n")))
            self._textarea = None


def form_fields(html: str, form_id: str) -> list[tuple[str, str]]:
    parser = _FormFields(form_id)
    parser.feed(html)
    return parser.data


def change_form_data(client, url: str) -> dict:
    """The change form at `url`, as a browser would post it unchanged."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    html = page.content.decode()
    form_id = re.search(r'<form [^>]*id="(\w+_form)"', html).group(1)
    data = {}
    for name, value in form_fields(html, form_id):
        data.setdefault(name, [])
        data[name].append(value)
    return {k: v if len(v) > 1 else v[0] for k, v in data.items()}


def form_errors(response) -> dict:
    """The errors of a re-rendered admin form and its inlines, for messages."""
    context = response.context or {}
    errors = {}
    if "adminform" in context:
        errors.update(context["adminform"].form.errors)
    for inline in context.get("inline_admin_formsets", []):
        for number, form_errors_ in enumerate(inline.formset.errors):
            if form_errors_:
                errors[f"{inline.formset.prefix}-{number}"] = form_errors_
        if inline.formset.non_form_errors():
            errors[inline.formset.prefix] = inline.formset.non_form_errors()
    return errors
