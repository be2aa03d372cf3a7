"""Built data sets kept between runs and reused while the code that built them stays.

Building the large size takes a while; the same code builds the same data
(bench/build_data.py is seeded), so a copy is kept after each build and
restored on the next run instead, as long as the fingerprint matches: a
hash of every file that shapes the data (the apps' code and migrations, the
demo's content, the builder; not tests, templates, static files or the rest
of bench/). On SQLite the copy is a file under bench/.data/saved/, on
PostgreSQL a database <name>_bench_<size>_saved created from the built one
as a template. `make bench BENCH_ARGS=--rebuild-data` ignores the copies.
"""

import hashlib
import json
import shutil
import sqlite3
import subprocess
import urllib.parse

from common import DATA, ROOT
from services import Services

SAVED = DATA / "saved"
OUTSIDE = ("tests/", "bench/", "templates/", "static/", ".ci/", "docs/")
INSIDE = ("bench/build_data.py",)


def fingerprint() -> str | None:
    """A hash of the files that shape the built data; None outside a git clone."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"],
            cwd=ROOT,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout.split(b"\0")
    except (OSError, subprocess.SubprocessError):
        return None
    digest = hashlib.sha256()
    for name in sorted(n.decode() for n in listed if n):
        shapes = name in INSIDE or not (
            name.startswith(OUTSIDE) or ("/" not in name and name != "pyproject.toml")
        )
        path = ROOT / name
        if shapes and path.is_file():  # the working tree's copy, edits included
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class SavedData:
    """The kept copy of one size's built data on one database."""

    def __init__(self, services: Services, size: str):
        self.services, self.size = services, size
        self.kind = "postgresql" if services.is_postgres else "sqlite"
        self.print = fingerprint()
        self.info_file = SAVED / f"{size}-{self.kind}.json"
        self.media = SAVED / f"{size}-{self.kind}-media"

    @property
    def database_name(self) -> str:
        url = self.services.bench_database_url(self.size)
        return urllib.parse.urlsplit(url).path.lstrip("/")

    @property
    def saved_database(self):
        if self.kind == "postgresql":
            return f"{self.database_name}_{self.size}_saved"
        return SAVED / f"{self.size}.sqlite3"

    def restore(self) -> dict | None:
        """Put the kept copy in place and return its build info, or None."""
        if self.print is None or not self.info_file.exists():
            return None
        kept = json.loads(self.info_file.read_text())
        if kept.get("fingerprint") != self.print or not self.media.is_dir():
            return None
        self.services.reset(self.size)  # an empty cache, no old database
        if self.kind == "postgresql":
            self.services.copy_postgres_database(
                self.size, self.saved_database, self.database_name
            )
        else:
            if not self.saved_database.exists():
                return None
            copy_sqlite(self.saved_database, DATA / f"{self.size}.sqlite3")
        shutil.rmtree(DATA / "media", ignore_errors=True)
        shutil.copytree(self.media, DATA / "media")
        return kept["info"]

    def keep(self, info: dict) -> None:
        """Keep a copy of what was just built, with its fingerprint."""
        if self.print is None:
            return
        SAVED.mkdir(parents=True, exist_ok=True)
        self.info_file.unlink(missing_ok=True)  # no half-kept copy is ever used
        if self.kind == "postgresql":
            self.services.copy_postgres_database(
                self.size, self.database_name, self.saved_database
            )
        else:
            copy_sqlite(DATA / f"{self.size}.sqlite3", self.saved_database)
        shutil.rmtree(self.media, ignore_errors=True)
        shutil.copytree(DATA / "media", self.media)
        kept = {"fingerprint": self.print, "info": info}
        self.info_file.write_text(json.dumps(kept))


def copy_sqlite(source, target) -> None:
    """A consistent copy through SQLite's backup API (WAL files included)."""
    for suffix in ("-wal", "-shm", "-journal"):
        (target.parent / f"{target.name}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()
