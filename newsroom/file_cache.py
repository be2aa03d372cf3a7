"""The default cache store: files in one folder, shared by every process.

Without CACHE_URL, `make serve` still runs several gunicorn workers, and each
management command is a process of its own. What one of them changes (a new
page-cache generation, a rate-limit count, a sign-in failure) every other
one must see on its next request, which per-process memory cannot give and
Django's file store can, once these of its habits are changed:

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
- It compresses every entry, and a page-cache hit then spends more time
  decompressing the page than reading its file (bench/stores.py measures
  both); here entries are stored as they are, under a suffix of their own so
  that a folder Django's store wrote is never misread.
- It makes its folder as soon as the cache object is built; here the first
  write does, so a process that only reads leaves no folder behind.

With Redis (CACHE_URL=redis://...) none of this is used.
"""

import os
import pickle
import time
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks

CULL_CHECK_EVERY = 100
LOCK_FILE = "counters.lock"  # not an entry, so clear() leaves it
_MISSING = object()


class FileCache(FileBasedCache):
    cache_suffix = ".entry"

    def __init__(self, dir, params):
        # Not Django's __init__, which makes the folder (see the docstring):
        # pytest builds this object while collecting tests/conftest.py.
        BaseCache.__init__(self, params)
        self._dir = os.path.abspath(dir)
        self._sets_until_cull_check = 0

    @contextmanager
    def _locked(self):
        self._createdir()
        with open(os.path.join(self._dir, LOCK_FILE), "ab") as lock:
            locks.lock(lock, locks.LOCK_EX)
            yield  # closing the file releases the lock

    def _write_content(self, file, timeout, value):
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as f:
                if not self._is_expired(f):
                    return pickle.load(f)
        except FileNotFoundError:
            pass
        return default

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, _MISSING, version)
        if value is _MISSING:
            return False
        self.set(key, value, timeout, version)
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        fname = self._key_to_file(key, version)
        with self._locked():
            try:
                with open(fname, "rb") as f:
                    expiry = pickle.load(f)
                    value = pickle.load(f)
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
