"""What the benchmark's modules share: where things are, its error, a target."""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
# gitignored: databases, media, logs, the floor page (elsewhere for the tests)
DATA = Path(os.environ.get("BENCH_DATA_DIR") or BENCH / ".data")
RESULTS = BENCH / "results"
PYTHON = sys.executable
HOST = "127.0.0.1"  # the only address the bench sends traffic to


class BenchError(Exception):
    """The benchmark could not run; the message says why and what to do."""


@dataclass
class Target:
    key: str
    label: str
    path: str
    server: str = "cached"  # which server wrk drives (bench/harness.py)
    method: str = "GET"
    floor: bool = False
