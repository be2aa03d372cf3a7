"""The news-day mix: readers spread by a Zipf law while the newsroom works.

For each purge mode (PAGE_CACHE_INVALIDATION=generation, then precise) on
the same data: an empty cache, a server started as `make serve` starts it,
every page of the mix fetched once (hottest first, for at most
`--news-day-prime` seconds) so that the cache holds what a site that has
been running for a while holds, `--news-day-warmup` seconds of the readers'
mix alone, then the measured
`--news-day-seconds` of the same mix while bench/newsday_django.py approves
comments, publishes or corrects stories and edits correspondents. wrk runs
bench/news_day.lua, which counts the page cache's answers; the server counts
its workers' SQL queries (bench/querycount.py).

A news day approves a comment every second, publishes or corrects a story
every minute and edits a correspondent every ten; a run shorter than that
keeps the comments' pace and quickens the others so that each happens at
least STORY_CHANGES and PERSON_CHANGES times (the output says how).

`make bench` runs it on its largest size; on its own (the smoke test does),
it builds a size, runs the mix and prints its table, then a JSON line:

    python bench/newsday.py [--size demo] [--seconds 30] [--warmup 10]
"""

import argparse
import http.client
import itertools
import json
import re
import secrets
import subprocess
import sys
import threading
import time

from common import BENCH, DATA, HOST, PYTHON, ROOT, BenchError, one_run_at_a_time
from loadgen import WrkRun, ensure_wrk, parse_wrk
from newsday_results import (
    MIX,
    MODES,
    ZIPF_EXPONENT,
    ModeResult,
    NewsDayResult,
    paces,
    summary,
)
from report import fmt_rate, text_table
from servers import http_get, start_server
from services import Services
from targets import app_environment, build_data_set, run_step


