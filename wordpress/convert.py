"""WordPress's values as the newsroom stores them: times, HTML, plain text, slugs.

Pure functions, apart from unique_value() and shadows_a_url(), which look at
what already exists.
"""

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import Resolver404, resolve
from django.utils.text import Truncator, slugify

from articles import sanitize

BLOCK_TAGS = re.compile(
    r"<(?:p|div|h[1-6]|ul|ol|li|dl|blockquote|pre|table|figure|hr|section)\b", re.I
)
# The core shortcodes that wrap or stand for media; their text (a caption) stays.
SHORTCODES = re.compile(r"\[/?(?:caption|gallery|embed|audio|video|playlist)\b[^\]]*\]")


def utc_datetime(gmt: datetime | None, local: datetime | None) -> datetime | None:
    """WordPress's UTC time, or failing that its local time in the site's zone."""
    if gmt is not None:
        return gmt.replace(tzinfo=UTC)
    if local is not None:
        return local.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
    return None


def body_html(content: str) -> str:
    """The body as HTML: media shortcodes dropped, plain text in paragraphs.

    WordPress stores classic-editor posts without <p> and adds them when it
    shows them (wpautop); content with block tags is left as it is.
    """
    content = SHORTCODES.sub("", content.replace("\r\n", "\n"))
    if BLOCK_TAGS.search(content):
        return content
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", content)]
    # A single newline inside a paragraph is a line break, as in wpautop.
    return "".join(
        f"<p>{'<br>'.join(part.splitlines())}</p>" for part in paragraphs if part
    )


def plain_text(html: str) -> str:
    """Readable plain text of an HTML fragment; blank lines between paragraphs."""
    html = re.sub(r"<br\s*/?>", "\n", html, flags=re.I)
    html = re.sub(r"</p\s*>", "\n\n", html, flags=re.I)
    # clean_body first: it drops scripts and styles with their content.
    text = sanitize.plain_text(sanitize.clean_body(html))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def plain_line(html: str, model, name: str) -> str:
    """One line of plain text, cut to fit the field `name` of `model`."""
    return truncate(" ".join(plain_text(html).split()), model, name)


def truncate(text: str, model, name: str) -> str:
    return Truncator(text).chars(model._meta.get_field(name).max_length)


def nicename(login: str) -> str:
    # WordPress makes an author's URL slug from the login like this
    # (sanitize_title): lower case, dots and spaces to hyphens.
    return slugify(login.replace(".", "-"))


def unique_value(model, name, value, *, pk=None, suffix="-{n}", is_taken=None) -> str:
    """`value`, numbered if another record of `model` already has it."""
    max_length = model._meta.get_field(name).max_length
    others = model._default_manager.all()
    if pk is not None:
        others = others.exclude(pk=pk)
    candidate, number = value[:max_length], 1
    while others.filter(**{name: candidate}).exists() or (
        is_taken is not None and is_taken(candidate)
    ):
        number += 1
        tail = suffix.format(n=number)
        candidate = value[: max_length - len(tail)].rstrip("- ") + tail
    return candidate


def shadows_a_url(slug: str) -> bool:
    """True if /slug/ belongs to another view, so a page there is unreachable."""
    try:
        return resolve(f"/{slug}/").url_name != "page"
    except Resolver404:
        return True


def is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def to_int(text: str | None) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None
