"""Cached entries (pages, parts, API answers), checked against their tags' versions.

An entry is a dict with "deps", the versions of its tags when it was
rendered ({tag's cache key: version}, pagecache/tags.py), and "until",
when it stops being current on this process's clock (the store's own
expiry may run on another clock).

lookup() fetches the entries together with the clock, in one round trip.
Each process remembers the tag versions it has read while the clock showed
a given value: every purge moves the clock on after writing its versions,
so while the clock still shows that value they are exactly the current
ones, and a hit needs no more. After a purge, the first hit on each entry
reads its tags' versions in a second round trip.
"""

import time

from django.core.cache import cache

from pagecache import tags as page_tags

VERSIONS_KEPT = 50_000
# (the clock when these were read, {tag key: version}); never missing tags,
# which a render may create without moving the clock.
_seen: tuple = (None, {})


def lookup(keys) -> tuple[dict, int | None]:
    """The current entries among `keys` (key -> entry), and the clock read
    with them (a render that follows may start from it). Raises whatever the
    cache raises when it is unreachable."""
    global _seen
    found = cache.get_many([*keys, page_tags.CLOCK_KEY])
    clock = found.pop(page_tags.CLOCK_KEY, None)
    if not found:
        return {}, clock
    reuse = clock is not None and _seen[0] == clock
    seen = _seen if reuse and len(_seen[1]) < VERSIONS_KEPT else (clock, {})
    versions = seen[1]
    unseen = set()
    for entry in found.values():
        unseen |= entry["deps"].keys() - versions.keys()
    if unseen:
        versions.update(cache.get_many(list(unseen)))
    if clock is not None:
        _seen = seen
    now = time.time()
    current = {
        name: entry
        for name, entry in found.items()
        if entry["until"] > now and page_tags.is_current(entry["deps"], versions)
    }
    return current, clock


def store(name, entry: dict, collector, timeout, dress=None) -> dict | None:
    """Store `entry` under `name` with the versions of what `collector` saw
    (after `dress(entry)`, when given, adds what depends on them); None, and
    nothing stored, when a tag changed during the render."""
    deps = page_tags.stamp(collector)
    if deps is None:
        return None
    entry["deps"] = deps
    entry["until"] = time.time() + timeout
    if dress is not None:
        dress(entry)
    cache.set(name, entry, timeout)
    return entry
