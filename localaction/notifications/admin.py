from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read-only: notices are written by services."""

    list_display = ("created_at", "user", "verb", "read_at")
    list_filter = ("verb",)
    search_fields = ("user__email", "verb")
    list_select_related = ("user",)
    readonly_fields = ("user", "verb", "context", "url", "created_at", "read_at")

    def has_add_permission(self, request):
        return False
