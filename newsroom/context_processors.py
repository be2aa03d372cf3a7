from django.conf import settings
from django.utils import timezone

from newsroom import fragments
from newsroom.links import slug_url

# The masthead's sections, kept as a part of every page (newsroom/fragments.py):
# like every part, out of date as soon as anything readers see changes.
NAV_PART = "nav-sections"


def section_links() -> list[dict]:
    """The masthead's sections, from the database."""
    from articles.models import Section

    return [
        {"name": name, "url": slug_url("articles:section", slug)}
        for name, slug in Section.objects.values_list("name", "slug")
    ]


def nav_sections() -> list[dict]:
    """The masthead's sections, from the cache when it has them."""
    return fragments.Parts({"nav": NAV_PART}).get("nav", section_links)


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "current_year": timezone.localdate().year,
        "contact": {
            "corrections": settings.CORRECTIONS_EMAIL,
            "privacy": settings.PRIVACY_EMAIL,
        },
        "nav_sections": nav_sections,
    }
