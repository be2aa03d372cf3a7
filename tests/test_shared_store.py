"""The default cache store (newsroom/file_cache.py): counts kept right, bounded.

Sharing between processes is proven in test_multiprocess.py; these check
the store itself in this process.
"""

import pytest
from django.conf import settings
from django.core.management import call_command

from newsroom.file_cache import CULL_CHECK_EVERY, FileCache
from pagecache import tags as page_cache
from tests import servers

ON_FILE_STORE = settings.CACHES["default"]["BACKEND"] == "newsroom.file_cache.FileCache"
file_store_only = pytest.mark.skipif(
    not ON_FILE_STORE, reason="the suite runs on another cache (CACHE_URL)"
)


@file_store_only
def test_the_suite_keeps_its_cache_apart_from_the_checkouts():
    from django.core.cache import cache

    assert not cache._dir.startswith(str(servers.ROOT))


def test_the_folder_is_made_on_the_first_write(tmp_path):
    folder = tmp_path / "cache"
    store = FileCache(str(folder), {})

    assert store.get("page") is None and store.get_many(["page"]) == {}
    store.clear()
    assert not folder.exists()
    assert store.add("count", 1, 60)
    assert folder.is_dir()


def test_a_count_past_its_expiry_starts_again(tmp_path):
    store = FileCache(str(tmp_path), {})
    store.add("count", 1, 60)
    assert store.incr("count") == 2

    store.set("count", 5, -1)  # already expired

    with pytest.raises(ValueError, match="not found"):
        store.incr("count")
    assert store.add("count", 1, 60)


def test_entries_keep_their_value_and_expiry(tmp_path):
    store = FileCache(str(tmp_path), {})
    page = {"generation": "1", "body": b"<p>page</p>" * 1000}

    store.set("page", page, 60)
    store.set("gone", page, -1)

    assert store.get("page") == page
    assert store.get("gone", "absent") == "absent"
    assert store.touch("page", 120) and not store.touch("gone")
    assert store.get_many(["page", "gone"]) == {"page": page}


def test_the_folder_is_culled_near_its_limit(tmp_path):
    store = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 500}})

    for n in range(3000):
        store.set(f"page:{n}", n, 60)

    kept = len(list(tmp_path.glob("*.entry")))
    assert 0 < kept <= 500 + CULL_CHECK_EVERY
    assert store.get("page:2999") == 2999  # the newest entry is always written


@pytest.mark.django_db
def test_a_migrate_starts_a_new_page_generation():
    """The store outlives the process: a new or replaced database starts afresh."""
    before = page_cache.generation()

    call_command("migrate", verbosity=0)

    assert page_cache.generation() != before
