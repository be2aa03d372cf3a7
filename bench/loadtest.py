"""`make loadtest`: concurrent readers and commenters against the production setup.

A bounded run (default 30 s) on PostgreSQL + Redis (DATABASE_URL / CACHE_URL,
or this machine's local ones), through gunicorn exactly as `make serve` runs
it. Reports: requests and 5xx, comments accepted vs stored, p50/p99 latency,
and each worker's memory at the start and the end. Exits 1 if any request
got a 5xx or stored != accepted.
"""

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import servers  # noqa: E402 - the same server launcher the tests use

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/newsroom_loadtest"
DEFAULT_CACHE = "redis://127.0.0.1:6379/14"


def run(command, env):
    subprocess.run(command, cwd=ROOT, env=env, check=True, timeout=600)


def fresh_postgres(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def worker_memory(master_pid):
    """RSS in MB of each gunicorn worker (the master's children)."""
    children = (
        Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    )
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sizes


def gunicorn_master(port):
    out = subprocess.run(
        ["pgrep", "-f", f"gunicorn.*127.0.0.1:{port}"], capture_output=True, text=True
    ).stdout.split()
    pids = [int(p) for p in out]
    return min(pids) if pids else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--readers", type=int, default=12)
    parser.add_argument("--commenters", type=int, default=4)
    args = parser.parse_args()

    database = os.environ.get("DATABASE_URL", DEFAULT_DB)
    cache = os.environ.get("CACHE_URL", DEFAULT_CACHE)
    if database.startswith("postgres"):
        fresh_postgres(database)
    static_root = ROOT / "bench" / ".data" / "loadtest-static"
    env = servers.production_env(
        database, cache, static_root, COMMENT_RATE_LIMIT="0", COMMENT_MIN_SECONDS="0"
    )
    print(f"Database {database.split('@')[-1]}, cache {cache}; preparing…", flush=True)
    run([sys.executable, "manage.py", "migrate", "-v0"], env)
    run([sys.executable, "manage.py", "load_demo", "-v0"], env)
    run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-v0",
            "-c",
            "from django.core.cache import cache; cache.clear()",
        ],
        env,
    )
    servers.collectstatic(env)

    marker = uuid.uuid4().hex[:8]
    results, lock = [], threading.Lock()
    with servers.server(env, workers=os.cpu_count() or 2) as base:
        port = int(base.rsplit(":", 1)[1])
        master = gunicorn_master(port)
        memory_start = worker_memory(master) if master else []
        probe = servers.Browser(base)
        _, home, _ = probe.request("/")
        slugs = sorted(
            {
                part.split('"')[0].strip("/")
                for part in home.split('href="/articles/')[1:]
            }
        )
        stop = time.monotonic() + args.seconds

        def record(kind, status, started, body=None):
            with lock:
                results.append((kind, status, time.monotonic() - started, body))

        def reader(n):
            browser = servers.Browser(base)
            paths = ["/", "/sections/world/", "/feed/", "/search/?q=water"] + [
                f"/articles/{s}/" for s in slugs
            ]
            i = n
            while time.monotonic() < stop:
                started = time.monotonic()
                status = browser.request(paths[i % len(paths)])[0]
                record("read", status, started)
                i += 1

        def commenter(n):
            browser = servers.Browser(base)
            slug = slugs[n % len(slugs)]
            _, page, _ = browser.request(f"/articles/{slug}/")
            form = {
                "csrfmiddlewaretoken": browser.csrf_token(page),
                "started": page.split('name="started" value="')[1].split('"')[0],
                "name": "Load Reader",
                "email": f"load{n}@reader.example",
                "website": "",
            }
            count = 0
            while time.monotonic() < stop:
                body = f"Load test {marker} commenter {n} note {count}"
                count += 1
                started = time.monotonic()
                status = browser.request(
                    f"/articles/{slug}/comments/", form | {"body": body}
                )[0]
                record("comment", status, started, body)

        threads = [
            threading.Thread(target=reader, args=(n,)) for n in range(args.readers)
        ]
        threads += [
            threading.Thread(target=commenter, args=(n,))
            for n in range(args.commenters)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 60)
        memory_end = worker_memory(master) if master else []

    stored = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-v0",
            "-c",
            "from comments.models import Comment; "
            f"print(Comment.objects.filter(body__contains='{marker}').count())",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[-1]
    errors = [r for r in results if r[1] >= 500]
    accepted = [r for r in results if r[0] == "comment" and r[1] == 303]
    latencies = sorted(r[2] * 1000 for r in results)
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else 0
    rate = len(results) / args.seconds
    print(
        f"\nrequests      {len(results)} in {args.seconds:.0f} s ({rate:.0f}/s), "
        f"{args.readers} readers + {args.commenters} commenters"
    )
    print(f"5xx           {len(errors)}")
    print(f"comments      accepted {len(accepted)}, stored {stored}")
    print(f"latency       p50 {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms")
    print(f"worker RSS MB start {memory_start}, end {memory_end}")
    ok = not errors and accepted and int(stored) == len(accepted)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
