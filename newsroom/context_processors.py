from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

NAV_SECTIONS_KEY = "newsroom:nav-sections"


def nav_sections():
    """The sections in the masthead; cached, and purged when a section changes."""
    from articles.models import Section

    return cache.get_or_set(
        NAV_SECTIONS_KEY, lambda: list(Section.objects.values("name", "slug")), 3600
    )


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "current_year": timezone.localdate().year,
        "nav_sections": nav_sections,
    }
