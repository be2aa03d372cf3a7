"""The pre-publish checklist: what a story needs before it goes out.

Each rule is written here once. Article.publish_problems() refuses a publish
with the failing items' messages; the story screen shows every item ticked or
not, and its script re-checks the text items as the writer types, using the
limits `limits()` hands it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from blocks import images
from library.models import HERO_MIN_WIDTH as MIN_HERO_WIDTH

# Search results show about the first 60 characters of a title and share
# cards two lines; past 90 a headline is cut in both.
HEADLINE_MAX = 90
HEADLINE_SEARCH_SHOWS = 60
# A standfirst is one sentence: long enough to say why the story matters,
# short enough to stand whole as the search snippet and share-card text.
STANDFIRST_MIN = 50
STANDFIRST_MAX = 200

NEEDS_SECTION = "Choose a section."
NEEDS_BYLINE = "Add at least one byline."
HERO_TOO_NARROW = "The hero image is {width} px wide; use one at least 1200 px wide."
HEADLINE_TOO_LONG = (
    "Shorten the headline to at most {limit} characters (it has {count}): "
    "search results and share cards cut it."
)
NEEDS_HEADLINE = "Write a headline."
STANDFIRST_TOO_SHORT = (
    "Write a standfirst of {low} to {high} characters (it has {count}): "
    "one sentence that says why the story matters."
)
STANDFIRST_TOO_LONG = (
    "Shorten the standfirst to at most {high} characters (it has {count}): "
    "search results and share cards cut it."
)


@dataclass(frozen=True)
class Item:
    key: str  # names the item for the story screen's script
    label: str  # what the item asks for, ticked or not
    ok: bool
    problem: str = ""  # what to do, when it fails
    detail: str = ""  # the figure behind it ("64 of 90 characters")
    applies: bool = True  # False: nothing to check (no hero image)


def evaluate(
    *,
    headline: str,
    dek: str,
    has_section: bool,
    bylines: int,
    has_hero: bool,
    hero_alt: str,
    hero_width: int | None,
) -> list[Item]:
    """Every checklist item for a story with these values, in screen order."""
    headline, dek = headline.strip(), dek.strip()
    return [
        _headline(headline),
        _standfirst(dek),
        Item(
            "section",
            _("Section chosen"),
            has_section,
            "" if has_section else NEEDS_SECTION,
        ),
        Item(
            "byline",
            _("At least one byline"),
            bylines > 0,
            "" if bylines else NEEDS_BYLINE,
        ),
        *_hero(has_hero, hero_alt.strip(), hero_width),
    ]


def for_article(article) -> list[Item]:
    """The checklist of a saved (or unsaved) story, as it stands."""
    bylines = len(article.bylines.all()) if article.pk else 0
    return evaluate(
        headline=article.headline,
        dek=article.dek,
        has_section=article.section_id is not None,
        bylines=bylines,
        has_hero=bool(article.hero_image),
        hero_alt=article.hero_alt,
        hero_width=article.hero_width,
    )


def problems(items: list[Item]) -> list[str]:
    return [item.problem for item in items if not item.ok]


def limits() -> dict:
    """The figures the story screen's script checks the text against."""
    return {
        "headlineMax": HEADLINE_MAX,
        "headlineSearchShows": HEADLINE_SEARCH_SHOWS,
        "standfirstMin": STANDFIRST_MIN,
        "standfirstMax": STANDFIRST_MAX,
        "minHeroWidth": MIN_HERO_WIDTH,
    }


def _headline(headline: str) -> Item:
    count = len(headline)
    detail = _("%(count)d of %(limit)d characters") % {
        "count": count,
        "limit": HEADLINE_MAX,
    }
    if count > HEADLINE_SEARCH_SHOWS:
        detail += _("; search results show about the first %d") % HEADLINE_SEARCH_SHOWS
    if not headline:
        problem = NEEDS_HEADLINE
    elif count > HEADLINE_MAX:
        problem = HEADLINE_TOO_LONG.format(limit=HEADLINE_MAX, count=count)
    else:
        problem = ""
    label = _("Headline fits search results and share cards")
    return Item("headline", label, not problem, problem, detail)


def _standfirst(dek: str) -> Item:
    count = len(dek)
    detail = _("%(count)d characters; %(low)d to %(high)d wanted") % {
        "count": count,
        "low": STANDFIRST_MIN,
        "high": STANDFIRST_MAX,
    }
    bounds = {"low": STANDFIRST_MIN, "high": STANDFIRST_MAX, "count": count}
    if count < STANDFIRST_MIN:
        problem = STANDFIRST_TOO_SHORT.format(**bounds)
    elif count > STANDFIRST_MAX:
        problem = STANDFIRST_TOO_LONG.format(**bounds)
    else:
        problem = ""
    return Item(
        "standfirst", _("Standfirst of one sentence"), not problem, problem, detail
    )


def _hero(has_hero: bool, alt: str, width: int | None) -> list[Item]:
    if not has_hero:
        none = _("No hero image: the story goes out without one")
        return [
            Item(
                "hero_alt", _("Hero image described in alt text"), True, "", none, False
            ),
            Item(
                "hero_width",
                _("Hero image at least 1200 px wide"),
                True,
                "",
                none,
                False,
            ),
        ]
    wide = (width or 0) >= MIN_HERO_WIDTH
    return [
        Item(
            "hero_alt",
            _("Hero image described in alt text"),
            not images.lacks_alt(True, alt),
            "" if alt else images.NEEDS_ALT,
        ),
        Item(
            "hero_width",
            _("Hero image at least 1200 px wide"),
            wide,
            "" if wide else HERO_TOO_NARROW.format(width=width),
            _("%(width)s px wide") % {"width": width or "?"},
        ),
    ]
