"""What every page's template sees: the site's name, contacts and masthead."""

from django.conf import settings
from django.utils import timezone

from pagecache.parts import Parts


def nav_sections() -> list[dict]:
    """The masthead's sections, from the cache when it has them."""
    from articles.navigation import NAV_PART, section_links

    return Parts({"nav": NAV_PART}).get("nav", section_links)


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
