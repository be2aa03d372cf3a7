"""gunicorn settings for `make serve` and production."""

import gc
import multiprocessing
import os

# One sync worker per core by default; WEB_CONCURRENCY overrides. Workers
# keep nothing they must agree on in their own memory (the cache is Redis or,
# without CACHE_URL, files every process shares), so any number is safe.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "sync"
preload_app = True  # load Django once; workers share the code pages
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then (a slow leak cannot grow for ever), with jitter
# so not all at once. Rarely: a new worker's first requests are slow (cold
# template and URL caches, a new database connection), and at a thousand
# pages a second a limit of a few thousand meant a restart every few seconds.
max_requests = 50_000
max_requests_jitter = 5_000
# The app logs every request as JSON (newsroom/logs.py); gunicorn's own
# access log would write each one a second time.
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 27 opens a control socket at one fixed path by default, so two
# servers on one machine (make serve beside make bench, or the tests' own)
# would fight over it; give each master its own unless one is named.
control_socket = os.environ.get(
    "GUNICORN_CONTROL_SOCKET", f"/tmp/newsroom-gunicorn-{os.getpid()}.ctl"
)

# Garbage collection: the app is loaded once in the master (preload_app), so
# its ~80,000 long-lived objects would be scanned by every full collection in
# every worker (a pause readers feel as the slowest responses)
# and those scans would copy the shared memory pages. Frozen before the fork,
# they are skipped; collection stays off in the master until then.
gc.disable()


_warm = False


def pre_fork(server, worker):
    global _warm  # noqa: PLW0603 - once per master, however many forks
    if not _warm:
        from newsroom.warmup import warm_up

        warm_up()
        _warm = True
    gc.freeze()


def post_fork(server, worker):
    gc.enable()
