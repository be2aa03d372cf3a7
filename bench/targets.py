"""What the benchmark measures, the environment of every process it starts, its data."""

import json
import os
import shutil
import subprocess
import sys

from common import BENCH, DATA, PYTHON, ROOT, BenchError, Target
from saved_data import SavedData
from services import Services

STATIC_FLOOR = "bench/article.html"  # under STATIC_ROOT, served by whitenoise

# The servers the targets name (bench/harness.py starts them): what each one
# changes in the environment every process gets.
SERVER_ENVIRONMENTS = {
    "cached": {},
    "uncached": {"PAGE_CACHE_SECONDS": "0"},
    "cold": {"PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"},
    "memory": {"CACHE_URL": "locmemcache://newsroom-bench"},
    "bare": {"DJANGO_SETTINGS_MODULE": "bench.bare.settings"},
}


def targets_for(pages: dict, services: Services) -> list[Target]:
    """What wrk measures, in the order of every round; `pages` from build_data.

    On the default file store the cached article is also served by a third
    server keeping its cache in per-process memory, the default before it,
    so that the file store's cost shows within the same rounds.
    """
    article = pages["article"]
    memory = []
    if services.uses_file_store:
        memory = [
            Target(
                "article_cached_memory",
                "article (cached, memory)",
                article,
                server="memory",
            )
        ]
    return [
        Target("article_cold", "article (cold: every cache off)", article, "cold"),
        Target("article_uncached", "article (uncached)", article, server="uncached"),
        Target("article_cached", "article (cached)", article),
        *memory,
        Target("home", "home (cached)", "/"),
        Target("section", "section (cached)", pages["section"]),
        Target("search", "search (cached)", pages["search"]),
        Target("feed", "RSS feed (cached)", "/feed/"),
        Target("api_stories", "API story list (cached)", "/api/v1/stories/"),
        Target("comment_post", "comment POST", f"{article}comments/", method="POST"),
        Target(
            "static_floor",
            "static floor (whitenoise)",
            f"/static/{STATIC_FLOOR}",
            floor=True,
        ),
        Target("stack_floor", "our stack's floor", "/_bench/floor/", floor=True),
        Target("floor", "bare Django floor", "/", server="bare", floor=True),
    ]


def app_environment(services: Services, size: str, secret_key: str) -> dict:
    """What every process of one size gets: the servers, builder and counter."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DEBUG="0",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=services.bench_database_url(size),
        DATABASE_REPLICA_URLS="",  # never read from the developer's replicas
        CACHE_URL=services.bench_cache_url(size),
        MEDIA_ROOT=str(DATA / "media"),
        EMAIL_URL="dummymail://",  # moderators get no mail from the bench
        CDN_PURGE_URL="",
        PAGE_CACHE_SECONDS="300",
        COMMENT_RATE_LIMIT="0",
        COMMENT_MIN_SECONDS="0",
        # The news day's searches miss the cache after a purge; wrk is one
        # address, which the readers' search limit would soon refuse.
        SEARCH_RATE_LIMIT="0",
        # wrk is one client: a limit it never reaches, still counted per request.
        API_ANON_RATE="100000000/s",
        PYTHONUNBUFFERED="1",
        BENCH_BARE_DATABASE=str(DATA / "bare-unused.sqlite3"),
    )
    return env


def run_step(args: list[str], env: dict, timeout: float, what: str) -> str:
    """Run a helper to completion; its stderr goes straight to ours."""
    env = {**env, "LOG_LEVEL": "WARNING"}  # the app logs every request at INFO
    try:
        done = subprocess.run(
            args, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"{what} took more than {timeout:.0f} s") from error
    if done.returncode != 0:
        raise BenchError(f"{what} failed (exit status {done.returncode})")
    return done.stdout


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_data_set(
    services: Services, size: str, env: dict, reuse: bool = True
) -> dict:
    """A fresh bench database (and empty cache) for `size`; what build_data says.

    The copy kept from an earlier build of the same code is restored instead
    when there is one (bench/saved_data.py), unless `reuse` is false.
    """
    saved = SavedData(services, size)
    if reuse and (info := saved.restore()):
        say(
            f"[{size}] restored the data set built earlier by the same code "
            f"({info['articles']:,} articles, {info['comments']:,} comments) "
            f"in {services.describe()}; --rebuild-data builds it afresh"
        )
        return info
    say(f"[{size}] building the data set in {services.describe()}...")
    services.reset(size)
    shutil.rmtree(DATA / "media", ignore_errors=True)
    output = run_step(
        [PYTHON, str(BENCH / "build_data.py"), size], env, 900, f"building {size}"
    )
    info = json.loads(output.strip().splitlines()[-1])
    say(
        f"[{size}] {info['articles']:,} articles, {info['comments']:,} comments "
        f"in {info['build_seconds']} s; article page {info['article']}"
    )
    saved.keep(info)
    return info
