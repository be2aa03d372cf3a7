"""The bare project's one page: the measured story's bytes, as they are."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path


def page(request):
    return HttpResponse(settings.FLOOR_BYTES, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page)]
