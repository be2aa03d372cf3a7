"""`make bench`: how fast the production server serves the reader's pages.

For each data-set size it builds its own database (never db.sqlite3), starts
two gunicorn servers the way `make serve` does (page cache on, page cache
off), drives them with wrk from 127.0.0.1, counts SQL queries in-process,
and prints one table per size, a large-vs-demo comparison and the targets.
bench/README.md explains how to read the output.

    python bench/run.py [--sizes demo,large] [--rounds 3] [--duration 5]
                        [--connections 16] [--threads 2] [--quick]

Exit status: 0 when the benchmark ran (even if a target failed), 1 when it
could not run, 130 when interrupted.
"""

import argparse
import fcntl
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import urllib.parse
from datetime import datetime
from http.cookies import SimpleCookie
from pathlib import Path

from common import BENCH, DATA, PYTHON, ROOT, BenchError, Target
from loadgen import WrkRun, ensure_wrk, run_wrk
from report import SizeResult, fmt_rate, report, write_results
from servers import OtherWork, Server, http_get
from services import Services

STATIC_FLOOR = "bench/article.html"  # under STATIC_ROOT, served by whitenoise


# Targets ----------------------------------------------------------------------


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
        Target("floor", "bare-view floor", "/_bench/floor/", floor=True),
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
        # wrk is one client: a limit it never reaches, still counted per request.
        API_ANON_RATE="100000000/s",
        PYTHONUNBUFFERED="1",
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


# One size ---------------------------------------------------------------------


