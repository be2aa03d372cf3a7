"""Rendered parts of a page, kept between full-page cache misses.

A page the full-page cache cannot serve (an editor signed in, a commenter
with a pending comment of their own, the first reader after a change) still
shares most of its markup with everyone else's copy: the story with its
bylines, bios and related stories, the approved comments, the masthead's
sections. Those parts are
kept here, each stored with the page cache's generation and used only while
that generation is current, so a part is never staler than a cached page.
A page's parts and the generation come back in one cache round trip.
"""

import logging

from django.conf import settings

from newsroom import cache as page_cache

logger = logging.getLogger(__name__)

FORMAT = "v2"  # bump when what a part holds changes shape


class Parts:
    """The cached parts of one page, fetched together.

    ``keys`` maps each part's name to its cache key. With ``enabled`` false
    (a preview) every part renders afresh.
    """

    def __init__(self, keys: dict[str, str], *, enabled: bool = True):
        self.enabled = enabled and settings.FRAGMENT_CACHE_SECONDS > 0
        self.keys = {name: f"fragment:{FORMAT}:{key}" for name, key in keys.items()}
        self.found: dict = {}
        self.generation = None
        if self.enabled:
            try:
                self.generation, self.found = page_cache.current_entries(
                    self.keys.values()
                )
            except Exception:  # noqa: BLE001 - no cache: every part renders
                logger.warning("fragment cache unavailable", exc_info=True)
                self.enabled = False

    def get(self, name: str, render):
        """The part called `name`, from the cache or from render()."""
        key = self.keys[name]
        if not self.enabled:
            return render()
        if key in self.found:
            return self.found[key]["value"]
        value = render()
        try:
            keep = page_cache.seconds_to_keep(settings.FRAGMENT_CACHE_SECONDS)
            page_cache.cache.set(
                key, {"generation": self.generation, "value": value}, keep
            )
        except Exception:  # noqa: BLE001 - the page is served all the same
            logger.warning("fragment cache store failed", exc_info=True)
        return value
