"""Count the SQL queries each benchmarked request makes; run by bench/run.py.

    DJANGO_SETTINGS_MODULE=newsroom.settings DATABASE_URL=<bench db> \
        python bench/queries.py '<targets as JSON>'

In-process, through the whole middleware stack (django.test.Client), against
the bench database with the servers' settings. Uncached targets run with the
page cache off; the others with it on. Each count follows a warm-up request,
so a cached page is counted as the hit readers get. Pages are also timed
with the page cache off (what a miss costs) and with nothing cached (the
median of five requests each), and cached pages as a hit (the median of
HIT_REQUESTS: what the cache store adds to a request, without wrk's noise).
Prints JSON: target key ->
{"queries": n, "status": code, "render_ms": ms, "cold_ms": ms, "hit_us": us}.
"""

import json
import logging
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
HIT_REQUESTS = 200


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    logging.disable(logging.INFO)  # the app logs every request at INFO


def hidden_value(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)" name="{name}"', html
    )
    if not match:
        raise SystemExit(f"queries: no {name!r} field on the page")
    return match.group(1)


def count(target: dict, serial: int) -> dict:
    from django.conf import settings
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(enforce_csrf_checks=True, HTTP_HOST=HOST)
    page_cache = {} if target["cached"] else {"PAGE_CACHE_SECONDS": 0}
    if not target.get("fragments", True):  # the cold row: every cache off
        page_cache["FRAGMENT_CACHE_SECONDS"] = 0
    if target.get("memory"):  # the same page from per-process memory
        page_cache["CACHES"] = {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        }
    with override_settings(**page_cache):
        if target["method"] == "POST":
            page = client.get(target["form_page"]).content.decode()
            data = {
                "csrfmiddlewaretoken": hidden_value(page, "csrfmiddlewaretoken"),
                "started": hidden_value(page, "started"),
                "name": "Bench reader",
                "email": "bench@example.com",
                "parent": "",
                "website": "",
            }

            csrf_cookie = client.cookies[settings.CSRF_COOKIE_NAME].value

            def request(n):
                # Like wrk: the CSRF cookie only, never the session a POST starts.
                client.cookies.clear()
                client.cookies[settings.CSRF_COOKIE_NAME] = csrf_cookie
                body = f"Query count comment {os.getpid()}-{serial}-{n}."
                return client.post(target["path"], {**data, "body": body})
        else:

            def request(n):
                return client.get(target["path"])

        request(0)  # warm-up: fills the page cache, opens the connection
        with CaptureQueriesContext(connection) as queries:
            response = request(1)
        result = {
            "queries": len(queries.captured_queries),
            "status": response.status_code,
        }
        if target["cached"] and target["method"] == "GET" and not target["floor"]:
            timings = []
            for _ in range(HIT_REQUESTS):
                started = time.perf_counter()
                hit = client.get(target["path"])
                timings.append((time.perf_counter() - started) * 1e6)
            if hit.headers.get("X-Page-Cache") == "hit":
                result["hit_us"] = round(statistics.median(timings))
    if target.get("memory"):
        return result
    if target["method"] == "GET" and not target["floor"] and target["fragments"]:
        # What a page-cache miss costs: one request with the page cache off
        # (cached parts of the page, such as the story, still used), and one
        # with nothing cached at all, as for the first reader after a change.
        # The median of five requests, each timed alone.
        for key, fragments in (("render_ms", None), ("cold_ms", 0)):
            off = {"PAGE_CACHE_SECONDS": 0}
            if fragments is not None:
                off["FRAGMENT_CACHE_SECONDS"] = fragments
            timings = []
            with override_settings(**off):
                for _ in range(5):
                    started = time.perf_counter()
                    client.get(target["path"])
                    timings.append((time.perf_counter() - started) * 1000)
            result[key] = round(statistics.median(timings), 1)
    return result


def main() -> None:
    targets = json.loads(sys.argv[1])
    setup_django()
    results = {t["key"]: count(t, serial) for serial, t in enumerate(targets)}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
