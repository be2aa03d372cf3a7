"""Settings for `make bench`'s servers: the product's own, plus the floor page."""

import os
from pathlib import Path

from newsroom.settings import *  # noqa: F403 - the product, unchanged

ROOT_URLCONF = "bench.urls"
# A file whose bytes /_bench/floor/ returns: the benchmark's floor.
_floor_file = os.environ.get("BENCH_FLOOR_FILE", "")
BENCH_FLOOR_BYTES = Path(_floor_file).read_bytes() if _floor_file else b""
# The floor measures the middleware stack, not the page cache.
PAGE_CACHE_SKIPS = ("/_bench/",)
