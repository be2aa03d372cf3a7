import json
from functools import lru_cache

from django import template
from django.conf import settings
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from articles.search import HIGHLIGHT_START, HIGHLIGHT_STOP
from newsroom import images

register = template.Library()


@register.simple_tag
def picture(image, width, height, alt, sizes="100vw", loading="lazy", css_class=""):
    """A responsive <picture>: WebP renditions, a JPEG fallback, size set."""
    if not image:
        return ""
    return _picture(image.name, width, height, alt, sizes, loading, css_class)


@lru_cache(maxsize=4096)
def _picture(name, width, height, alt, sizes, loading, css_class):
    # A pure function of its arguments (rendition names derive from the
    # image's), so each card's markup is built once per process.
    by_type = images.renditions(name, width)
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


@register.filter
def highlight(snippet):
    """Escape a search snippet, then turn its markers into <mark>."""
    text = escape(snippet or "")
    return mark_safe(  # noqa: S308 - escaped above; only our markers become tags
        text.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    )


@register.simple_tag
def absolute(path):
    return f"{settings.SITE_URL}{path}"


@register.filter
def json_ld(data):
    """Serialise for a <script type="application/ld+json"> block, safely."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    # "</script>" or "<!--" inside a value must not end or alter the block.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308


@register.tag
def cached_fragment(parser, token):
    """{% cached_fragment "name" part part… [unless flag] %}…{% endcached_fragment %}

    Keeps the rendered block in the cache under the page cache's current
    generation, so it is as fresh as a cached page: any visible change
    starts a new generation, and the entry expires when the next scheduled
    story goes live. With `unless` true (a preview, say) it always renders.
    """
    bits = token.split_contents()[1:]
    unless = None
    if len(bits) >= 2 and bits[-2] == "unless":
        unless, bits = parser.compile_filter(bits[-1]), bits[:-2]
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist, [parser.compile_filter(bit) for bit in bits], unless
    )


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, parts, unless):
        self.nodelist, self.parts, self.unless = nodelist, parts, unless

    def render(self, context):
        skip = self.unless is not None and self.unless.resolve(context)
        if skip or not settings.FRAGMENT_CACHE_SECONDS:
            return self.nodelist.render(context)
        from newsroom import cache as page_cache

        parts = ":".join(str(part.resolve(context)) for part in self.parts)
        try:
            key = f"fragment:{page_cache.generation()}:{parts}"
            html = page_cache.cache.get(key)
        except Exception:  # noqa: BLE001 - no cache, no problem: render it
            return self.nodelist.render(context)
        if html is None:
            html = self.nodelist.render(context)
            try:
                keep = page_cache.seconds_to_keep(settings.FRAGMENT_CACHE_SECONDS)
                page_cache.cache.set(key, html, keep)
            except Exception:  # noqa: BLE001, S110
                pass
        return html
