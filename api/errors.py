"""One error body for every API failure: {"error": {status, code, message}}.

Bad query parameters add "fields": {name: [messages]}. Throttled answers
carry Retry-After; a refused key, WWW-Authenticate.
"""

import logging

from django.conf import settings
from django.http import JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)

NOT_FOUND = "Nothing here: see /api/v1/docs/ for what the API offers."
SERVER_ERROR = "Something went wrong on our side; it has been logged."
BAD_PARAMETERS = "Some query parameters are not valid."


def body(status_code: int, code: str, message: str, fields=None) -> dict:
    error = {"status": status_code, "code": code, "message": str(message)}
    if fields:
        error["fields"] = fields
    return {"error": error}


def handle(exc, context):
    """DRF's exception handler, answering in the API's own error shape."""
    response = exception_handler(exc, context)
    if response is None:
        if settings.DEBUG:
            return None  # let the developer see the traceback
        logger.exception("API error", exc_info=exc)
        return Response(
            body(500, "server_error", SERVER_ERROR),
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )
    if isinstance(exc, exceptions.ValidationError):
        fields = {
            name: [str(message) for message in messages]
            for name, messages in (
                exc.detail.items() if isinstance(exc.detail, dict) else []
            )
        }
        response.data = body(400, "invalid", BAD_PARAMETERS, fields)
        return response
    code = getattr(exc, "default_code", "error")
    if isinstance(exc, exceptions.APIException):
        detail = exc.detail
        code = getattr(detail, "code", None) or code
    else:  # Http404, PermissionDenied from Django
        detail = response.data.get("detail", "")
        code = "not_found" if response.status_code == 404 else "permission_denied"
    response.data = body(response.status_code, code, detail)
    return response


def not_found(request, *args, **kwargs):
    """Any address under /api/ that names nothing."""
    return JsonResponse(
        body(404, "not_found", NOT_FOUND),
        status=404,
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )
