"""Markup for the readers' pages: responsive pictures, search highlights, JSON-LD."""

import json
from functools import lru_cache

from django.conf import settings
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from blocks import images

# Markers that cannot occur in prose: search puts them around the words found;
# highlight() escapes the snippet, then turns them into <mark>.
HIGHLIGHT_START, HIGHLIGHT_STOP = "\u0002", "\u0003"


def picture(image, width, height, alt, sizes="100vw", loading="lazy", css_class=""):
    """A responsive <picture>: WebP renditions, a JPEG fallback, size set."""
    if not image:
        return ""
    return _picture(image.name, width, height, alt, sizes, loading, css_class)


@lru_cache(maxsize=4096)
def _picture(name, width, height, alt, sizes, loading, css_class):
    # A pure function of its arguments (rendition names derive from the
    # image's), so each card's markup is built once per process.
    return picture_markup(
        images.renditions(name, width), width, height, alt, sizes, loading, css_class
    )


def cropped_picture(
    image, size, ratio, focal, alt, sizes="100vw", loading="lazy", css_class=""
):
    """A responsive <picture> of an image's focal-point crop at `ratio`."""
    if not image:
        return ""
    return _cropped_picture(
        image.name, tuple(size), ratio, tuple(focal), alt, sizes, loading, css_class
    )


@lru_cache(maxsize=4096)
def _cropped_picture(name, size, ratio, focal, alt, sizes, loading, css_class):
    by_type, (width, height) = images.crop_renditions(name, size, ratio, focal)
    return picture_markup(by_type, width, height, alt, sizes, loading, css_class)


def picture_markup(by_type, width, height, alt, sizes, loading, css_class):
    """The <picture> for srcset candidates by MIME type: WebP sources, JPEG img."""
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        (
            (mime, ", ".join(f"{r.url} {r.width}w" for r in items), sizes)
            for mime, items in by_type.items()
            if mime != "image/jpeg"
        ),
    )
    jpegs = by_type["image/jpeg"]
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" '
        'alt="{}" loading="{}" decoding="async" class="{}"></picture>',
        sources,
        jpegs[-1].url,
        ", ".join(f"{r.url} {r.width}w" for r in jpegs),
        sizes,
        width,
        height,
        alt,
        loading,
        css_class,
    )


def highlight(snippet):
    """Escape a search snippet, then turn its markers into <mark>."""
    text = escape(snippet or "")
    return mark_safe(  # noqa: S308 - escaped above; only our markers become tags
        text.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    )


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def json_ld(data):
    """Serialise for a <script type="application/ld+json"> block, safely."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    # "</script>" or "<!--" inside a value must not end or alter the block.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308
