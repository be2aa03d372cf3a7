"""Settings for `make bench`'s servers: the product's own, plus the bench's pages."""

import os
from pathlib import Path

from newsroom.settings import *  # noqa: F403 - the product, unchanged

ROOT_URLCONF = "bench.urls"
# A file whose bytes /_bench/floor/ returns: our stack's floor.
_floor_file = os.environ.get("BENCH_FLOOR_FILE", "")
BENCH_FLOOR_BYTES = Path(_floor_file).read_bytes() if _floor_file else b""
# The floor measures the middleware stack, not the page cache.
PAGE_CACHE_SKIPS = ("/_bench/",)
# The news-day mix counts the SQL queries of every worker (bench/querycount.py).
BENCH_COUNT_QUERIES = os.environ.get("BENCH_COUNT_QUERIES", "") == "1"
if BENCH_COUNT_QUERIES:
    import bench.querycount  # noqa: F401 - connects its counter
