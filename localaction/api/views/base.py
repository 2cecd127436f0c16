"""What every read endpoint shares: GET only, the language of the answer, public caching with an ETag, the licence
link, and the documented answers (schema.ReadSchema)."""
from rest_framework import generics

from .. import caching, languages
from ..pagination import ApiCursorPagination
from ..schema import LICENSE_LINK, ReadSchema


class ReadMixin:
    """Public, read-only endpoint. Subclasses set `tag` (their group in the documentation)."""

    http_method_names = ["get", "head", "options"]
    schema = ReadSchema()
    tag = None
    language = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.language = languages.requested_language(request)

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
