"""gunicorn settings for `make serve` and production."""

import multiprocessing
import os

# One sync worker per core by default; WEB_CONCURRENCY overrides.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "sync"
preload_app = True  # load Django once; workers share the code pages
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 5000  # recycle workers now and then, with jitter so not all at once
max_requests_jitter = 500
accesslog = "-"
access_log_format = (
    '{"ip":"%(h)s","method":"%(m)s","path":"%(U)s","status":%(s)s,'
    '"bytes":%(B)s,"ms":%(M)s}'
)
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 27 opens a control socket at one fixed path by default, so two
# servers on one machine (make serve beside make bench, or the tests' own)
# would fight over it; give each master its own unless one is named.
control_socket = os.environ.get(
    "GUNICORN_CONTROL_SOCKET", f"/tmp/newsroom-gunicorn-{os.getpid()}.ctl"
)
