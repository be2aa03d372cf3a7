"""`make bench`: how fast the production server serves the reader's pages.

For each data-set size it builds its own database (never db.sqlite3), starts
gunicorn servers the way `make serve` does (page cache on, off, every cache
off) beside a bare Django project serving the same bytes (the floor), drives
them with wrk from 127.0.0.1, counts SQL queries in-process, and prints one
table per size; then a news-day mix of reads and edits on the largest size,
a large-vs-demo comparison and the targets. bench/README.md explains how to
read the output.

    python bench/run.py [--sizes demo,large] [--rounds 3] [--duration 4]
                        [--connections 16] [--threads 2] [--quick]
                        [--news-day-seconds 30] [--no-news-day] [--markdown]

Exit status: 0 when the benchmark ran (even if a target failed), 1 when it
could not run, 130 when interrupted.
"""

import argparse
import signal
import sys

from common import DATA, ROOT, BenchError, one_run_at_a_time
from harness import Bench
from loadgen import ensure_wrk
from report import report, write_results
from services import Services

# Main ----------------------------------------------------------------------------


def parse_options(argv: list[str]):
    parser = argparse.ArgumentParser(
        prog="make bench BENCH_ARGS=...", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--sizes", default="demo,large", help="demo, large or both")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=4, help="seconds per run")
    parser.add_argument("--warmup", type=int, default=1, help="seconds per page, once")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--news-day-seconds",
        type=int,
        default=30,
        help="measured seconds of the news-day mix, per purge mode",
    )
    parser.add_argument(
        "--news-day-warmup",
        type=int,
        default=5,
        help="seconds of the mix, without edits, before each measured run",
    )
    parser.add_argument(
        "--news-day-prime",
        type=int,
        default=180,
        help="at most this many seconds fetching every page once, per mode",
    )
    parser.add_argument(
        "--no-news-day", action="store_true", help="leave the news-day mix out"
    )
    parser.add_argument(
        "--rebuild-data",
        action="store_true",
        help="build the data sets afresh, not from the copies kept by earlier runs",
    )
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="print the results as Markdown (as written to bench/results/)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke check: demo size, 1 round of 2 s runs, a short news day",
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
        options.news_day_seconds, options.news_day_warmup = 6, 2
        options.news_day_prime = 30
    sizes = [s.strip() for s in options.sizes.split(",") if s.strip()]
    unknown = set(sizes) - {"demo", "large"}
    if unknown or not sizes:
        parser.error(f"--sizes takes demo, large or demo,large (not {options.sizes!r})")
    if min(options.rounds, options.duration, options.connections, options.threads) < 1:
        parser.error("--rounds, --duration, --connections and --threads must be >= 1")
    if options.news_day_seconds < 2 or options.news_day_warmup < 1:
        parser.error("--news-day-seconds must be >= 2, --news-day-warmup >= 1")
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
                # The news day runs once, on the largest size measured.
                results = {
                    size: bench.measure(
                        size,
                        with_news_day=not options.no_news_day
                        and size == options.size_list[-1],
                    )
                    for size in options.size_list
                }
                markdown = report(results, options, services)
                written = write_results(markdown, options, services)
            finally:
                bench.clean_up()
        if options.markdown:
            print("\n" + markdown)
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
