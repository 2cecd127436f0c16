from django.contrib import admin

from .models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "status", "attempts", "run_after", "finished_at")
    list_filter = ("status", "kind")
    search_fields = ("kind", "unique_key")
    readonly_fields = ("kind", "payload", "unique_key", "attempts", "last_error", "created_at", "finished_at")
    actions = ["retry"]

    @admin.action(description="Retry now")
    def retry(self, request, queryset):
        from django.utils import timezone

        queryset.exclude(status=Job.Status.DONE).update(status=Job.Status.PENDING, run_after=timezone.now(), attempts=0)
