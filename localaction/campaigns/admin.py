from django.contrib import admin

from localaction.core.admin_utils import side_by_side

from .models import Campaign


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("name_en", "forum", "forum_date", "opens_on", "closes_on")
    list_filter = ("forum",)
    search_fields = ("name_en", "name_fr", "name_es", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    fields = ("slug", *side_by_side("name", "description"), ("forum", "forum_date"), ("opens_on", "closes_on"))
