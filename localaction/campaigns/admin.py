from django.contrib import admin

from localaction.core.admin_utils import side_by_side

from .models import Campaign, CampaignSnapshot, SnapshotEntry


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("name_en", "forum", "forum_date", "opens_on", "closes_on")
    list_filter = ("forum",)
    search_fields = ("name_en", "name_fr", "name_es", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    fields = (
        "slug", *side_by_side("name", "description"), ("forum", "forum_date"), ("opens_on", "closes_on"),
        "reporting_interval_months",
    )


class ReadOnlyAdmin(admin.ModelAdmin):
    """Frozen snapshots are written by campaigns.services.freeze only, and never changed: the admin only reads."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CampaignSnapshot)
class CampaignSnapshotAdmin(ReadOnlyAdmin):
    list_display = ("campaign", "frozen_at", "frozen_by", "action_count")
    list_select_related = ("campaign", "frozen_by")


@admin.register(SnapshotEntry)
class SnapshotEntryAdmin(ReadOnlyAdmin):
    list_display = ("public_id", "snapshot", "position", "revision")
    list_filter = ("snapshot",)
    list_select_related = ("snapshot__campaign",)
    search_fields = ("public_id",)
