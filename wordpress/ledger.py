"""What earlier imports made: each record found again by its WordPress id
(LegacyId), saved only when it changed, and remembered for the next run."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wordpress.models import LegacyId
from wordpress.report import CREATED, UNCHANGED, UPDATED


def existing(kind, model, wp_id, *, slug=""):
    """The record last import made of this WordPress id, and its LegacyId.

    Terms named on a post without an id are found by their slug.
    """
    if wp_id is not None:
        legacy = LegacyId.objects.filter(kind=kind, wp_id=wp_id).first()
    elif slug:
        legacy = LegacyId.objects.filter(kind=kind, slug=slug).first()
    else:
        legacy = None
    if legacy is None:
        return None, None
    obj = model._default_manager.filter(pk=legacy.object_id).first()
    return obj, legacy


def adopt(model, kind, slug, name):
    """A section or tag made here by hand with this slug or name.

    Sections and tags are a shared vocabulary, so an existing "Politics"
    takes the imported posts; one claimed by another WordPress term is
    left alone, or two terms would rename it back and forth.
    """
    claimed = LegacyId.objects.filter(kind=kind).values("object_id")
    return (
        model.objects.filter(Q(slug=slug) | Q(name=name))
        .exclude(pk__in=claimed)
        .first()
    )


def store(obj, values: dict) -> str:
    """Save `obj` with `values` if it is new or they changed it."""
    changed = [name for name, new in values.items() if getattr(obj, name) != new]
    for name in changed:
        setattr(obj, name, values[name])
    if obj.pk is None:
        obj.save()
        return CREATED
    if changed:
        obj.save()
        return UPDATED
    return UNCHANGED


def remember(legacy, kind, wp_id, obj, **data) -> None:
    data.update(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
    if legacy is None:
        LegacyId.objects.create(kind=kind, wp_id=wp_id, **data)
    elif any(getattr(legacy, name) != value for name, value in data.items()):
        for name, value in data.items():
            setattr(legacy, name, value)
        legacy.save()
