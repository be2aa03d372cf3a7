"""The Content Security Policy of admin pages and XML documents."""

from django.conf import settings

# A browser shows these with its own viewer; they carry no script of ours.
XML_TYPES = (
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
)


class AdminPolicyMiddleware:
    """Give admin pages (settings.ADMIN_CSP) and XML documents such as the
    sitemaps and feeds (settings.XML_CSP) their own Content Security Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response._csp_config = settings.ADMIN_CSP
        elif response.get("Content-Type", "").split(";")[0].strip() in XML_TYPES:
            response._csp_config = settings.XML_CSP
        return response
