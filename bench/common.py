"""What the benchmark's modules share: where things are, its error, a target."""

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DATA = BENCH / ".data"  # gitignored: databases, media, logs, the floor page
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
    server: str = "cached"  # which of the two servers wrk drives
    method: str = "GET"
    floor: bool = False