class NewsDay:
    """Runs the mix once per purge mode; `servers` is the list the caller stops."""

    def __init__(self, wrk: str, options, services, size: str, env: dict, servers):
        self.wrk, self.options, self.services = wrk, options, services
        self.size, self.env, self.servers = size, env, servers
        self.urls = DATA / f"news-day-{size}-urls.txt"

    def say(self, message: str) -> None:
        print(f"[{self.size}] news day: {message}", file=sys.stderr, flush=True)

    def run(self, floor_rps: float | None) -> NewsDayResult:
        output = run_step(
            [PYTHON, str(BENCH / "newsday_django.py"), "urls", str(self.urls)],
            self.env,
            300,
            "listing the news day's pages",
        )
        stories = json.loads(output.strip().splitlines()[-1])["stories"]
        seconds = self.options.news_day_seconds
        every = paces(seconds)
        modes = [self.one_mode(mode, seconds, every) for mode in MODES]
        result = NewsDayResult(self.size, stories, modes, every, floor_rps)
        for mode in modes:
            for error in mode.writer.get("errors", []):
                result.warnings.append(f"news day ({mode.mode}) writer: {error}")
            if mode.run.problem:
                result.warnings.append(f"news day ({mode.mode}): {mode.run.problem}")
            fetched, listed, _seconds = mode.primed
            if fetched < listed:
                result.warnings.append(
                    f"news day ({mode.mode}): only {fetched:,} of {listed:,} pages "
                    "primed in the time allowed (--news-day-prime), so the hit "
                    "ratio is lower than a site running for a while would see"
                )
            if mode.writer.get("late_s", 0) > 1:
                result.warnings.append(
                    f"news day ({mode.mode}): the writer fell "
                    f"{mode.writer['late_s']} s behind its pace"
                )
        return result

    def one_mode(self, mode: str, seconds: int, every: dict) -> ModeResult:
        env = {**self.env, "PAGE_CACHE_INVALIDATION": mode, "BENCH_COUNT_QUERIES": "1"}
        self.services.flush_cache(self.size)
        server = start_server(
            self.servers, f"news-day-{mode}", env, f"{self.size}-news-day-{mode}"
        )
        writer = None
        try:
            self.say(f"{mode} purge: priming the cache with every page...")
            primed = self.prime(server.port)
            self.say(f"{mode} purge: {self.options.news_day_warmup} s of reads...")
            self.mix(server.base_url, self.options.news_day_warmup)
            before = self.queries(server.port)
            self.say(f"{mode} purge: {seconds} s of reads and edits...")
            writer = subprocess.Popen(
                [
                    PYTHON,
                    str(BENCH / "newsday_django.py"),
                    "write",
                    str(seconds),
                    *(str(every[kind]) for kind in ("comment", "story", "person")),
                ],
                cwd=ROOT,
                env={**env, "LOG_LEVEL": "WARNING"},
                stdout=subprocess.PIPE,
                text=True,
            )
            writer.stdout.readline()  # "ready": set up, its clock starts now
            run, outcomes = self.mix(server.base_url, seconds)
            after = self.queries(server.port)
            printed, _ = writer.communicate(timeout=seconds + 120)
        finally:
            if writer is not None and writer.poll() is None:
                writer.kill()
                writer.wait()
            self.servers.remove(server)
            server.stop()
        if writer.returncode != 0:
            raise BenchError(f"the news day's writer failed ({writer.returncode})")
        done = json.loads(printed.strip().splitlines()[-1])
        queries = None if None in (before, after) else after - before
        shown = f"{fmt_rate(run.rps)} pages/s" if run.rps is not None else run.problem
        self.say(f"{mode} purge: {shown}, cache answers {outcomes}")
        return ModeResult(mode, run, outcomes, queries, seconds, done, primed)

    def prime(self, port: int) -> tuple[int, int, float]:
        """Fetch every listed page once, hottest first, until done or the time
        allowed is up: (pages fetched, pages listed, seconds taken)."""
        pages = [line.split(" ", 1) for line in self.urls.read_text().splitlines()]
        # The few list pages first (every reader's), then the stories in order.
        pages.sort(key=lambda page: page[0] == "story")
        paths = [path for _kind, path in pages]
        queue, lock, fetched = iter(paths), threading.Lock(), itertools.count()
        started = time.monotonic()
        deadline = started + self.options.news_day_prime

        def fetch_some():
            connection = http.client.HTTPConnection(HOST, port, timeout=60)
            while time.monotonic() < deadline:
                with lock:
                    path = next(queue, None)
                if path is None:
                    break
                try:
                    connection.request("GET", path)
                    connection.getresponse().read()
                    next(fetched)
                except (OSError, http.client.HTTPException):
                    connection.close()  # a new connection for the next page
            connection.close()

        workers = [
            threading.Thread(target=fetch_some)
            for _ in range(min(self.options.connections, 8))
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        return next(fetched), len(paths), time.monotonic() - started

    def mix(self, base_url: str, seconds: int) -> tuple[WrkRun, dict[str, int]]:
        command = [
            self.wrk,
            f"-t{self.options.threads}",
            f"-c{self.options.connections}",
            f"-d{seconds}s",
            "--latency",
            "--timeout",
            "10s",
            "-s",
            str(BENCH / "news_day.lua"),
            base_url,
            "--",
            str(self.urls),
            ZIPF_EXPONENT,
            MIX,
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=seconds + 60
            )
        except subprocess.TimeoutExpired:
            return WrkRun(problem="wrk did not finish in time"), {}
        run = parse_wrk(done.stdout, "GET")
        if done.returncode != 0:
            run.problem = f"wrk exit status {done.returncode}: {done.stderr[:200]}"
        outcomes = {
            name: int(n)
            for name, n in re.findall(r"^cache (\S+): (\d+)$", done.stdout, re.M)
        }
        return run, outcomes

    @staticmethod
    def queries(port: int) -> int | None:
        try:
            reply = http_get(port, "/_bench/queries/")
        except OSError:
            return None
        return int(reply.body) if reply.status == 200 else None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=("demo", "large"), default="demo")
    parser.add_argument("--seconds", type=int, default=30, dest="news_day_seconds")
    parser.add_argument("--warmup", type=int, default=5, dest="news_day_warmup")
    parser.add_argument("--prime", type=int, default=180, dest="news_day_prime")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    options = parser.parse_args(argv)
    servers = []
    try:
        wrk = ensure_wrk()
        services = Services.from_environment(allow_remote=False)
        DATA.mkdir(parents=True, exist_ok=True)
        with one_run_at_a_time():
            env = app_environment(
                services, options.size, "bench-" + secrets.token_urlsafe(48)
            )
            build_data_set(services, options.size, env)
            # The servers run as `make serve` does: from collected static files.
            run_step(
                [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
                env,
                300,
                "collectstatic",
            )
            try:
                day = NewsDay(wrk, options, services, options.size, env, servers)
                result = day.run(floor_rps=None)
            finally:
                while servers:
                    servers.pop().stop()
    except BenchError as error:
        print(f"\nnews day: could not run: {error}", file=sys.stderr)
        return 1
    print(f"\n{result.heading()}\n\n{text_table(result.rows(), result.HEADERS)}\n")
    for line in [*result.notes(), *(f"warning: {w}" for w in result.warnings)]:
        print(line)
    print(json.dumps(summary(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
