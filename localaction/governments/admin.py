from django.contrib import admin

from .models import Government, GovernmentRequest, Invitation, Membership


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


@admin.register(GovernmentRequest)
class GovernmentRequestAdmin(admin.ModelAdmin):
    list_display = ("government", "kind", "user", "role", "status", "created_at", "decided_at")
    list_filter = ("status", "kind", "role")
    search_fields = ("government__name", "user__email", "user__full_name")
    autocomplete_fields = ("user", "government")
    list_select_related = ("government", "user")
    # Decisions go through the reviewers' queue, which verifies, records and notifies; here they are only read.
    readonly_fields = ("status", "reason", "decided_by", "decided_at", "created_at")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "government", "role", "invited_by", "created_at", "expires_at", "accepted_at", "revoked_at")
    list_filter = ("role",)
    search_fields = ("email", "government__name")
    autocomplete_fields = ("government",)
    list_select_related = ("government", "invited_by")
    # Only a hash of the token is stored; it is shown so support can match a reported link, never edited.
    readonly_fields = ("token_hash", "invited_by", "created_at", "accepted_at", "accepted_by")
    fields = (
        "government", "email", "role", "token_hash", "invited_by", "created_at", "expires_at",
        "accepted_at", "accepted_by", "revoked_at",
    )

    def has_add_permission(self, request):
        # A new invitation needs a token sent by e-mail: the members page makes it (services.invite).
        return False
