"""What each cache store that needs no server costs a page-cache hit and a store.

    .venv/bin/python bench/stores.py

The stores a single machine could share between workers without Redis
(newsroom's file store, Django's own file store, Django's database cache on
SQLite) and per-process memory for reference, each given the same page entry
as pagecache/middleware.py stores (the demo article's page when `make bench` has
captured it, else a page-sized stand-in). A hit is one get_many() of the
generation and the page, a store one set() of the page; each figure is the
median of many operations timed one by one, in µs. Everything lives in a
temporary folder, removed at the end.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR_PAGE = ROOT / "bench" / ".data" / "floor.html"
HITS, STORES = 2000, 200


def median_us(operation, times: int) -> float:
    timings = []
    for _ in range(times):
        started = time.perf_counter()
        operation()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1e6


def main() -> None:
    folder = tempfile.TemporaryDirectory()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{folder.name}/stores.sqlite3",
        CACHE_URL="locmemcache://",
        LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache.backends.db import DatabaseCache
    from django.core.cache.backends.filebased import FileBasedCache
    from django.core.cache.backends.locmem import LocMemCache
    from django.core.management import call_command

    from newsroom.file_cache import FileCache

    settings.CACHES["table"] = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "bench_cache",
    }
    call_command("migrate", verbosity=0)
    call_command("createcachetable", "bench_cache", verbosity=0)

    body = FLOOR_PAGE.read_bytes() if FLOOR_PAGE.exists() else b"<p>words</p>" * 3000
    entry = {
        "generation": "1",
        "body": body,
        "headers": [("Content-Type", "text/html; charset=utf-8")] * 10,
        "etag": '"' + "0" * 32 + '"',
        "last_modified": "Mon, 30 Nov 2026 00:00:00 GMT",
        "csrf": True,
        "cache_control": "public, max-age=0, must-revalidate",
    }
    options = {"OPTIONS": {"MAX_ENTRIES": 5000}}
    stores = {
        "newsroom file store (the default)": FileCache(
            f"{folder.name}/newsroom", options
        ),
        "Django file store": FileBasedCache(f"{folder.name}/django", options),
        "Django database cache, SQLite": DatabaseCache("bench_cache", options),
        "per-process memory (not shared)": LocMemCache("bench", options),
    }
    print(f"page entry: {len(body) / 1024:.0f} KB of HTML; median µs per operation\n")
    print(f"{'store':<36} {'hit':>6} {'store':>6}")
    for name, store in stores.items():
        store.set("page:generation", "1", None)
        store.set("page:article", entry, 300)
        hit = median_us(
            lambda store=store: store.get_many(["page:generation", "page:article"]),
            HITS,
        )
        stored = median_us(
            lambda store=store: store.set("page:article", entry, 300), STORES
        )
        print(f"{name:<36} {hit:>6.0f} {stored:>6.0f}")
    folder.cleanup()


if __name__ == "__main__":
    main()
