"""The default cache store: files in one folder, shared by every process.

Without CACHE_URL, `make serve` still runs several gunicorn workers, and each
management command is a process of its own. What one of them changes (a new
page-cache generation, a rate-limit count, a sign-in failure) every other
one must see on its next request, which per-process memory cannot give and
Django's file store can, once three of its habits are changed:

- Its add() and incr() read and then write, so two workers counting the
  same rate limit at once could both read 4 and both write 5. Here both
  hold an exclusive lock on a file in the folder while they do it, which
  also makes cache.add() a real lock across processes (comments/notify.py).
- Its incr() stores the count with the default timeout again, so a
  15-minute sign-in lockout would end after five; here a count keeps its
  expiry.
- It lists the whole folder on every set() to decide whether to cull,
  which grows with the folder; here each process looks once every
  CULL_CHECK_EVERY sets, so the folder may pass MAX_ENTRIES by that many
  entries per process before it is culled.

With Redis (CACHE_URL=redis://...) none of this is used.
"""

import os
import pickle
import time
import zlib
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks

CULL_CHECK_EVERY = 100
LOCK_FILE = "counters.lock"  # not a .djcache file, so clear() leaves it


class FileCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._sets_until_cull_check = 0

    @contextmanager
    def _locked(self):
        self._createdir()
        with open(os.path.join(self._dir, LOCK_FILE), "ab") as lock:
            locks.lock(lock, locks.LOCK_EX)
            yield  # closing the file releases the lock

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        fname = self._key_to_file(key, version)
        with self._locked():
            try:
                with open(fname, "rb") as f:
                    expiry = pickle.load(f)
                    value = pickle.loads(zlib.decompress(f.read()))
            except (FileNotFoundError, EOFError):
                expiry, value = 0, None
            if value is None or (expiry is not None and expiry < time.time()):
                raise ValueError(f"Key '{key}' not found")
            value += delta
            remaining = None if expiry is None else expiry - time.time()
            self.set(key, value, remaining, version)
        return value

    def _cull(self):
        if self._sets_until_cull_check <= 0:
            self._sets_until_cull_check = CULL_CHECK_EVERY
            super()._cull()
        self._sets_until_cull_check -= 1
