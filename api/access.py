"""Who may call the API how often: partner keys and per-client rate limits.

Anyone may read without a key, rate-limited per client address (seen
through the trusted proxies, blocks/clients.py). A partner key, sent as
`Authorization: Bearer nrk_…`, carries its own limit. The counters live in
the shared cache (blocks/ratelimit.py), so every process agrees.
"""

import time

from django.conf import settings
from rest_framework import authentication, exceptions, throttling

from api.models import PartnerKey
from blocks import ratelimit
from blocks.clients import client_ip

BAD_KEY = "This API key is not valid or has been revoked."
BAD_HEADER = "Send the key as “Authorization: Bearer <key>”."


class PartnerKeyAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer <key>`; no header means anonymous."""

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return None
        scheme, _, raw = header.partition(" ")
        if scheme.lower() != "bearer" or not raw.strip():
            raise exceptions.AuthenticationFailed(BAD_HEADER)
        key = PartnerKey.find(raw.strip())
        if key is None:
            raise exceptions.AuthenticationFailed(BAD_KEY)
        return (None, key)

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class ClientThrottle(throttling.BaseThrottle):
    """A fixed window per partner key, or per address for anonymous clients."""

    def allow_request(self, request, view):
        key = request.auth
        if isinstance(key, PartnerKey):
            self.rate, bucket = key.rate, f"api:key:{key.pk}"
        else:
            self.rate, bucket = settings.API_ANON_RATE, f"api:ip:{client_ip(request)}"
        return ratelimit.is_allowed(bucket, self.rate)

    def wait(self):
        limit = ratelimit.parse(self.rate)
        if limit is None:
            return None
        period = limit[1]
        return period - time.time() % period
