from django.contrib import admin

from .models import Government, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    autocomplete_fields = ("user",)
    extra = 0


@admin.register(Government)
class GovernmentAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "verified", "is_demo", "created_at")
    list_filter = ("verified", "kind", "country__region", "is_demo")
    search_fields = ("name", "slug", "country__name_en")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("country",)
    list_select_related = ("country",)
    inlines = [MembershipInline]
    fields = (
        ("name", "slug"), ("kind", "country"), "population", ("latitude", "longitude"), "website",
        ("verified", "verified_at"), "is_demo",
    )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "government", "role", "created_at")
    list_filter = ("role",)
    search_fields = ("user__email", "government__name")
    autocomplete_fields = ("user", "government")
    list_select_related = ("user", "government")
