from django.contrib import admin

from .models import ActivityLog


@admin.register(ActivityLog)
class ActivityLogAdmin(admin.ModelAdmin):
    """Read-only: the log is written by services, never edited by hand."""

    list_display = ("created_at", "actor", "verb", "content_type", "object_id", "government")
    list_filter = ("verb", "content_type")
    search_fields = ("verb", "object_id", "actor__email")
    date_hierarchy = "created_at"
    list_select_related = ("actor", "content_type", "government")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
