"""The bench's own database and cache, never the developer's."""

import os
import shutil
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from common import DATA, BenchError

LOOPBACK = {"127.0.0.1", "localhost", "::1", ""}
# The Redis database the bench flushes and fills; BENCH_REDIS_DB picks another
# (two benches on one Redis server must not share one).
REDIS_BENCH_DB = int(os.environ.get("BENCH_REDIS_DB", "15"))


@dataclass
class Services:
    """Where the bench keeps its data: SQLite under bench/.data, or PostgreSQL.

    PostgreSQL gets a separate database, <name>_bench, dropped and created
    again for each size; Redis a database of its own (/15), flushed per size.
    Without Redis the cache is the default file store, in a folder of its own
    under bench/.data, emptied per size; CACHE_URL=locmemcache:// measures
    per-process memory instead, the default before it (for comparison only:
    workers do not share it).
    """

    database_url: str
    cache_url: str

    @classmethod
    def from_environment(cls, allow_remote: bool) -> "Services":
        database_url = os.environ.get("DATABASE_URL", "")
        cache_url = os.environ.get("CACHE_URL", "")
        for url in (database_url, cache_url):
            host = urllib.parse.urlsplit(url).hostname or ""
            if url and host not in LOOPBACK and not allow_remote:
                raise BenchError(
                    f"{url.split('@')[-1]!r} is not on this machine. The benchmark "
                    "creates, drops and flushes databases there; pass "
                    "--allow-remote-services if that is really what you want."
                )
        return cls(database_url, cache_url)

    @property
    def is_postgres(self) -> bool:
        return urllib.parse.urlsplit(self.database_url).scheme in (
            "postgres",
            "postgresql",
            "pgsql",
            "psql",
            "postgis",
        )

    @property
    def uses_redis(self) -> bool:
        scheme = urllib.parse.urlsplit(self.cache_url).scheme
        return scheme in ("redis", "rediss", "rediscache", "valkey", "valkeys")

    @property
    def uses_locmem(self) -> bool:
        return urllib.parse.urlsplit(self.cache_url).scheme == "locmemcache"

    @property
    def uses_file_store(self) -> bool:
        return not (self.uses_redis or self.uses_locmem)

    def describe(self) -> str:
        database = "PostgreSQL" if self.is_postgres else "SQLite"
        if self.uses_redis:
            cache = f"Redis db {REDIS_BENCH_DB}"
        elif self.uses_locmem:
            cache = "per-process memory"
        else:
            cache = "file cache (the default store)"
        return f"{database} + {cache}"

    def slug(self) -> str:
        database = "postgresql" if self.is_postgres else "sqlite"
        return f"{database}-locmem" if self.uses_locmem else database

    def bench_database_url(self, size: str) -> str:
        if not self.is_postgres:
            return f"sqlite:///{DATA / f'{size}.sqlite3'}"
        parts = urllib.parse.urlsplit(self.database_url)
        name = parts.path.lstrip("/") or "newsroom"
        return urllib.parse.urlunsplit(parts._replace(path=f"/{name}_bench"))

    def file_cache_folder(self, size: str) -> Path:
        return DATA / f"{size}-cache"

    def bench_cache_url(self, size: str) -> str:
        if self.uses_locmem:
            return "locmemcache://newsroom-bench"
        if not self.uses_redis:
            return f"filecache://{self.file_cache_folder(size)}"
        parts = urllib.parse.urlsplit(self.cache_url)
        query = urllib.parse.urlencode(
            [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "db"]
        )
        return urllib.parse.urlunsplit(
            parts._replace(path=f"/{REDIS_BENCH_DB}", query=query)
        )

    def reset(self, size: str) -> None:
        """An empty bench database and an empty bench cache for `size`."""
        if self.is_postgres:
            self._recreate_postgres_database(size)
        else:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{DATA / size}.sqlite3{suffix}").unlink(missing_ok=True)
        self.flush_cache(size)

    def flush_cache(self, size: str) -> None:
        """An empty bench cache for `size` (no server may be running on it)."""
        folder = self.file_cache_folder(size)
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(f"{folder}-counters", ignore_errors=True)
        if self.uses_redis:
            import redis

            parts = urllib.parse.urlsplit(self.bench_cache_url(size))
            scheme = {"rediscache": "redis", "valkey": "redis", "valkeys": "rediss"}
            url = urllib.parse.urlunsplit(
                parts._replace(scheme=scheme.get(parts.scheme, parts.scheme))
            )
            try:
                client = redis.Redis.from_url(url, socket_timeout=10)
                client.flushdb()  # only the bench's own database number
                client.close()
            except redis.RedisError as error:
                raise BenchError(f"could not flush the bench cache: {error}") from error

    def _recreate_postgres_database(self, size: str) -> None:
        name = urllib.parse.urlsplit(self.bench_database_url(size)).path.lstrip("/")
        self.copy_postgres_database(size, None, name)

    def copy_postgres_database(self, size: str, source: str | None, target: str):
        """Drop `target` and create it again, empty or as a copy of `source`.

        Only databases named like the bench's own (<name>_bench...) are touched.
        """
        import psycopg
        from psycopg import sql

        bench = urllib.parse.urlsplit(self.bench_database_url(size))
        for name in filter(None, (source, target)):
            if not name.startswith(bench.path.lstrip("/")):
                raise BenchError(f"refusing to touch {name!r}: not a bench database")
        admin_url = urllib.parse.urlunsplit(
            bench._replace(scheme="postgresql", path="/postgres")
        )
        create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target))
        if source:
            create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(source))
        try:
            with psycopg.connect(
                admin_url, autocommit=True, connect_timeout=10
            ) as conn:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(target)
                    )
                )
                conn.execute(create)
        except psycopg.Error as error:
            raise BenchError(
                f"could not create the database {target!r}: {error}"
            ) from error
