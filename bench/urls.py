"""The product's addresses, plus the benchmark's floor page."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

from newsroom.urls import handler500  # noqa: F401
from newsroom.urls import urlpatterns as product_urlpatterns


def floor(request):
    """Fixed bytes through the whole middleware stack."""
    return HttpResponse(
        settings.BENCH_FLOOR_BYTES, content_type="text/html; charset=utf-8"
    )


urlpatterns = [path("_bench/floor/", floor), *product_urlpatterns]
