from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Endorsement


@admin.register(Endorsement)
class EndorsementAdmin(admin.ModelAdmin):
    """Read and correct endorsements. Verifying and rejecting happen in the workspace (so they are logged and
    notified), endorsements arrive through the workspace form, and the letter is served only by the workspace view."""

    list_display = ("government", "signatory_title", "signed_on", "status", "created_at", "decided_at")
    list_filter = ("status", "government__country__region")
    search_fields = ("government__name", "government__slug")
    list_select_related = ("government",)
    date_hierarchy = "signed_on"
    fields = (
        "government", ("signatory_name", "signatory_title"), "signed_on", "letter_link",
        "status", "reason", ("submitted_by", "created_at"), ("decided_by", "decided_at"),
    )
    readonly_fields = ("government", "letter_link", "status", "reason", "submitted_by", "created_at", "decided_by", "decided_at")

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("signed letter (PDF)"))
    def letter_link(self, endorsement):
        # Not the file field's own link: that would point at MEDIA_URL, which serves nothing (and must not).
        return format_html('<a href="{}">{}</a>', reverse("declarations_workspace:letter", args=[endorsement.pk]), _("Download"))
