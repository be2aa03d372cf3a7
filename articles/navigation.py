"""The masthead's sections: the links every public page carries."""

from articles.models import Section
from blocks.links import slug_url
from blocks.prepared import Prepared

# The name of the masthead's part in a page's cached parts (newsroom/fragments.py):
# like every part, out of date as soon as anything readers see changes.
NAV_PART = "nav-sections"


# Every page rendered with nothing cached reads them: SQL built once.
SECTIONS = Prepared(lambda: Section.objects.only("name", "slug"))


def section_links() -> list[dict]:
    """The masthead's sections, from the database."""
    return [
        {"name": section.name, "url": slug_url("articles:section", section.slug)}
        for section in SECTIONS()
    ]
