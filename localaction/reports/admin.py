from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from localaction.core.admin_utils import side_by_side

from .models import AnnualReport, Certificate, GeneratedFile


@admin.register(GeneratedFile)
class GeneratedFileAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "status", "progress", "language", "requested_by", "created_at", "finished_at")
    list_filter = ("kind", "status", "language")
    search_fields = ("title",)
    readonly_fields = ("sha256", "size", "created_at", "started_at", "finished_at")


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    list_display = ("__str__", "period_start", "period_end", "is_published", "updated_by", "updated_at")
    list_filter = ("is_published",)
    autocomplete_fields = ("highlighted_actions",)
    readonly_fields = ("created_by", "updated_by", "created_at", "updated_at", "published_at")
    fieldsets = (
        (None, {"fields": (("period_start", "period_end"), "is_published", "highlighted_actions")}),
        (_("Introduction"), {"fields": side_by_side("intro")}),
        (_("History"), {"fields": (("created_by", "created_at"), ("updated_by", "updated_at"), "published_at")}),
    )


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Certificates are issued by focal points from their workspace; the admin only reads them."""

    list_display = ("code", "government", "basis", "campaign", "language", "issued_at")
    list_filter = ("basis", "language")
    search_fields = ("code", "government__name")
    readonly_fields = ("code", "government", "basis", "campaign", "language", "facts", "file", "issued_by", "issued_at")

    def has_add_permission(self, request):
        return False
