"""`make bench` still runs: the news-day mix, for seconds, on the demo data.

No timings are asserted (speed targets live in the benchmark itself): only
that the harness builds its data, serves both purge modes, drives them with
wrk, lets its writer make every kind of change and reports every field. It
needs wrk; without it the test skips, except in CI (BENCH_REQUIRED=1).
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIELDS = {
    "pages_per_s",
    "p50_ms",
    "p99_ms",
    "hit_ratio",
    "db_queries_per_s",
    "errors",
    "cache_answers",
    "edits",
}


@pytest.fixture
def bench_environment(tmp_path):
    """The bench on SQLite and the file store, all under tmp_path."""
    if not shutil.which("wrk"):
        if os.environ.get("BENCH_REQUIRED"):
            pytest.fail("the bench smoke test is required here but wrk is missing")
        pytest.skip("wrk is not installed (apt-get install wrk)")
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTEST", "DJANGO"))
        and name not in ("DATABASE_URL", "CACHE_URL", "DATABASE_REPLICA_URLS")
    }
    env["BENCH_DATA_DIR"] = str(tmp_path / "bench-data")
    return env


def test_the_news_day_mix_reports_every_field(bench_environment):
    done = subprocess.run(
        [
            sys.executable,
            "bench/newsday.py",
            "--size",
            "demo",
            "--seconds",
            "3",
            "--warmup",
            "1",
            "--connections",
            "4",
            "--threads",
            "1",
        ],
        cwd=ROOT,
        env=bench_environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["stories"] > 0
    assert set(report["modes"]) == {"generation", "precise"}
    for mode, figures in report["modes"].items():
        assert FIELDS <= set(figures), mode
        assert figures["pages_per_s"] > 0, mode
        assert 0 <= figures["hit_ratio"] <= 1, mode
        assert figures["db_queries_per_s"] is not None, mode
        assert set(figures["statuses"]) == {"200"}, (mode, figures["statuses"])
        edits = figures["edits"]
        assert edits["errors"] == [], (mode, edits["errors"])
        # In three seconds: comments each second, stories and people faster.
        assert edits["comments"] >= 2, (mode, edits)
        assert edits["publishes"] >= 1, (mode, edits)
        assert edits["corrections"] >= 1, (mode, edits)
        assert edits["people"] >= 1, (mode, edits)
    table = done.stdout
    for heading in ("purge", "pages/s", "p99 ms", "hit ratio", "DB queries/s"):
        assert heading in table
