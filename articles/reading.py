"""How long a story is: its words, counted as the editor counts them, in minutes."""

import math
import re

from django.conf import settings

from articles import sanitize


def count_words(text: str) -> int:
    return len(re.findall(r"\w+(?:['’]\w+)*", text))


# Where one block of the body ends, a word ends too, as in the editor's text.
BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|figcaption)>|<br\s*/?>", re.I)


def words_in(body: str) -> int:
    """The body's words, counted as the story screen counts them live."""
    return count_words(sanitize.plain_text(BLOCK_END.sub(r" \g<0>", body)))


def reading_minutes(words: int) -> int:
    """Whole minutes at the newsroom's reading speed, never less than one."""
    return max(1, math.ceil(words / settings.READING_WORDS_PER_MINUTE))
