"""Redirects from a WordPress site's old addresses to the new ones."""

from django.http import HttpResponsePermanentRedirect

from wordpress import views


class LegacyRedirectMiddleware:
    """Answers WordPress's query-string addresses (/?p=12) with redirects.

    Only on "/": there WordPress read them, and there the home page would
    otherwise ignore the query and answer 200 for any old link.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.method in ("GET", "HEAD"):
            location = views.legacy_query_location(request.GET)
            if location is not None:
                return HttpResponsePermanentRedirect(location)
        return self.get_response(request)
