"""Throwaway PostgreSQL clusters for tests: a primary and a hot standby streaming from it.

Built with the server's own programs (initdb, pg_basebackup, pg_ctl) in a
folder under /tmp, on free loopback ports; never the machine's own cluster.
PostgreSQL refuses to run as root, so as root the programs run as the
`postgres` user.
"""

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg

from tests import servers

REQUIRED = "SCALE_OUT_REQUIRED"


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (PG_BIN overrides)."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_basebackup"),
        key=lambda path: (
            int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return found[-1].parent
    on_path = shutil.which("pg_basebackup")
    return Path(on_path).parent if on_path else None


class Cluster:
    """One PostgreSQL server in `folder/name`, listening on 127.0.0.1:`port`."""

    def __init__(self, bin_dir: Path, folder: Path, name: str):
        self.bin = bin_dir
        self.folder = folder
        self.data = folder / name
        self.port = servers.free_port()

    def run(self, program, *args):
        command = [str(self.bin / program), *map(str, args)]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode:
            raise RuntimeError(f"{program} failed:\n{result.stdout}{result.stderr}")
        return result.stdout

    def start(self):
        options = (
            f"-c port={self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.folder} "
            # Throwaway data: no need to survive a power cut.
            "-c fsync=off -c full_page_writes=off -c shared_buffers=32MB "
            "-c max_connections=40 -c wal_level=replica -c max_wal_senders=4"
        )
        log = self.folder / f"{self.data.name}.log"
        self.run(
            "pg_ctl",
            "start",
            "-w",
            "-t",
            "60",
            "-D",
            self.data,
            "-l",
            log,
            "-o",
            options,
        )

    def stop(self):
        with contextlib.suppress(RuntimeError):
            self.run("pg_ctl", "stop", "-m", "immediate", "-D", self.data)

    def url(self, database="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, query, params=(), database="postgres"):
        """Run one statement; return its first row (or None)."""
        with psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user="postgres",
            dbname=database,
            autocommit=True,
        ) as connection:
            cursor = connection.execute(query, params)
            return cursor.fetchone() if cursor.description else None


@contextlib.contextmanager
def primary_and_standby(bin_dir: Path):
    """Yield (primary, standby): a fresh primary and a hot standby replaying its log."""
    folder = Path(tempfile.mkdtemp(prefix="newsroom-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    primary = Cluster(bin_dir, folder, "primary")
    standby = Cluster(bin_dir, folder, "standby")
    try:
        primary.run(
            "initdb", "-D", primary.data, "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8", "-N",
        )  # fmt: skip
        primary.start()
        # -R writes the standby's connection back to the primary and its
        # standby.signal: it starts as a hot standby.
        standby.run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", primary.port, "-U", "postgres",
            "-D", standby.data, "-R", "-X", "stream", "-c", "fast",
        )  # fmt: skip
        standby.start()
        yield primary, standby
    finally:
        standby.stop()
        primary.stop()
        shutil.rmtree(folder, ignore_errors=True)


def wait_until_replayed(primary, standby, database="postgres", timeout=30):
    """Wait until the standby has replayed everything the primary has written."""
    # Where the primary has written to: every commit so far (the insert
    # position may point past a page header no record will end at yet).
    (position,) = primary.sql("SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + timeout
    while not standby.sql(
        "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position], database
    )[0]:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the standby has not replayed up to {position}")
        time.sleep(0.05)


def pause_replay(standby, timeout=30):
    standby.sql("SELECT pg_wal_replay_pause()")
    deadline = time.monotonic() + timeout
    while standby.sql("SELECT pg_get_wal_replay_pause_state()")[0] != "paused":
        if time.monotonic() > deadline:
            raise TimeoutError("the standby did not pause its replay")
        time.sleep(0.05)


def resume_replay(standby):
    standby.sql("SELECT pg_wal_replay_resume()")
