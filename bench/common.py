"""What the benchmark's modules share: paths, its error, a target, its lock."""

import fcntl
import os
import sys
from dataclasses import dataclass
from datetime import datetime
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
