"""Driving wrk: finding or installing it, running it, reading its output."""

import os
import re
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

from common import BENCH, BenchError, Target


def ensure_wrk() -> str:
    path = shutil.which("wrk")
    if path:
        return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing; installing it: apt-get install -y wrk", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "wrk"]
        try:
            if subprocess.run(install, env=env, timeout=600).returncode != 0:
                subprocess.run(["apt-get", "update"], env=env, timeout=600)
                subprocess.run(install, env=env, timeout=600)
        except subprocess.TimeoutExpired:
            pass
        path = shutil.which("wrk")
        if path:
            return path
    raise BenchError(
        "wrk, the load generator, is not installed. Install it and run make bench "
        "again: `sudo apt-get install wrk` (Debian/Ubuntu), `brew install wrk` (macOS)."
    )


@dataclass
class WrkRun:
    rps: float | None = None
    p50_ms: float | None = None
    p99_ms: float | None = None
    requests: int = 0
    errors: int = 0  # non-2xx/3xx, socket errors, and for the POST anything not 303
    statuses: dict[int, int] = field(default_factory=dict)
    problem: str = ""


LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def parse_latency(text: str) -> float | None:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    return float(match.group(1)) * LATENCY_UNITS[match.group(2)] if match else None


def parse_wrk(output: str, method: str) -> WrkRun:
    run = WrkRun()
    if match := re.search(r"Requests/sec:\s+([\d.]+)", output):
        run.rps = float(match.group(1))
    if match := re.search(r"^\s+50(?:\.000)?%\s+(\S+)", output, re.M):
        run.p50_ms = parse_latency(match.group(1))
    if match := re.search(r"^\s+99(?:\.000)?%\s+(\S+)", output, re.M):
        run.p99_ms = parse_latency(match.group(1))
    if match := re.search(r"(\d+) requests in", output):
        run.requests = int(match.group(1))
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        run.errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        run.errors += sum(int(n) for n in match.groups())
    run.statuses = {
        int(s): int(n) for s, n in re.findall(r"^status (\d+): (\d+)$", output, re.M)
    }
    if method == "POST":
        # Only the redirect after a saved comment counts as success.
        run.errors = max(
            run.errors, sum(n for s, n in run.statuses.items() if s != 303)
        )
    if run.rps is None:
        run.problem = "wrk printed no result"
    return run


def run_wrk(
    wrk: str, url: str, target: Target, options, seconds: int, post=None
) -> WrkRun:
    command = [
        wrk,
        f"-t{options.threads}",
        f"-c{options.connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
    ]
    if post:
        # A fresh run id per wrk call: bodies never repeat an earlier run's.
        run_id = secrets.token_hex(6)
        command += ["-s", str(BENCH / "post_comment.lua"), url, "--", *post, run_id]
    else:
        command.append(url)
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 60, check=False
        )
    except subprocess.TimeoutExpired:
        return WrkRun(problem="wrk did not finish in time")
    run = parse_wrk(done.stdout, target.method)
    if done.returncode != 0:
        run.problem = f"wrk exit status {done.returncode}: {done.stderr.strip()[:200]}"
    return run
