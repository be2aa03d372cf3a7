"""The Jinja2 environment of the readers' pages (templates/).

Readers' pages render with Jinja2, which compiles a template to Python code:
the article page's markup renders several times faster than with Django's
template language, whose per-variable and per-tag costs were most of an
uncached page. The admin keeps Django's templates.

Names here stand in for the Django tags and filters the templates used:
`url()` and `static()` (memoised: a process's URLconf and static manifest do
not change), `date` in the reader's time zone, `pluralize`, and the
newsroom's own `picture()`, `json_ld` and `highlight`, and the
comments app's `comment_thread()` for the article page (articles does not
depend on comments; this module wires the two together).
"""

from functools import lru_cache

from django.contrib.staticfiles.storage import staticfiles_storage
from django.template import defaultfilters
from django.urls import reverse
from django.utils.timezone import get_current_timezone_name, template_localtime
from django.utils.translation import get_language
from jinja2 import Environment, Undefined

from blocks.markup import absolute, highlight, json_ld, picture
from comments import thread
from pagecache.csrf import csrf_field
from pagecache.tags import shows


@lru_cache(maxsize=4096)
def url(name: str, *args) -> str:
    return reverse(name, args=args)


@lru_cache(maxsize=256)
def static(path: str) -> str:
    return staticfiles_storage.url(path)


def date(value, format_string=None) -> str:
    """Django's `date` filter, in the newsroom's time zone as Django's does.

    Remembered per time zone and language: a page shows the same few dozen
    moments (its comments', its cards') each time it is rendered, and
    Django's formatter costs more than the rest of a comment's markup.
    """
    if value in (None, ""):
        return ""
    return _date(value, format_string, get_current_timezone_name(), get_language())


@lru_cache(maxsize=8192)
def _date(value, format_string, zone: str, language: str) -> str:
    return defaultfilters.date(template_localtime(value), format_string)


def pluralize(count, suffix: str = "s") -> str:
    return "" if count == 1 else suffix


def environment(**options) -> Environment:
    # As lenient as Django's templates, DEBUG or not (Django's backend would
    # print a missing name as "{{ name }}" under DEBUG).
    options["undefined"] = Undefined
    env = Environment(**options)  # noqa: S701 - autoescape is on (Django's default)
    env.globals.update(
        url=url,
        static=static,
        absolute=absolute,
        picture=picture,
        comment_thread=thread.for_page,
        csrf_field=csrf_field,
        shows=shows,
    )
    env.filters.update(
        date=date,
        pluralize=pluralize,
        urlencode=defaultfilters.urlencode,
        linebreaksbr=defaultfilters.linebreaksbr,
        json_ld=json_ld,
        highlight=highlight,
    )
    return env
