"""Rendered parts of a page, kept between full-page cache misses.

A page the full-page cache cannot serve (an editor signed in, a commenter
with a pending comment of their own, the first reader after a change) still
shares most of its markup with everyone else's copy: the story with its
bylines, bios and related stories, the approved comments, the masthead's
sections. Those parts are kept here, each with the tags of what it shows
(pagecache/tags.py), so a part goes out of date exactly when a page showing
the same thing does; a part taken from the cache adds its tags to the page's.
A page's parts come back in one cache round trip.
"""

import logging

from django.conf import settings

from pagecache import entries, expiry
from pagecache.tags import collecting, depends_on, tag_of

logger = logging.getLogger(__name__)

FORMAT = "v3"  # bump when what a part holds changes shape


class Parts:
    """The cached parts of one page, fetched together.

    ``keys`` maps each part's name to its cache key. With ``enabled`` false
    (a preview) every part renders afresh.
    """

    def __init__(self, keys: dict[str, str], *, enabled: bool = True):
        self.enabled = enabled and settings.FRAGMENT_CACHE_SECONDS > 0
        self.keys = {name: f"fragment:{FORMAT}:{key}" for name, key in keys.items()}
        self.found: dict = {}
        if self.enabled:
            try:
                self.found, _clock = entries.lookup(list(self.keys.values()))
            except Exception:  # noqa: BLE001 - no cache: every part renders
                logger.warning("fragment cache unavailable", exc_info=True)
                self.enabled = False

    def get(self, name: str, render):
        """The part called `name`, from the cache or from render()."""
        key = self.keys[name]
        if not self.enabled:
            return render()
        entry = self.found.get(key)
        if entry is not None:
            depends_on(*map(tag_of, entry["deps"]))
            return entry["value"]
        with collecting() as collector:
            value = render()
        try:
            keep = expiry.seconds_to_keep(settings.FRAGMENT_CACHE_SECONDS)
            entries.store(key, {"value": value}, collector, keep)
        except Exception:  # noqa: BLE001 - the page is served all the same
            logger.warning("fragment cache store failed", exc_info=True)
        return value
