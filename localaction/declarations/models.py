"""Endorsements of the Marrakech Mayors Declaration (2018) by local and regional governments."""
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def letter_path(instance, filename):
    # Random names outside the static tree; letters are served only through a permission check.
    return f"declarations/{secrets.token_hex(16)}.pdf"


class EndorsementQuerySet(models.QuerySet):
    def verified(self):
        """Endorsements shown on the public list of signatories."""
        return self.filter(status=Endorsement.Status.VERIFIED, government__verified=True)


class Endorsement(models.Model):
    """A government's endorsement: who signed, when, and the signed letter; a reviewer verifies it."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    government = models.ForeignKey("governments.Government", verbose_name=_("government"), on_delete=models.CASCADE, related_name="endorsements")
    signatory_name = models.CharField(_("signatory’s name"), max_length=200)
    signatory_title = models.CharField(_("signatory’s title"), max_length=200, help_text=_("E.g. Mayor of Lyon."))
    signed_on = models.DateField(_("date of signature"))
    letter = models.FileField(_("signed letter (PDF)"), upload_to=letter_path)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED, db_index=True)
    reason = models.TextField(_("reason"), blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = EndorsementQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "-id"]
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            # One endorsement in play per government: a rejected one can be replaced, a live one cannot be doubled.
            models.UniqueConstraint(fields=["government"], condition=~models.Q(status="rejected"), name="one_live_endorsement_per_government")
        ]

    def __str__(self):
        return f"{self.government} — {self.signed_on}"
