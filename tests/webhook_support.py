"""Helpers for the webhook tests: a receiver on loopback and a task runner."""

import hashlib
import hmac
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.utils import timezone
from django_tasks_db.models import DBTaskResult


def verify(secret: str, headers: dict, body: bytes, *, now: int, tolerance=300):
    """What a receiver does (the README's example): the signature over
    "<timestamp>.<body>" must match, and the timestamp be recent."""
    timestamp = headers["Webhook-Timestamp"]
    expected = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256
    ).hexdigest()
    given = headers["Webhook-Signature"].removeprefix("v1=")
    return hmac.compare_digest(expected, given) and abs(now - int(timestamp)) <= (
        tolerance
    )


class Receiver:
    """An HTTP server on 127.0.0.1 that records each POST and answers with
    the next status in `statuses` (the last one repeats)."""

    def __init__(self, statuses=(200,), port=0):
        self.statuses = list(statuses)
        self.requests = []
        self.arrived = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                receiver.requests.append((dict(self.headers), body))
                status = (
                    receiver.statuses.pop(0)
                    if len(receiver.statuses) > 1
                    else receiver.statuses[0]
                )
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(f"answered {status}".encode())
                receiver.arrived.set()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hooks/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def run_tasks(*, fast_forward=False, only=None, limit=200) -> int:
    """Run the queued tasks that are due, as `db_worker` would, until none is
    left (or `only` ran); with `fast_forward`, those waiting for a later time
    too (as if that time had come). Returns how many ran."""
    ran = 0
    while ran < limit:
        if only is not None and ran == only:
            return ran
        due = DBTaskResult.objects.filter(status="READY")
        if not fast_forward:
            due = due.ready()
        job = due.order_by("-priority", "run_after", "enqueued_at").first()
        if job is None:
            return ran
        job.claim("test-worker")
        result = job.task_result
        try:
            value = job.task.call(*result.args, **result.kwargs)
        except Exception as error:
            job.set_failed(error)
            raise
        job.set_successful(value)
        ran += 1
    raise AssertionError(f"more than {limit} tasks: a task queues itself forever?")


def waiting_tasks():
    """The queued tasks not yet due, as (task name, args, seconds from now)."""
    now = timezone.now()
    return [
        (job.task_name, job.task_result.args, (job.run_after - now).total_seconds())
        for job in DBTaskResult.objects.filter(status="READY")
        .exclude(pk__in=DBTaskResult.objects.ready().values("pk"))
        .order_by("run_after")
    ]
