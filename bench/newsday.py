"""The news-day mix: readers spread by a Zipf law while the newsroom works.

For each purge mode (PAGE_CACHE_INVALIDATION=generation, then precise) on
the same data: an empty cache, a server started as `make serve` starts it,
`--news-day-warmup` seconds of the readers' mix alone, then the measured
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
import json
import re
import secrets
import subprocess
import sys
from dataclasses import dataclass, field

from common import BENCH, DATA, PYTHON, ROOT, BenchError, one_run_at_a_time
from loadgen import WrkRun, ensure_wrk, parse_wrk
from report import fmt, fmt_rate, text_table
from servers import http_get, start_server
from services import Services
from targets import app_environment, build_data_set, run_step

MODES = ("generation", "precise")
MIX = "story:80,home:8,section:5,search:3,feed:4"
ZIPF_EXPONENT = "1.0"  # as bench/newsday_django.py's
NEWS_DAY = {"comment": 1.0, "story": 60.0, "person": 600.0}
STORY_CHANGES, PERSON_CHANGES = 3, 2
HIT_RATIO_MIN = 0.95
RATIO_MIN = 0.5


def paces(seconds: float) -> dict[str, float]:
    """Seconds between changes of each kind, for a run of `seconds`."""
    return {
        "comment": NEWS_DAY["comment"],
        "story": min(NEWS_DAY["story"], seconds / STORY_CHANGES),
        "person": min(NEWS_DAY["person"], seconds / PERSON_CHANGES),
    }


@dataclass
class ModeResult:
    mode: str
    run: WrkRun
    outcomes: dict[str, int]
    queries: int | None
    seconds: float
    writer: dict = field(default_factory=dict)

    @property
    def hit_ratio(self) -> float | None:
        total = sum(self.outcomes.values())
        return self.outcomes.get("hit", 0) / total if total else None

    @property
    def queries_per_second(self) -> float | None:
        return None if self.queries is None else self.queries / self.seconds


@dataclass
class NewsDayResult:
    size: str
    stories: int
    modes: list[ModeResult]
    every: dict[str, float]
    floor_rps: float | None
    warnings: list[str] = field(default_factory=list)

    HEADERS = [
        "purge",
        "pages/s",
        "p50 ms",
        "p99 ms",
        "hit ratio",
        "DB queries/s",
        "× floor",
        "errors",
        "edits made",
    ]

    def mode(self, name: str) -> ModeResult | None:
        return next((m for m in self.modes if m.mode == name), None)

    def ratio(self, name: str) -> float | None:
        found = self.mode(name)
        if not found or found.run.rps is None or not self.floor_rps:
            return None
        return found.run.rps / self.floor_rps

    def rows(self) -> list[list[str]]:
        rows = []
        for result in self.modes:
            done = result.writer
            edits = (
                f"{done.get('comments', 0)} comments, "
                f"{done.get('publishes', 0)} published, "
                f"{done.get('corrections', 0)} corrected, "
                f"{done.get('people', 0)} people"
            )
            hits = result.hit_ratio
            rows.append(
                [
                    result.mode,
                    fmt_rate(result.run.rps),
                    fmt(result.run.p50_ms, 1),
                    fmt(result.run.p99_ms, 1),
                    "n/a" if hits is None else f"{hits:.1%}",
                    fmt(result.queries_per_second),
                    fmt(self.ratio(result.mode), 2),
                    str(result.run.errors),
                    edits,
                ]
            )
        return rows

    def heading(self) -> str:
        return (
            f"news day ({self.size}: {self.stories:,} live stories; reads {MIX}, "
            f"stories by a Zipf law, s = {ZIPF_EXPONENT})"
        )

    def notes(self) -> list[str]:
        every = self.every
        scaled = every != NEWS_DAY
        return [
            f"edits while measuring: a comment approved every {every['comment']:g} s, "
            f"a story published or corrected (in turn) every {every['story']:g} s, "
            f"a correspondent edited every {every['person']:g} s"
            + (
                f" (a news day's paces are {NEWS_DAY['comment']:g} s, "
                f"{NEWS_DAY['story']:g} s and {NEWS_DAY['person']:g} s; this run "
                "was shorter, so stories and people change faster, "
                f"each at least {STORY_CHANGES} and {PERSON_CHANGES} times)"
                if scaled
                else ""
            ),
            "hit ratio: the share of responses the page cache answered (its "
            "X-Page-Cache header); DB queries/s: the web workers' SQL queries "
            "(not the writer's) over the measured seconds; × floor: pages/s over "
            "the bare Django floor's median in this size's table",
        ]

    def verdicts(self) -> list[tuple[str, str, str]]:
        precise = self.mode("precise")
        hits = precise.hit_ratio if precise else None
        ratio = self.ratio("precise")
        return [
            (
                "PASS" if hits is not None and hits >= HIT_RATIO_MIN else "FAIL",
                f"news day, precise purge: hit ratio ≥ {HIT_RATIO_MIN:.0%}",
                f"{self.size} " + ("n/a" if hits is None else f"{hits:.1%}"),
            ),
            (
                "PASS" if ratio is not None and ratio >= RATIO_MIN else "FAIL",
                f"news day, precise purge ≥ {RATIO_MIN} × floor",
                f"{self.size} {fmt(ratio, 2)}",
            ),
        ]


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
        return ModeResult(mode, run, outcomes, queries, seconds, done)

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


def summary(result: NewsDayResult) -> dict:
    """The figures of each mode, for machines (the smoke test reads them)."""
    return {
        "size": result.size,
        "stories": result.stories,
        "every": result.every,
        "modes": {
            m.mode: {
                "pages_per_s": m.run.rps,
                "p50_ms": m.run.p50_ms,
                "p99_ms": m.run.p99_ms,
                "hit_ratio": m.hit_ratio,
                "db_queries_per_s": m.queries_per_second,
                "errors": m.run.errors,
                "cache_answers": m.outcomes,
                "edits": m.writer,
                "statuses": m.run.statuses,
            }
            for m in result.modes
        },
        "warnings": result.warnings,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=("demo", "large"), default="demo")
    parser.add_argument("--seconds", type=int, default=30, dest="news_day_seconds")
    parser.add_argument("--warmup", type=int, default=10, dest="news_day_warmup")
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
