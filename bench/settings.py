"""Settings for the throughput benchmark only: the project's settings plus a URL configuration with a minimal
view (bench/urls.py), so that production never serves it. BENCH_CACHE=dummy turns the page cache off, to show
how much of the catalog's throughput comes from it."""
import os

from localaction import settings as project

globals().update({name: value for name, value in vars(project).items() if name.isupper()})

ROOT_URLCONF = "bench.urls"
if os.environ.get("BENCH_CACHE") == "dummy":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