class Bench:
    """One harness run: each size built, served, measured in turn."""

    def __init__(self, options, services: Services, wrk: str):
        self.options, self.services, self.wrk = options, services, wrk
        self.secret_key = "bench-" + secrets.token_urlsafe(48)
        self.floor_file = DATA / "floor.html"
        self.floor_captured = False
        self.static_root: Path | None = None
        self.servers: list[Server] = []

    def say(self, message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    # Preparation

    def prepare_static(self, env: dict) -> None:
        """collectstatic once, as `make serve` does, and learn STATIC_ROOT."""
        self.say("collectstatic...")
        run_step(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            env,
            300,
            "collectstatic",
        )
        printed = run_step(
            [
                PYTHON,
                "-c",
                "import django; django.setup(); from django.conf import "
                "settings; print(settings.STATIC_ROOT)",
            ],
            env,
            60,
            "reading STATIC_ROOT",
        )
        self.static_root = Path(printed.strip().splitlines()[-1])

    def build(self, size: str, env: dict) -> dict:
        self.say(f"[{size}] building the data set in {self.services.describe()}...")
        self.services.reset(size)
        shutil.rmtree(DATA / "media", ignore_errors=True)
        output = run_step(
            [PYTHON, str(BENCH / "build_data.py"), size], env, 900, f"building {size}"
        )
        info = json.loads(output.strip().splitlines()[-1])
        self.say(
            f"[{size}] {info['articles']:,} articles, {info['comments']:,} comments "
            f"in {info['build_seconds']} s; article page {info['article']}"
        )
        return info

    def capture_floor(self, env: dict, article: str) -> None:
        """The floor's bytes: the article page as the uncached server sends it.

        Fetched once, from a throwaway server (settings read the file at start),
        and also put under STATIC_ROOT before any measured server starts, for
        whitenoise to find.
        """
        self.say("capturing the article page for the floors...")
        server = self.start_server("throwaway", {**env, "PAGE_CACHE_SECONDS": "0"})
        try:
            reply = http_get(server.port, article)
        finally:
            self.stop_servers()
        if reply.status != 200:
            raise BenchError(f"GET {article} answered {reply.status}")
        self.floor_file.write_bytes(reply.body)
        static_copy = self.static_root / STATIC_FLOOR
        static_copy.parent.mkdir(parents=True, exist_ok=True)
        static_copy.write_bytes(reply.body)

    def count_queries(self, env: dict, targets: list[Target]) -> dict:
        self.say("counting SQL queries per request...")
        payload = [
            {
                "key": t.key,
                "path": t.path,
                "method": t.method,
                "cached": t.server != "uncached",
                "memory": t.server == "memory",
                "floor": t.floor,
                "form_page": targets[0].path,
            }
            for t in targets
        ]
        output = run_step(
            [PYTHON, str(BENCH / "queries.py"), json.dumps(payload)],
            env,
            900,
            "counting queries",
        )
        return json.loads(output.strip().splitlines()[-1])

    def start_server(self, name: str, env: dict, size: str = "") -> Server:
        log = DATA / "logs" / f"{size or 'setup'}-{name}.log"
        server = Server(name, env, log)
        self.servers.append(server)
        server.start()
        server.wait_ready()
        return server

    def stop_servers(self) -> None:
        while self.servers:
            self.servers.pop().stop()

    def clean_up(self) -> None:
        """Stop any server still running; take the floor page out of STATIC_ROOT."""
        self.stop_servers()
        if self.static_root is not None:
            shutil.rmtree(self.static_root / "bench", ignore_errors=True)

    # Measuring

    def check_pages(self, servers: dict, targets: list[Target]) -> tuple[list, dict]:
        """Every page answers, the cached ones from the cache; their sizes in KB."""
        warnings, page_kb = [], {}
        for target in targets:
            if target.method != "GET":
                continue
            server = servers[target.server]
            # With per-process memory (CACHE_URL=locmemcache://) each worker
            # fills its own copy.
            for _attempt in range(2 * len(server.worker_rss_mb()) + 2):
                try:
                    reply = http_get(server.port, target.path)
                except OSError as error:
                    raise BenchError(f"GET {target.path} failed: {error}") from error
                if reply.status != 200:
                    raise BenchError(f"GET {target.path} answered {reply.status}")
                if reply.header("X-Page-Cache") == "hit":
                    break
            page_kb[target.key] = len(reply.body) / 1024
            cache_header = reply.header("X-Page-Cache") or "absent"
            cached = target.server != "uncached"
            if cached and not target.floor and cache_header != "hit":
                warnings.append(
                    f"{target.label}: no page-cache hit (X-Page-Cache: {cache_header})"
                )
            if target.server == "uncached" and cache_header != "absent":
                warnings.append(f"{target.label}: X-Page-Cache: {cache_header}")
        return warnings, page_kb

    def comment_tokens(self, port: int, article: str) -> list[str]:
        """Cookie, form token and `started` from one GET, URL-encoded for wrk."""
        reply = http_get(port, article)
        html = reply.body.decode()
        cookie = ""
        for name, value in reply.headers:
            if name.lower() == "set-cookie":
                jar = SimpleCookie()
                jar.load(value)
                if "csrftoken" in jar:
                    cookie = jar["csrftoken"].value
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        started = re.search(r'name="started" value="([^"]+)"', html) or re.search(
            r'value="([^"]+)"[^>]*name="started"', html
        )
        if not (cookie and token and started):
            raise BenchError(
                f"no CSRF cookie, CSRF token or `started` field from GET {article}"
            )
        values = [cookie, token.group(1), started.group(1)]
        return [urllib.parse.quote(value, safe="") for value in values]

    def measure(self, size: str) -> SizeResult:
        env = app_environment(self.services, size, self.secret_key)
        info = self.build(size, env)
        if self.static_root is None:
            self.prepare_static(env)
        if not self.floor_captured:  # once, from the first size measured
            self.capture_floor(env, info["article"])
            self.floor_captured = True
        targets = targets_for(info, self.services)
        env["BENCH_FLOOR_FILE"] = str(self.floor_file)
        queries = self.count_queries(env, targets)

        self.say(f"[{size}] starting the servers...")
        servers = {
            "cached": self.start_server("cached", env, size),
            "uncached": self.start_server(
                "uncached", {**env, "PAGE_CACHE_SECONDS": "0"}, size
            ),
        }
        if any(t.server == "memory" for t in targets):
            servers["memory"] = self.start_server(
                "memory", {**env, "CACHE_URL": "locmemcache://newsroom-bench"}, size
            )
        try:
            warnings, page_kb = self.check_pages(servers, targets)
            post = self.comment_tokens(servers["cached"].port, info["article"])
            self.say(f"[{size}] warming up ({self.options.warmup} s per page)...")
            for target in targets:
                url = servers[target.server].base_url + target.path
                extra = post if target.method == "POST" else None
                run_wrk(self.wrk, url, target, self.options, self.options.warmup, extra)
            memory_start = {n: s.worker_rss_mb() for n, s in servers.items()}
            peak = max(sum(memory_start.values(), []), default=0.0)
            runs: dict[str, list[WrkRun]] = {t.key: [] for t in targets}
            other_work = OtherWork()
            for round_number in range(1, self.options.rounds + 1):
                # Each round starts at a different page (see bench/README.md).
                start = (round_number - 1) * len(targets) // self.options.rounds
                for target in targets[start:] + targets[:start]:
                    url = servers[target.server].base_url + target.path
                    extra = post if target.method == "POST" else None
                    run = run_wrk(
                        self.wrk,
                        url,
                        target,
                        self.options,
                        self.options.duration,
                        extra,
                    )
                    runs[target.key].append(run)
                    peak = max([peak, *servers[target.server].worker_rss_mb()])
                    shown = (
                        f"{fmt_rate(run.rps)} pages/s"
                        if run.rps is not None
                        else run.problem
                    )
                    self.say(
                        f"[{size}] round {round_number}/{self.options.rounds} "
                        f"{target.label:<26} {shown}"
                        + (f", {run.errors} errors" if run.errors else "")
                    )
            memory_end = {n: s.worker_rss_mb() for n, s in servers.items()}
            other_share = other_work.share()
            peak = max([peak, *sum(memory_end.values(), [])])
        finally:
            self.stop_servers()
        for target in targets:
            problems = {r.problem for r in runs.get(target.key, []) if r.problem}
            warnings += [f"{target.label}: {p}" for p in sorted(problems)]
            statuses: dict[int, int] = {}
            for run in runs.get(target.key, []):
                for status, count in run.statuses.items():
                    statuses[status] = statuses.get(status, 0) + count
            if set(statuses) - {303}:
                shown = ", ".join(f"{n} × {s}" for s, n in sorted(statuses.items()))
                warnings.append(f"{target.label}: responses {shown}")
        if other_share > 0.1:
            warnings.append(
                f"other programs used {other_share:.0%} of the {os.cpu_count()} CPUs "
                "while the bench measured: the figures are noisy"
            )
        return SizeResult(
            size,
            info,
            targets,
            runs,
            queries,
            memory_start,
            memory_end,
            peak,
            warnings,
            page_kb,
        )


# Main ----------------------------------------------------------------------------


def parse_options(argv: list[str]):
    parser = argparse.ArgumentParser(
        prog="make bench BENCH_ARGS=...", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sizes", default="demo,large", help="demo, large or both")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5, help="seconds per run")
    parser.add_argument("--warmup", type=int, default=2, help="seconds per page, once")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke check: demo size, 1 round of 2 s runs",
    )
    parser.add_argument(
        "--allow-remote-services",
        action="store_true",
        help="let DATABASE_URL / CACHE_URL point at another machine",
    )
    options = parser.parse_args(argv)
    if options.quick:
        options.sizes, options.rounds, options.duration, options.warmup = (
            "demo",
            1,
            2,
            1,
        )
    sizes = [s.strip() for s in options.sizes.split(",") if s.strip()]
    unknown = set(sizes) - {"demo", "large"}
    if unknown or not sizes:
        parser.error(f"--sizes takes demo, large or demo,large (not {options.sizes!r})")
    if min(options.rounds, options.duration, options.connections, options.threads) < 1:
        parser.error("--rounds, --duration, --connections and --threads must be >= 1")
    if options.connections < options.threads:
        parser.error("wrk needs at least as many connections as threads")
    options.size_list = sorted(sizes, key=["demo", "large"].index)
    options.argv = argv
    return options


def load_dotenv() -> None:
    """Read .env like the settings do (real variables win), for DATABASE_URL etc."""
    dotenv = ROOT / ".env"
    if dotenv.exists():
        import environ

        environ.Env.read_env(dotenv)


def one_run_at_a_time():
    """Hold bench/.data/run.lock: two runs would drop each other's databases."""
    lock = (DATA / "run.lock").open("a+")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as error:
        lock.seek(0)
        holder = lock.read().strip() or "another process"
        raise BenchError(
            f"another make bench is running ({holder}); wait for it to finish"
        ) from error
    lock.seek(0)
    lock.truncate()
    lock.write(f"pid {os.getpid()}, since {datetime.now():%H:%M:%S}")
    lock.flush()
    return lock  # held until the file is closed: use it in a with statement


def interrupted(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    options = parse_options(argv)
    # SIGTERM (a CI timeout, say) unwinds like Ctrl-C, so the servers stop.
    signal.signal(signal.SIGTERM, interrupted)
    try:
        wrk = ensure_wrk()
        load_dotenv()
        services = Services.from_environment(options.allow_remote_services)
        DATA.mkdir(parents=True, exist_ok=True)
        with one_run_at_a_time():
            bench = Bench(options, services, wrk)
            try:
                results = {size: bench.measure(size) for size in options.size_list}
                markdown = report(results, options, services)
                written = write_results(markdown, options, services)
            finally:
                bench.clean_up()
        for path in written:
            print(f"\nwritten: {path.relative_to(ROOT)}")
        return 0
    except BenchError as error:
        print(f"\nbench: could not run: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nbench: interrupted; servers stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
