from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from localaction.core.admin_utils import side_by_side

from .models import Evidence, IndicatorValue, PeopleReached, ProgressUpdate


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0
    raw_id_fields = ("indicator",)


class PeopleReachedInline(admin.TabularInline):
    model = PeopleReached
    extra = 0


class EvidenceInline(admin.TabularInline):
    """Titles and links can be corrected; files are added through the workspace form, which checks them."""

    model = Evidence
    extra = 0
    fields = ("title", "url", "download")
    readonly_fields = ("download",)

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, evidence):
        # Not the file field's own link: that would point at MEDIA_URL, which serves nothing (and must not).
        if not evidence.file:
            return "–"
        return format_html('<a href="{}">{}</a>', reverse("progress:evidence", args=[evidence.pk]), _("Download"))


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    """Read and correct progress updates. Submitting, publishing and returning happen in the workspace, so they
    are logged, notified and move the pledge's stage; the status fields are read-only here."""

    list_display = ("__str__", "action", "status", "stage", "reported_on", "submitted_at", "published_at")
    list_filter = ("status", "stage", "original_language")
    search_fields = ("action__public_id", "action__title_en", "action__title_fr", "action__title_es", "action__government__name")
    list_select_related = ("action",)
    date_hierarchy = "reported_on"
    raw_id_fields = ("action",)
    inlines = [IndicatorValueInline, PeopleReachedInline, EvidenceInline]
    readonly_fields = ("action", "status", "review_note", "created_by", "created_at", "submitted_at", "published_at")
    fieldsets = (
        (None, {"fields": (("action", "status"), ("stage", "reported_on"), "discontinued_reason")}),
        (_("What was done"), {"fields": ("original_language", *side_by_side("narrative"))}),
        (_("Money"), {"fields": (("money_committed", "money_spent", "currency"),)}),
        (_("Record"), {"fields": ("review_note", ("created_by", "created_at"), ("submitted_at", "published_at"))}),
    )

    def has_add_permission(self, request):
        return False
