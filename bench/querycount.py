"""SQL queries made by every worker of a bench server, counted in shared memory.

bench/settings.py imports this when BENCH_COUNT_QUERIES is set. The counter
is made when gunicorn's master loads the app (preload_app), before it forks,
so every worker, recycled ones included, adds to the same one;
/_bench/queries/ reads it (bench/urls.py).
"""

import multiprocessing

from django.db.backends.signals import connection_created

_total = multiprocessing.Value("Q", 0)


def _count(execute, sql, params, many, context):
    with _total.get_lock():
        _total.value += 1
    return execute(sql, params, many, context)


def _watch(sender, connection, **kwargs):
    if _count not in connection.execute_wrappers:
        connection.execute_wrappers.append(_count)


def total() -> int:
    return _total.value


connection_created.connect(_watch, dispatch_uid="bench-query-count")
