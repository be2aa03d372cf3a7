"""Body HTML cleaning: an explicit allowlist, applied on every save.

Whatever the editor widget, a paste from a word processor or an importer
sends, only these tags and attributes survive; scripts, event handlers,
styles, classes and javascript:/data: URLs do not.
"""

import html as html_lib
import re
from urllib.parse import urlsplit

import bleach
from bleach.linkifier import LinkifyFilter
from django.conf import settings

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
    }
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
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


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[
        lambda source: LinkifyFilter(source, callbacks=[_link_rel], parse_email=False)
    ],
)


def clean_body(html: str) -> str:
    """Return `html` reduced to the allowlist, with safe links."""
    return _cleaner.clean(_drop_junk_elements(html or "")).strip()


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
