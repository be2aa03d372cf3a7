import logging

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from newsroom.links import slug_url

logger = logging.getLogger(__name__)
NAV_SECTIONS_KEY = "newsroom:nav-sections:v2"


def nav_sections():
    """The sections in the masthead; cached, and purged when a section changes."""
    from articles.models import Section

    def load():
        return [
            {"name": name, "url": slug_url("articles:section", slug)}
            for name, slug in Section.objects.values_list("name", "slug")
        ]

    try:
        return cache.get_or_set(NAV_SECTIONS_KEY, load, 3600)
    except Exception:  # noqa: BLE001 - Redis down: the page still renders
        logger.warning("navigation cache unavailable", exc_info=True)
        return load()


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "current_year": timezone.localdate().year,
        "nav_sections": nav_sections,
    }
