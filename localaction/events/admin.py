from django.contrib import admin

from localaction.core.admin_utils import side_by_side

from .models import Event, Slot, Speaker


class SlotInline(admin.TabularInline):
    model = Slot
    extra = 0
    fields = ("starts_at", "ends_at", "title_en", "title_fr", "title_es", "order")
    show_change_link = True


class SpeakerInline(admin.TabularInline):
    model = Speaker
    extra = 0
    fields = ("name", "title", "organisation", "role", "to_be_confirmed", "order")


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """Times in the admin are in the site's zone (UTC); reviewers' pages enter them in the event's zone."""

    list_display = ("title_en", "starts_at", "time_zone", "online", "is_published")
    list_filter = ("is_published", "online")
    search_fields = ("title_en", "title_fr", "title_es", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("campaigns",)
    fields = (
        "slug", *side_by_side("title", "description"), ("starts_at", "ends_at", "time_zone"),
        ("venue_name", "venue_address"), ("online", "livestream_url"), "interpretation_languages", "hashtags",
        ("organisers", "partners"), "campaigns", "is_published",
    )
    inlines = [SlotInline]


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ("title_en", "event", "starts_at", "ends_at")
    list_filter = ("event",)
    list_select_related = ("event",)
    search_fields = ("title_en", "title_fr", "title_es")
    inlines = [SpeakerInline]
