"""The library in the admin, for corrections: the same form (and upload checks) as the reviewers' pages."""
from django.contrib import admin

from localaction.core.admin_utils import side_by_side

from .forms import ResourceForm
from .models import Resource


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    form = ResourceForm
    list_display = ("__str__", "type", "language", "year", "is_published", "updated_at")
    list_filter = ("is_published", "type", "language", "year")
    search_fields = ("title_en", "title_fr", "title_es", "publisher")
    readonly_fields = ("file_kind", "file_size", "created_by", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": side_by_side("title") + side_by_side("summary")}),
        (None, {"fields": ("type", "language", "year", "publisher", "gcm_objectives", "gcr_objectives", "sdgs")}),
        (None, {"fields": ("file", "remove_file", "url", "file_kind", "file_size", "is_published")}),
        (None, {"fields": ("created_by", "created_at", "updated_at")}),
    )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
