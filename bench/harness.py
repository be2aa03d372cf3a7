"""One benchmark run: each size built, served and measured in turn (bench/run.py)."""

import json
import os
import re
import secrets
import shutil
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

import newsday
from common import BENCH, DATA, PYTHON, BenchError, Target
from loadgen import WrkRun, run_wrk
from report import SizeResult, fmt_rate
from servers import OtherWork, Server, http_get, start_server
from services import Services
from targets import (
    SERVER_ENVIRONMENTS,
    STATIC_FLOOR,
    app_environment,
    build_data_set,
    run_step,
    say,
    targets_for,
)


class Bench:
    """One harness run: each size built, served, measured in turn."""

    def __init__(self, options, services: Services, wrk: str):
        self.options, self.services, self.wrk = options, services, wrk
        self.secret_key = "bench-" + secrets.token_urlsafe(48)
        self.floor_file = DATA / "floor.html"
        self.floor_captured = False
        self.static_root: Path | None = None
        self.servers: list[Server] = []

    # Preparation

    def prepare_static(self, env: dict) -> None:
        """collectstatic once, as `make serve` does, and learn STATIC_ROOT."""
        say("collectstatic...")
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

    def capture_floor(self, env: dict, article: str) -> None:
        """The floors' bytes: the article page as the uncached server sends it.

        Fetched once, from a throwaway server (settings read the file at start),
        and also put under STATIC_ROOT before any measured server starts, for
        whitenoise to find.
        """
        say("capturing the article page for the floors...")
        env = {**env, **SERVER_ENVIRONMENTS["uncached"]}
        server = start_server(self.servers, "throwaway", env, "setup-throwaway")
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
        say("counting SQL queries per request...")
        payload = [
            {
                "key": t.key,
                "path": t.path,
                "method": t.method,
                "cached": t.server not in ("uncached", "cold"),
                "fragments": t.server != "cold",
                "memory": t.server == "memory",
                "floor": t.floor,
                "form_page": targets[0].path,
            }
            for t in targets
            if t.server != "bare"  # not our project: no queries to count
        ]
        output = run_step(
            [PYTHON, str(BENCH / "queries.py"), json.dumps(payload)],
            env,
            900,
            "counting queries",
        )
        return json.loads(output.strip().splitlines()[-1])

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
            cached = target.server not in ("uncached", "cold")
            if cached and not target.floor and cache_header != "hit":
                warnings.append(
                    f"{target.label}: no page-cache hit (X-Page-Cache: {cache_header})"
                )
            if not cached and cache_header != "absent":
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

    def measure(self, size: str, with_news_day: bool) -> SizeResult:
        env = app_environment(self.services, size, self.secret_key)
        info = build_data_set(
            self.services, size, env, reuse=not self.options.rebuild_data
        )
        if self.static_root is None:
            self.prepare_static(env)
        if not self.floor_captured:  # once, from the first size measured
            self.capture_floor(env, info["article"])
            self.floor_captured = True
        targets = targets_for(info, self.services)
        env["BENCH_FLOOR_FILE"] = str(self.floor_file)
        queries = self.count_queries(env, targets)

        say(f"[{size}] starting the servers...")
        servers = {}
        for name in dict.fromkeys(t.server for t in targets):
            server_env = {**env, **SERVER_ENVIRONMENTS[name]}
            servers[name] = start_server(
                self.servers, name, server_env, f"{size}-{name}"
            )
        try:
            warnings, page_kb = self.check_pages(servers, targets)
            post = self.comment_tokens(servers["cached"].port, info["article"])
            runs, memory = self.rounds(size, servers, targets, post)
        finally:
            self.stop_servers()
        warnings += run_warnings(targets, runs, memory["other_share"])
        result = SizeResult(
            size,
            info,
            targets,
            runs,
            queries,
            memory["start"],
            memory["end"],
            memory["peak"],
            warnings,
            page_kb,
        )
        if with_news_day:
            result.news_day = newsday.NewsDay(
                self.wrk, self.options, self.services, size, env, self.servers
            ).run(floor_rps=result.median_rps("floor"))
        return result

    def rounds(self, size, servers, targets, post) -> tuple[dict, dict]:
        """Warm up once, then every page per round; the runs and workers' memory."""
        options = self.options
        say(f"[{size}] warming up ({options.warmup} s per page)...")
        for target in targets:
            url = servers[target.server].base_url + target.path
            extra = post if target.method == "POST" else None
            run_wrk(self.wrk, url, target, options, options.warmup, extra)
        memory_start = {n: s.worker_rss_mb() for n, s in servers.items()}
        peak = max(sum(memory_start.values(), []), default=0.0)
        runs: dict[str, list[WrkRun]] = {t.key: [] for t in targets}
        other_work = OtherWork()
        for round_number in range(1, options.rounds + 1):
            # Each round starts at a different page (see bench/README.md).
            start = (round_number - 1) * len(targets) // options.rounds
            for target in targets[start:] + targets[:start]:
                url = servers[target.server].base_url + target.path
                extra = post if target.method == "POST" else None
                run = run_wrk(self.wrk, url, target, options, options.duration, extra)
                runs[target.key].append(run)
                peak = max([peak, *servers[target.server].worker_rss_mb()])
                shown = (
                    f"{fmt_rate(run.rps)} pages/s"
                    if run.rps is not None
                    else run.problem
                )
                say(
                    f"[{size}] round {round_number}/{options.rounds} "
                    f"{target.label:<31} {shown}"
                    + (f", {run.errors} errors" if run.errors else "")
                )
        memory_end = {n: s.worker_rss_mb() for n, s in servers.items()}
        peak = max([peak, *sum(memory_end.values(), [])])
        memory = {
            "start": memory_start,
            "end": memory_end,
            "peak": peak,
            "other_share": other_work.share(),
        }
        return runs, memory


def run_warnings(targets: list[Target], runs: dict, other_share: float) -> list[str]:
    """wrk's problems, unexpected answers, and a busy machine."""
    warnings = []
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
    return warnings
