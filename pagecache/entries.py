"""Cached entries (pages, parts, API answers), fetched with their tags' versions.

An entry is a dict with "deps", the versions of its tags when it was
rendered (pagecache/tags.py). lookup() fetches entries together with the
versions they need, in one cache round trip once this process has seen
them: it remembers which tags each key's entry had (a hint, never trusted
for correctness), and fetches any tag it did not guess in a second trip.
"""

from django.core.cache import cache

from pagecache import tags as page_tags

HINTS_KEPT = 20_000
_hints: dict[str, tuple] = {}


def lookup(keys) -> dict:
    """The current entries among `keys` (key -> entry). Raises whatever the
    cache raises when it is unreachable."""
    wanted = list(keys)
    for name in keys:
        wanted += _hints.get(name, ())
    found = cache.get_many(wanted)
    entries = {name: found[name] for name in keys if name in found}
    unseen = {
        page_tags.key(tag)
        for entry in entries.values()
        for tag in entry["deps"]
        if page_tags.key(tag) not in found
    }
    if unseen:
        found.update(cache.get_many(list(unseen)))
    current = {}
    for name, entry in entries.items():
        _remember(name, entry["deps"])
        if page_tags.is_current(entry["deps"], found):
            current[name] = entry
    return current


def store(name, entry: dict, collector, timeout, dress=None) -> dict | None:
    """Store `entry` under `name` with the versions of what `collector` saw
    (after `dress(entry)`, when given, adds what depends on them); None, and
    nothing stored, when a tag changed during the render."""
    deps = page_tags.stamp(collector)
    if deps is None:
        return None
    entry["deps"] = deps
    if dress is not None:
        dress(entry)
    cache.set(name, entry, timeout)
    _remember(name, deps)
    return entry


def _remember(name, deps) -> None:
    keys = tuple(map(page_tags.key, deps))
    if _hints.get(name) != keys:
        if len(_hints) >= HINTS_KEPT:
            _hints.clear()
        _hints[name] = keys
