"""The project's guard on the admin's "view on site" shortcut."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" shortcut (/admin/r/<type>/<id>/), answering
    only with an address the user may know.

    Django's own sends any staff user to any object's address, which gives
    away where an unpublished story will appear. A story that is not live
    answers only for those who may edit it, as if it did not exist;
    everything else with an address (sections, profiles, pages) is public.
    """
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    try:
        obj = model._base_manager.get(pk=object_id) if model else None
    except (ObjectDoesNotExist, ValueError, ValidationError):
        obj = None
    if obj is None:
        raise Http404("No such object.")
    is_live = getattr(obj, "is_published", None)
    may_edit = getattr(obj, "can_be_edited_by", None)
    if is_live is not None and not is_live():
        if may_edit is None or not may_edit(request.user):
            raise Http404("No such object.")
    return shortcut(request, content_type_id, object_id)
