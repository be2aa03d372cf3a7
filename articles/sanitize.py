"""Body HTML cleaning: an explicit allowlist, applied on every save.

Whatever the editor widget, a paste from a word processor or an importer
sends, only these tags and attributes survive; scripts, event handlers,
styles, classes and javascript:/data: URLs do not.
"""

import html as html_lib
import re
from urllib.parse import urlsplit

import bleach
from bleach.html5lib_shim import Filter
from bleach.linkifier import LinkifyFilter
from django.conf import settings

from blocks import embeds
from library import figures

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "h2",
        "h3",
        "h4",
        "strong",
        "b",
        "em",
        "i",
        "a",
        "ul",
        "ol",
        "li",
        "blockquote",
        "cite",
        "sub",
        "sup",
        # The structures the editor's toolbar inserts: an embed (a figure
        # naming a recognised address, see blocks/embeds.py) and a pull quote.
        "figure",
        "figcaption",
        "aside",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "rel"],
    "figure": ["data-embed"],
    "aside": ["data-pullquote"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
# Word and Google Docs wrap their junk in these; bleach would otherwise keep
# their text content (stylesheet rules, conditional comments) as prose.
DROPPED_WITH_CONTENT = ("style", "script", "xml", "title", "head", "meta", "o:p")


def _is_external(href: str) -> bool:
    host = urlsplit(href).netloc
    return bool(host) and host != urlsplit(settings.SITE_URL).netloc


def _link_rel(attrs, new=False):
    href = attrs.get((None, "href"), "")
    if _is_external(href):
        attrs[(None, "rel")] = "noopener"
    else:
        attrs.pop((None, "rel"), None)
    return attrs


class _StructureFilter(Filter):
    """Keeps an embed's address only if a service here serves it (rewritten
    to its canonical form), and a pull quote's marker only as a marker."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] == "StartTag" and token["name"] == "figure":
                _keep_known_embed(token["data"])
            elif token["type"] == "StartTag" and token["name"] == "aside":
                if (None, "data-pullquote") in token["data"]:
                    token["data"][(None, "data-pullquote")] = ""
            yield token


def _keep_known_embed(attributes: dict) -> None:
    address = attributes.pop((None, "data-embed"), None)
    embed = embeds.recognise(address) if address is not None else None
    if embed is not None:
        attributes[(None, "data-embed")] = embed.address


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[
        lambda source: LinkifyFilter(source, callbacks=[_link_rel], parse_email=False),
        _StructureFilter,
    ],
)


# Structures the editor inserts that a tag allowlist cannot express, because
# they are believed only for what they refer to: each pattern finds one in the
# raw input, and its function returns the markup to store, made afresh from
# the record it names (or "" to drop it). A new kind is one more line here.
BLOCKS = [(figures.SENT, figures.stored_figure)]
# Private-use characters hold each block's place through bleach.
SET_ASIDE = re.compile("\ue000(\\d+)\ue001")


def clean_body(html: str) -> str:
    """Return `html` reduced to the allowlist, with safe links."""
    html, kept = _set_aside_blocks(html or "")
    cleaned = _cleaner.clean(_drop_junk_elements(html)).strip()
    return SET_ASIDE.sub(lambda match: kept[int(match[1])], cleaned)


def _set_aside_blocks(html: str) -> tuple[str, list[str]]:
    html = html.replace("\ue000", "").replace("\ue001", "")
    kept = []

    def keep(make, match):
        kept.append(make(match))
        return f"\ue000{len(kept) - 1}\ue001"

    for pattern, make in BLOCKS:
        html = pattern.sub(lambda match, make=make: keep(make, match), html)
    return html, kept


def _drop_junk_elements(html: str) -> str:
    for tag in DROPPED_WITH_CONTENT:
        name = re.escape(tag)
        html = re.sub(
            rf"<{name}\b[^>]*>.*?</{name}\s*>",
            "",
            html,
            flags=re.IGNORECASE | re.DOTALL,
        )
    return html


def plain_text(html: str) -> str:
    """The words of an HTML fragment, tags dropped and entities decoded."""
    return html_lib.unescape(bleach.clean(html or "", tags=set(), strip=True))
