from django.conf import settings


class AdminPolicyMiddleware:
    """Give admin pages their own Content Security Policy (settings.ADMIN_CSP)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response._csp_config = settings.ADMIN_CSP
        return response
