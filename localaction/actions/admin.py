from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from localaction.core.admin_utils import side_by_side

from .models import Action, CoPledger, Document, Indicator, Link, Partner


class CoPledgerInline(admin.TabularInline):
    model = CoPledger
    autocomplete_fields = ("government",)
    extra = 0


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


class LinkInline(admin.TabularInline):
    model = Link
    extra = 0


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "public_id", "kind", "status", "government", "original_language", "published_at")
    list_filter = ("status", "kind", "original_language", "campaign", "gcm_objectives", "gcr_areas", "government__country__region")
    search_fields = ("public_id", "title_en", "title_fr", "title_es", "government__name")
    list_select_related = ("government",)
    readonly_fields = ("public_id", "created_at", "updated_at", "created_by")
    autocomplete_fields = ("government", "matches", "inspired_by")
    filter_horizontal = ("terms", "gcm_objectives", "guiding_principles", "gcr_objectives", "gcr_areas", "sdgs")
    date_hierarchy = "published_at"
    inlines = [CoPledgerInline, PartnerInline, IndicatorInline, LinkInline, DocumentInline]
    fieldsets = (
        (None, {"fields": (("public_id", "slug"), ("kind", "status", "stage"), ("government", "campaign", "matches", "inspired_by"))}),
        (_("Content"), {"fields": (("original_language", "translation_status"), *side_by_side("title", "summary", "description", "goals"))}),
        (_("Mapping"), {"fields": ("terms", "gcm_objectives", "guiding_principles", "gcr_objectives", "gcr_areas", "sdgs")}),
        (_("Dates and money"), {"fields": (("start_date", "end_date"), ("budget", "currency"), "funding_sources", "unmet_funding_need", "partnership_sought")}),
        (_("Record"), {"fields": (("created_by", "created_at", "updated_at"), ("published_at", "reviewed_at"))}),
    )
