"""The gunicorn servers under test, and what else runs on the machine."""

import functools
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from common import DATA, HOST, ROOT, BenchError

GUNICORN = str(Path(sys.executable).parent / "gunicorn")


class OtherWork:
    """How much CPU other programs took while the bench measured.

    All the CPU time the machine spent (/proc/stat), less what this script,
    wrk and the servers spent, less PostgreSQL's and Redis's, which answer the
    servers: the rest competed with the benchmark and makes its figures noisy.
    A rough share, not an exact one.
    """

    SERVICES = ("postgres", "redis-server", "valkey-server")

    def __init__(self):
        self.started = time.monotonic()
        self.busy_before = self._machine_busy()
        self.ours_before = self._ours_and_services()

    def share(self) -> float:
        """Other programs' CPU time, as a share of all the CPUs' time since start."""
        busy = self._machine_busy() - self.busy_before
        ours_after = self._ours_and_services()
        ours = sum(
            max(0.0, seconds - self.ours_before.get(pid, 0.0))
            for pid, seconds in ours_after.items()
        )
        elapsed = (time.monotonic() - self.started) * (os.cpu_count() or 1)
        return max(0.0, busy - ours) / elapsed if elapsed else 0.0

    @staticmethod
    def _machine_busy() -> float:
        """Seconds all CPUs spent not idle, since boot."""
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[:8])
        busy = user + nice + system + irq + softirq + steal
        return busy / os.sysconf("SC_CLK_TCK")

    @classmethod
    def _ours_and_services(cls) -> dict[int, float]:
        """CPU seconds, with reaped children's, of our process tree and services."""
        tick = os.sysconf("SC_CLK_TCK")
        parents, names, seconds = {}, {}, {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                text = stat.read_text()
            except OSError:
                continue
            pid = int(stat.parent.name)
            names[pid] = text[text.index("(") + 1 : text.rindex(")")]
            fields = text[text.rindex(")") + 2 :].split()
            parents[pid] = int(fields[1])
            # utime, stime, and the same for the children it has reaped
            seconds[pid] = sum(int(f) for f in fields[11:15]) / tick

        def counts(pid: int) -> bool:
            if names.get(pid) in cls.SERVICES:
                return True
            for _ in range(64):  # walk up towards init
                if pid == os.getpid():
                    return True
                if pid <= 1 or pid not in parents:
                    return False
                pid = parents[pid]
            return False

        return {pid: t for pid, t in seconds.items() if counts(pid)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@functools.cache
def gunicorn_has_control_socket() -> bool:
    try:
        done = subprocess.run(
            [GUNICORN, "--help"], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BenchError(f"cannot run gunicorn ({GUNICORN}): {error}") from error
    return "--control-socket" in done.stdout


class Server:
    """gunicorn started as `make serve` starts it, in a process group of its own.

    `app` and `config` name what it serves; by default the product as `make
    serve` runs it, and the bare project for the floor (bench/bare/).
    `ready` is the path that answers 200 once it is up.
    """

    def __init__(
        self,
        name: str,
        env: dict,
        log: Path,
        app: str = "newsroom.wsgi:application",
        config: str = "newsroom/gunicorn.conf.py",
        ready: str = "/healthz",
    ):
        self.name, self.env, self.log = name, env, log
        self.app, self.config, self.ready = app, config, ready
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        command = [
            GUNICORN,
            self.app,
            "-c",
            self.config,
            "--bind",
            f"{HOST}:{self.port}",
        ]
        if gunicorn_has_control_socket():
            # gunicorn 27 defaults every instance to ~/.gunicorn/gunicorn.ctl;
            # one of its own keeps the bench off a running `make serve`'s.
            command += ["--control-socket", str(self.log.with_suffix(".ctl"))]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"the {self.name} server exited:\n{self.log_tail()}")
            try:
                if http_get(self.port, self.ready, timeout=5).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise BenchError(
            f"the {self.name} server did not answer {self.ready}:\n{self.log_tail()}"
        )

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)  # graceful: finish requests
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        except ProcessLookupError:
            pass

    def worker_rss_mb(self) -> list[float]:
        """VmRSS of each worker (the master's children), from /proc."""
        if self.process is None:
            return []
        sizes = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                fields = dict(
                    line.split(":", 1) for line in status.read_text().splitlines()
                )
            except (OSError, ValueError):
                continue
            if fields.get("PPid", "").strip() == str(self.process.pid):
                sizes.append(int(fields.get("VmRSS", "0 kB").split()[0]) / 1024)
        return sorted(sizes)

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def start_server(servers: list, name: str, env: dict, log_name: str) -> Server:
    """Start one server (the bare project for "bare"), added to `servers` first
    so that it is stopped even if it never comes up."""
    log = DATA / "logs" / f"{log_name}.log"
    if name == "bare":
        server = Server(
            name,
            env,
            log,
            app="bench.bare.wsgi:application",
            config="bench/bare/gunicorn.conf.py",
            ready="/",
        )
    else:
        server = Server(name, env, log)
    servers.append(server)
    server.start()
    server.wait_ready()
    return server


@dataclass
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k.lower() == name.lower()), "")


def http_get(port: int, path: str, timeout: float = 60) -> Reply:
    """One plain GET to the local server (no proxy, no cookies)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return Reply(response.status, response.getheaders(), response.read())
    finally:
        connection.close()
