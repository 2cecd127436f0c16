"""What every read endpoint shares: GET only, the language of the answer, public caching with an ETag, the licence
link, and the documented answers (schema.ReadSchema)."""
from functools import wraps

from rest_framework import generics
from rest_framework.response import Response

from localaction.core import page_cache

from .. import caching, languages
from ..pagination import ApiCursorPagination
from ..schema import LICENSE_LINK, ReadSchema


def _from_page_cache(get):
    """An anonymous client's answer from the page cache (core/page_cache.py) when the content has not changed. The
    data is kept, not the bytes, and the lookup runs in the view after initial(): authentication, throttles, the
    language, content negotiation and the headers of finalize_response apply to every request."""

    @wraps(get)
    def cached_get(self, request, *args, **kwargs):
        key = page_cache.api_data_key(request._request, self.language)
        stored = page_cache.get_api_data(key)
        if stored is not None:
            data, validators = stored
            if validators.get("ETag"):
                unchanged = caching.not_modified(request, validators["ETag"])
                if unchanged is not None:
                    return caching.add_validators(unchanged, validators["ETag"])
            response = Response(data)
            for name, value in validators.items():
                response[name] = value
            return response
        response = get(self, request, *args, **kwargs)
        page_cache.store_api_data(key, response)
        return response

    return cached_get


class ReadMixin:
    """Public, read-only endpoint. Subclasses set `tag` (their group in the documentation)."""

    http_method_names = ["get", "head", "options"]
    schema = ReadSchema()
    tag = None
    language = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.language = languages.requested_language(request)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "get" in cls.__dict__:
            cls.get = _from_page_cache(cls.__dict__["get"])

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "language": self.language}

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Link"] = LICENSE_LINK
        if self.language is not None:
            response["Content-Language"] = languages.content_language(self.language)
        if request.method in ("GET", "HEAD") and response.status_code in (200, 304):
            caching.public_headers(response)
            if hasattr(response, "add_post_render_callback"):
                response.add_post_render_callback(lambda rendered: caching.etag_from_body(request, rendered))
        return response


class ReadListView(ReadMixin, generics.ListAPIView):
    """A public list, paginated by a cursor on `pagination_class.ordering` (set per view)."""

    pagination_class = ApiCursorPagination


class ReadDetailView(ReadMixin, generics.RetrieveAPIView):
    """One public object, found by its public key (`lookup_field`)."""


def ordered_pagination(*ordering):
    """An ApiCursorPagination on a unique, unchanging order."""
    return type("Pagination", (ApiCursorPagination,), {"ordering": ordering})
