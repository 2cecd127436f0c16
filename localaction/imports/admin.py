from django.contrib import admin

from .models import ColumnMapping, ImportBatch, ImportedRecord


@admin.register(ColumnMapping)
class ColumnMappingAdmin(admin.ModelAdmin):
    list_display = ["name", "created_by", "created_at"]
    search_fields = ["name"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["pk", "source", "filename", "status", "created", "updated", "unchanged", "errors", "created_at"]
    list_filter = ["status"]
    search_fields = ["source", "filename"]
    readonly_fields = ["file", "headers", "report", "created", "updated", "unchanged", "errors", "created_by", "imported_at"]


@admin.register(ImportedRecord)
class ImportedRecordAdmin(admin.ModelAdmin):
    """Read-only: these records are what makes a re-import update rather than duplicate."""

    list_display = ["source", "external_id", "action", "updated_at"]
    search_fields = ["source", "external_id", "action__public_id"]
    raw_id_fields = ["action", "batch"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
