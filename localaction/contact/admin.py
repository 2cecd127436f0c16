from django.contrib import admin
from django.utils import timezone

from .models import BlockedSender, ContactMessage, ContactReply, VerifiedPartner


@admin.register(VerifiedPartner)
class VerifiedPartnerAdmin(admin.ModelAdmin):
    list_display = ("organisation", "user", "verified_at", "active")
    list_filter = ("active",)
    search_fields = ("organisation", "user__email", "user__full_name")
    autocomplete_fields = ("user",)
    readonly_fields = ("verified_by", "verified_at")

    def save_model(self, request, obj, form, change):
        # The reviewers' page records who verified; the admin does the same.
        obj.verified_by = obj.verified_by or request.user
        obj.verified_at = obj.verified_at or timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(BlockedSender)
class BlockedSenderAdmin(admin.ModelAdmin):
    list_display = ("user", "blocked_by", "blocked_at")
    readonly_fields = ("user", "reason", "blocked_by", "blocked_at")

    def has_add_permission(self, request):
        return False  # blocking goes through the relay log, which records it


class ContactReplyInline(admin.TabularInline):
    model = ContactReply
    extra = 0
    can_delete = False
    readonly_fields = ("author", "author_name", "from_government", "body", "created_at")


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Read-only: the relay log of the workspace is where reviewers act."""

    list_display = ("subject", "sender_organisation", "government", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("subject", "sender__email", "government__name")
    inlines = [ContactReplyInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False
