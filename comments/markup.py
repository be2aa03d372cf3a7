"""A comment's plain text as HTML: escaped, paragraphs kept, links made.

Comments are rendered once, when saved, and the HTML is stored beside the
text (`Comment.body_html`), stamped with FORMAT. Change what render_body()
makes and bump FORMAT: rows stamped with an older format are rendered afresh
on every read until `manage.py render_comments` stores them again, so no
page ever shows HTML made by old rules.
"""

from functools import lru_cache

from bleach.linkifier import Linker
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FORMAT = 1  # bump whenever render_body()'s output changes


def _nofollow(attrs, new=False):
    attrs[(None, "rel")] = "nofollow ugc noopener"
    return attrs


# One linker for the process: building bleach's HTML parser is the costly part.
_linker = Linker(callbacks=[_nofollow], parse_email=False)


@lru_cache(maxsize=1024)
def render_body(text: str) -> SafeString:
    """Plain text to HTML: escaped, paragraphs and line breaks kept, URLs linked."""
    paragraphs = [
        p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()
    ]
    html = "".join(
        "<p>{}</p>".format(_linker.linkify(escape(p)).replace("\n", "<br>"))
        for p in paragraphs
    )
    return mark_safe(html)  # noqa: S308 - built from escaped text above
