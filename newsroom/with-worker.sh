#!/usr/bin/env bash
# Run a web server (the arguments) with the background task worker beside it,
# as `make run` and `make serve` do; Ctrl-C or SIGTERM stops both. In
# production run `manage.py db_worker` as a service of its own instead.
set -u -m  # -m: each in a process group of its own, stopped as a whole
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/.venv/bin/python" "$root/manage.py" db_worker --no-reload -v0 &
worker=$!
"$@" &
server=$!
# A Ctrl-C reaches only this script's group: pass the stop on to both
# groups (runserver's reloader and the worker each have a child).
trap 'kill -TERM -- -"$server" -"$worker" 2>/dev/null' INT TERM
wait "$server"
status=$?
kill -TERM -- -"$server" -"$worker" 2>/dev/null
wait
exit "$status"
