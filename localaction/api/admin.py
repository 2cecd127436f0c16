from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Support can see which tokens exist and when they were used; secrets are never stored, and tokens are
    created and revoked by their owners in the workspace (which records it in the activity log)."""

    list_display = ("name", "prefix", "user", "created_at", "last_used_at", "expires_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("name", "prefix", "user__email")
    list_select_related = ("user",)
    fields = ("name", "prefix", "user", "created_at", "last_used_at", "expires_at", "revoked_at", "state_label")
    readonly_fields = fields
    date_hierarchy = "created_at"

    @admin.display(description=_("state"))
    def state_label(self, token):
        return token.state_label

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
