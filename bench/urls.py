"""The product's addresses, plus the benchmark's own pages."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import path

from newsroom.urls import handler500  # noqa: F401
from newsroom.urls import urlpatterns as product_urlpatterns


def floor(request):
    """Fixed bytes through the whole middleware stack: our stack's floor."""
    return HttpResponse(
        settings.BENCH_FLOOR_BYTES, content_type="text/html; charset=utf-8"
    )


def queries(request):
    """How many SQL queries every worker has made so far (BENCH_COUNT_QUERIES)."""
    if not settings.BENCH_COUNT_QUERIES:
        raise Http404
    from bench import querycount

    return HttpResponse(str(querycount.total()), content_type="text/plain")


urlpatterns = [
    path("_bench/floor/", floor),
    path("_bench/queries/", queries),
    *product_urlpatterns,
]
