"""The masthead's sections: the links every public page carries."""

from articles.models import Section
from blocks.links import slug_url
from blocks.prepared import Prepared
from pagecache.tags import depends_on

# The name of the masthead's part in a page's cached parts (pagecache/parts.py):
# out of date when a section changes (the "masthead" tag).
NAV_PART = "nav-sections"


# Every page rendered with nothing cached reads them: SQL built once.
SECTIONS = Prepared(lambda: Section.objects.only("name", "slug"))


def section_links() -> list[dict]:
    """The masthead's sections, from the database."""
    depends_on("masthead")
    return [
        {"name": section.name, "url": slug_url("articles:section", section.slug)}
        for section in SECTIONS()
    ]
