"""Who is asking: the client's address, seen through the proxies we trust.

Behind a TLS proxy or load balancer every request comes from the proxy's
address, so rate limits and lockouts would treat all readers as one. The
proxies in front are named in TRUSTED_PROXIES: a count ("1": one proxy
appends the client to X-Forwarded-For) or their addresses and networks
("10.0.0.0/8,192.168.1.5"). Anything a client writes into the header itself
sits to the left of what the trusted proxies added, so it is never believed.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXIES
    if not trusted:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    chain = [*forwarded, remote]  # nearest hop last
    if isinstance(trusted, int):
        return chain[-(trusted + 1)] if len(chain) > trusted else chain[0]
    while len(chain) > 1 and _is_trusted(chain[-1], trusted):
        chain.pop()
    return chain[-1]


def _is_trusted(address: str, networks) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def parse_trusted_proxies(value: str):
    """'' -> 0 (no proxy); '2' -> 2 hops; '10.0.0.0/8,::1' -> networks."""
    value = (value or "").strip()
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    return tuple(
        ipaddress.ip_network(part.strip(), strict=False)
        for part in value.split(",")
        if part.strip()
    )
