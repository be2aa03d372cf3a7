"""Old WordPress addresses answer with a permanent redirect to the new page.

The importer's LegacyId records say where each old id and slug went; failing
that, a section, tag or correspondent with the same slug will do. Anything
else is a 404, and so is a story that is not live: a redirect must not reveal
a draft or a scheduled article.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.views.decorators.http import require_safe

from articles.models import Section, Tag
from authors.models import Correspondent
from wordpress.models import LegacyId

Kind = LegacyId.Kind

# /?key=ID: which kinds of record the id may name, tried in order. WordPress
# answers ?p= for pages too.
QUERY_KEYS = [
    ("p", (Kind.POST, Kind.PAGE)),
    ("page_id", (Kind.PAGE,)),
    ("cat", (Kind.CATEGORY,)),
    ("author", (Kind.AUTHOR,)),
]
FEEDS = {"atom": "articles:feed_atom"}  # rss2, rss, rdf, comments-rss2: RSS


def legacy_query_location(params) -> str | None:
    """Where /?p=12 (and the like) lives now; None when the query is not old.

    Raise Http404 for an old query naming nothing that readers may see.
    """
    for key, kinds in QUERY_KEYS:
        if key in params:
            target = _by_id(params[key], kinds)
            if target is None:
                raise Http404
            return _feed_url(target) if "feed" in params else target.get_absolute_url()
    if "feed" in params:
        return reverse(FEEDS.get(params["feed"], "articles:feed"))
    return None


@require_safe
def post(request, slug, **_date):
    # WordPress keeps post slugs unique, so the date in the address is not
    # needed to find the post (and WordPress itself forgives a wrong one).
    return _redirect(_find(Kind.POST, slug=slug))


@require_safe
def category(request, path):
    return _redirect(_section(path))


@require_safe
def category_feed(request, path):
    return _redirect(_section(path), _feed_url)


@require_safe
def tag(request, slug):
    return _redirect(_tag(slug))


@require_safe
def tag_feed(request, slug):
    # There are no tag feeds here; the site's feed is the nearest.
    return _redirect(_tag(slug), lambda _tag: reverse("articles:feed"))


@require_safe
def author(request, slug):
    return _redirect(_correspondent(slug))


@require_safe
def author_feed(request, slug):
    return _redirect(_correspondent(slug), _feed_url)


@require_safe
def comments_feed(request):
    return HttpResponsePermanentRedirect(reverse("articles:feed"))


def _redirect(target, location=lambda target: target.get_absolute_url()):
    if target is None:
        raise Http404
    return HttpResponsePermanentRedirect(location(target))


def _find(kind, **lookup):
    """The public record an old id or slug went to, or None."""
    legacy = (
        LegacyId.objects.select_related("content_type")
        .filter(kind=kind, **lookup)
        .first()
    )
    return legacy.public_object() if legacy else None


def _by_id(value: str, kinds):
    try:
        wp_id = int(value)
    except ValueError:
        return None
    for kind in kinds:
        target = _find(kind, wp_id=wp_id)
        if target is not None:
            return target
    return None


def _section(path: str):
    """/category/world/europe/ is Europe: the full path first, then the last part."""
    slug = path.rsplit("/", 1)[-1]
    return (
        _find(Kind.CATEGORY, path=path)
        or _find(Kind.CATEGORY, slug=slug)
        or Section.objects.filter(slug=slug).first()
    )


def _tag(slug: str):
    return _find(Kind.TAG, slug=slug) or Tag.objects.filter(slug=slug).first()


def _correspondent(slug: str):
    found = _find(Kind.AUTHOR, slug=slug)
    return found or Correspondent.objects.filter(slug=slug).first()


def _feed_url(target) -> str:
    if isinstance(target, Section):
        return reverse("articles:section_feed", kwargs={"slug": target.slug})
    if isinstance(target, Correspondent):
        return reverse("articles:correspondent_feed", kwargs={"slug": target.slug})
    return reverse("articles:feed")  # a post's or page's comments feed
