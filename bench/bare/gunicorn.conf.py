"""gunicorn for the bare project: the product's worker count and kind, nothing else.

The workers, their kind and the keep-alive match newsroom/gunicorn.conf.py,
so the floor and the product are served alike; the product's own tuning
(warm-up before fork, frozen garbage collection) is the product's, not here.
"""

import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "sync"
preload_app = True
keepalive = 5
accesslog = None
errorlog = "-"
