"""The stored body as readers get it: each embed becomes a still that loads on request.

A story stores an embed as ``<figure data-embed="address">`` (the sanitiser
keeps only addresses blocks/embeds.py recognises). On the page, that opening
tag becomes a still naming the service, a link to the original, and a button
that site.js turns into the player: nothing is fetched from the service before
the reader asks, and without scripts the link still works. Feeds, which run no
scripts, get the link alone.
"""

import html
import re
from html.parser import HTMLParser

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from blocks import embeds

# The sanitiser writes attributes back double-quoted and escaped, and lets a
# figure keep no other attribute beside data-embed, so this is its whole tag.
EMBED_OPENING = re.compile(r'<figure data-embed="([^"<>]*)">')


def for_readers(body: str) -> SafeString:
    """`body` (already sanitised) with its embeds as click-to-load stills."""
    return mark_safe(EMBED_OPENING.sub(_still, body or ""))


def for_feeds(body: str) -> SafeString:
    """`body` with each embed as a link to the original, for feed readers."""
    return mark_safe(EMBED_OPENING.sub(_link, body or ""))


def _still(match: re.Match) -> str:
    embed = embeds.recognise(html.unescape(match.group(1)))
    if embed is None:  # an address the sanitiser no longer admits
        return "<figure>"
    return format_html(
        '<figure class="embed embed--{shape}" data-embed-player="{player}" '
        'data-embed-provider="{provider}">'
        '<div class="embed__still">'
        '<p class="embed__provider">{provider}</p>'
        '<p class="embed__note">This content is hosted by {provider}. '
        "Loading it lets {provider} see that you are reading this page "
        "and may set cookies.</p>"
        '<p class="embed__actions">'
        '<button type="button" class="embed__load" hidden>'
        "Load content from {provider}</button> "
        '<a class="embed__link" href="{address}" rel="noopener">'
        "Open it on {provider}</a>"
        "</p></div>",
        shape=embed.service.shape,
        player=embed.player,
        provider=embed.provider,
        address=embed.address,
    )


def _link(match: re.Match) -> str:
    embed = embeds.recognise(html.unescape(match.group(1)))
    if embed is None:
        return "<figure>"
    return format_html(
        '<figure><p><a href="{}">Open the embedded content on {}</a></p>',
        embed.address,
        embed.provider,
    )


def unembeddable(body: str) -> list[str]:
    """The embed addresses in a submitted (not yet sanitised) body that no
    service here serves, so the writer is told instead of losing them."""
    finder = _EmbedAddresses()
    finder.feed(body or "")
    finder.close()
    return [a for a in finder.addresses if embeds.recognise(a) is None]


class _EmbedAddresses(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.addresses = []

    def handle_starttag(self, tag, attrs):
        if tag == "figure":
            self.addresses += [v or "" for k, v in attrs if k == "data-embed"]
