"""The masthead's sections: the links every public page carries."""

from articles.models import Section
from blocks.links import slug_url

# The name of the masthead's part in a page's cached parts (newsroom/fragments.py):
# like every part, out of date as soon as anything readers see changes.
NAV_PART = "nav-sections"


def section_links() -> list[dict]:
    """The masthead's sections, from the database."""
    return [
        {"name": name, "url": slug_url("articles:section", slug)}
        for name, slug in Section.objects.values_list("name", "slug")
    ]
