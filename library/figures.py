"""Library images inside a story's body: the stored figure and the page's.

The editor inserts `<figure data-image="ID">` around a preview and a caption.
Only the ID is believed: on save the whole figure is made again here from
the library record (or dropped when there is none), and on the page it is
drawn as a responsive picture with the record's current words.
"""

import re

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from library.models import Image

# Any figure the editor (or a paste, or an attacker) sends that names an image.
SENT = re.compile(
    r"<figure\b[^>]*?\bdata-image\s*=\s*[\"']?(\d{1,10})\b[^>]*>.*?</figure\s*>",
    re.IGNORECASE | re.DOTALL,
)
# The figure as stored: made by stored_figure() below, so exactly this shape.
STORED = re.compile(r'<figure data-image="(\d+)">.*?</figure>', re.DOTALL)
PAGE_SIZES = "(min-width: 48rem) 44rem, 100vw"


def stored_figure(match: re.Match) -> str:
    """The markup to keep for a figure sent by the editor: made from the
    library record it names, or nothing when there is no such image."""
    return figure_to_store(int(match[1]))


def figure_to_store(pk: int) -> str:
    image = Image.objects.filter(pk=pk).first()
    if image is None or not image.file:
        return ""
    return format_html(
        '<figure data-image="{}"><img src="{}" alt="{}" width="{}" height="{}">'
        "<figcaption>{}</figcaption></figure>",
        image.pk,
        image.preview_url(),
        image.alt,
        image.width,
        image.height,
        _caption_text(image),
    )


def render(body: str):
    """The body with each stored figure drawn as readers see it: a lazy
    <picture> with WebP and JPEG renditions, the caption and the credit."""
    ids = {int(found) for found in STORED.findall(body or "")}
    if not ids:
        return mark_safe(body or "")  # noqa: S308 - cleaned on save
    by_id = Image.objects.in_bulk(ids)

    def draw(match):
        image = by_id.get(int(match[1]))
        if image is None or not image.file:
            return ""
        return str(page_figure(image))

    return mark_safe(STORED.sub(draw, body))  # noqa: S308 - cleaned, then ours


def page_figure(image: Image):
    caption = ""
    if image.caption or image.credit:
        caption = format_html(
            "<figcaption>{}{}</figcaption>",
            image.caption,
            format_html(' <span class="credit">{}</span>', image.credit)
            if image.credit
            else "",
        )
    return format_html(
        '<figure class="story__figure">{}{}</figure>',
        image.picture(sizes=PAGE_SIZES),
        caption,
    )


def _caption_text(image: Image) -> str:
    return " ".join(part for part in (image.caption, image.credit) if part)
