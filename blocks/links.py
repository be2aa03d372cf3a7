"""Memoised URL reversal for the slug URLs that every card and byline links to.

A news page links to dozens of stories, sections and people; reverse() costs
a few microseconds each, which adds up to milliseconds a page. The URLconf
and the script prefix do not change while a process runs, so the answer for
a (name, slug) pair never does either.
"""

from functools import lru_cache

from django.urls import reverse


@lru_cache(maxsize=16384)
def slug_url(name: str, slug: str) -> str:
    return reverse(name, kwargs={"slug": slug})
