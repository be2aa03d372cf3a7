"""One JSON object per log line, with any `extra=` fields kept as keys; the
request log; and the filter that keeps secrets in addresses out of the logs."""

import json
import logging
import re
import time

STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
REDACTED = "[redacted]"
# A preview link's token is the key to an unpublished story; a query string
# may carry a key of some other kind.
SECRET_IN_PATH = re.compile(r"(/preview/)[^/?#\s\"']+")
SECRET_IN_QUERY = re.compile(
    r"([?&](?:token|key|secret|signature|password)=)[^&#\s\"']+", re.IGNORECASE
)


def redact(text: str) -> str:
    """`text` with the secrets an address may carry replaced."""
    text = SECRET_IN_PATH.sub(rf"\g<1>{REDACTED}", text)
    return SECRET_IN_QUERY.sub(rf"\g<1>{REDACTED}", text)


class RedactSecrets(logging.Filter):
    """Redact addresses in any record, whoever logs them (Django's "Not
    Found: /preview/…" warning, runserver's request lines, the request log)."""

    def filter(self, record):
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if isinstance(getattr(record, "path", None), str):
            record.path = redact(record.path)
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(
            {
                k: v
                for k, v in vars(record).items()
                if k not in STANDARD and k != "request"
            }
        )
        if record.exc_info:
            # Tracebacks go to the log, never to a reader.
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class RequestLogMiddleware:
    """Log each request: method, path, status and time taken."""

    logger = logging.getLogger("newsroom.request")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if not self.logger.isEnabledFor(logging.INFO):
            return response  # LOG_LEVEL=WARNING: not even the fields are made
        fields = {
            "method": request.method,
            "path": redact(request.path),
            "status": response.status_code,
            "ms": round((time.perf_counter() - started) * 1000, 1),
            "cache": response.get("X-Page-Cache", ""),
        }
        # The message itself says it all, for the plain development log,
        # which prints no extra fields; the JSON log keeps them as keys too.
        line = "%(method)s %(path)s %(status)s %(ms)sms"
        if fields["cache"]:
            line += " cache=%(cache)s"
        self.logger.info(line, fields, extra=fields)
        return response
