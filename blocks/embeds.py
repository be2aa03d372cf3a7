"""Embeds: which pasted addresses a story may embed, and the player each one loads.

A writer pastes an ordinary address (a YouTube watch page, a post on X, a
Datawrapper chart). Only the services named here are recognised; anything
else stays a plain link. The player address is rebuilt from the parts the
pattern captured, never taken from the pasted text, so nothing a writer pastes
reaches an iframe's src except those parts, and those are matched tightly.
"""

import math
import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit


@dataclass(frozen=True)
class Service:
    name: str
    hosts: frozenset[str]
    # Matched against the path (and, where named, the fragment or query).
    pattern: re.Pattern
    address: str  # the canonical address, formatted with the named parts
    player: str  # the iframe's address, formatted the same way
    origin: str  # what the Content-Security-Policy's frame-src allows
    shape: str = "wide"  # "wide" (16:9), "tall" (posts) or "square"


@dataclass(frozen=True)
class Embed:
    service: Service
    address: str  # the canonical address readers can open instead
    player: str  # what the iframe loads once the reader asks

    @property
    def provider(self) -> str:
        return self.service.name


_WWW = ("", "www.", "m.")

SERVICES = (
    Service(
        "YouTube",
        frozenset(f"{w}youtube.com" for w in _WWW) | {"youtu.be"},
        re.compile(
            r"^/(?:watch\?(?:[^#]*&)?v=(?P<watch>[A-Za-z0-9_-]{11})"
            r"|(?:shorts|embed|live)/(?P<path>[A-Za-z0-9_-]{11})"
            r"|(?P<short>[A-Za-z0-9_-]{11}))(?:[?&#].*)?$"
        ),
        "https://www.youtube.com/watch?v={id}",
        "https://www.youtube-nocookie.com/embed/{id}",
        "https://www.youtube-nocookie.com",
    ),
    Service(
        "Vimeo",
        frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"}),
        re.compile(r"^/(?:video/)?(?P<id>\d{1,12})/?(?:[?#].*)?$"),
        "https://vimeo.com/{id}",
        "https://player.vimeo.com/video/{id}?dnt=1",
        "https://player.vimeo.com",
    ),
    Service(
        "X",
        frozenset({"x.com", "www.x.com", "twitter.com", "www.twitter.com"}),
        re.compile(
            r"^/(?P<user>[A-Za-z0-9_]{1,15})/status/(?P<id>\d{1,20})/?(?:[?#].*)?$"
        ),
        "https://x.com/{user}/status/{id}",
        "https://platform.twitter.com/embed/Tweet.html?id={id}&dnt=true",
        "https://platform.twitter.com",
        shape="tall",
    ),
    Service(
        "Bluesky",
        frozenset({"bsky.app"}),
        re.compile(
            r"^/profile/(?P<actor>did:plc:[a-z2-7]{24}|[A-Za-z0-9.-]{3,253})"
            r"/post/(?P<id>[a-z2-7]{13})/?(?:[?#].*)?$"
        ),
        "https://bsky.app/profile/{actor}/post/{id}",
        "https://embed.bsky.app/embed/{actor}/app.bsky.feed.post/{id}",
        "https://embed.bsky.app",
        shape="tall",
    ),
    Service(
        "Instagram",
        frozenset({"instagram.com", "www.instagram.com"}),
        re.compile(r"^/(?P<kind>p|reel)/(?P<id>[A-Za-z0-9_-]{5,40})/?(?:[?#].*)?$"),
        "https://www.instagram.com/{kind}/{id}/",
        "https://www.instagram.com/{kind}/{id}/embed/",
        "https://www.instagram.com",
        shape="tall",
    ),
    Service(
        "Datawrapper",
        frozenset({"datawrapper.dwcdn.net", "www.datawrapper.de", "datawrapper.de"}),
        re.compile(
            r"^/(?:_/)?(?P<id>[A-Za-z0-9]{5})(?:/(?P<version>\d{1,4}))?/?(?:[?#].*)?$"
        ),
        "https://datawrapper.dwcdn.net/{id}/{version}/",
        "https://datawrapper.dwcdn.net/{id}/{version}/",
        "https://datawrapper.dwcdn.net",
        shape="square",
    ),
    Service(
        "OpenStreetMap",
        frozenset({"openstreetmap.org", "www.openstreetmap.org"}),
        # Its map position lives in the fragment: #map=zoom/lat/lon.
        re.compile(
            r"^/[^#]*#map=(?P<zoom>\d{1,2})/(?P<lat>-?\d{1,2}(?:\.\d+)?)"
            r"/(?P<lon>-?\d{1,3}(?:\.\d+)?)(?:&.*)?$"
        ),
        "https://www.openstreetmap.org/#map={zoom}/{lat}/{lon}",
        "https://www.openstreetmap.org/export/embed.html?{map}",
        "https://www.openstreetmap.org",
        shape="square",
    ),
)

FRAME_ORIGINS = tuple(dict.fromkeys(service.origin for service in SERVICES))
# What the editor's embed dialog checks a pasted address against.
HOSTS = {host: service.name for service in SERVICES for host in sorted(service.hosts)}
NAMES = tuple(dict.fromkeys(service.name for service in SERVICES))
MAX_ADDRESS = 500


def recognise(address: str) -> Embed | None:
    """The embed for a pasted `address`, or None if no service here serves it."""
    address = (address or "").strip()
    if len(address) > MAX_ADDRESS or any(c.isspace() for c in address):
        return None
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or parts.username or parts.port:
        return None
    host = (parts.hostname or "").lower()
    rest = parts.path + (f"?{parts.query}" if parts.query else "")
    rest += f"#{parts.fragment}" if parts.fragment else ""
    for service in SERVICES:
        if host not in service.hosts:
            continue
        match = service.pattern.match(rest)
        if match:
            found = _parts(service, {k: v for k, v in match.groupdict().items() if v})
            if found is None:
                return None
            return Embed(
                service, service.address.format(**found), service.player.format(**found)
            )
    return None


def _parts(service: Service, found: dict) -> dict | None:
    """The named parts both addresses are built from, or None if out of range."""
    if service.name == "YouTube":
        return {"id": found.get("watch") or found.get("path") or found["short"]}
    if service.name == "Datawrapper":
        return {"version": "1", **found}
    if service.name == "OpenStreetMap":
        return _map_parts(found)
    return found


def _map_parts(found: dict) -> dict | None:
    zoom, lat, lon = int(found["zoom"]), float(found["lat"]), float(found["lon"])
    if not (0 <= zoom <= 19 and -85 <= lat <= 85 and -180 <= lon <= 180):
        return None
    # Half the span a map of this zoom shows across a 16:9 frame.
    half_width = 360 / 2**zoom
    half_height = half_width * 9 / 16 * math.cos(math.radians(lat))
    box = (lon - half_width, lat - half_height, lon + half_width, lat + half_height)
    query = urlencode(
        {
            "bbox": ",".join(f"{value:.5f}" for value in box),
            "layer": "mapnik",
            "marker": f"{lat:.5f},{lon:.5f}",
        }
    )
    return {"zoom": zoom, "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "map": query}
