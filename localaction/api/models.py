"""Per-user API tokens: what a government's own system uses to write drafts and progress through the API."""
import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Secrets look like "lat_" + 43 URL-safe characters; the tag lets secret scanners and people recognise them.
SECRET_TAG = "lat_"
PREFIX_LENGTH = len(SECRET_TAG) + 8


def digest(secret):
    """The SHA-256 of a secret, the only form in which it is stored. Secrets carry 256 random bits, so a fast
    hash is enough (a slow one would only slow every API call); a copy of the database holds no usable token."""
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    """A secret a user gives one of their systems. It acts as that user, with exactly the rights the user's
    memberships give; only its hash and a short prefix (to recognise it) are stored."""

    class State(models.TextChoices):
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the token is for, e.g. the system that uses it.")
    )
    prefix = models.CharField(_("prefix"), max_length=PREFIX_LENGTH, editable=False)
    secret_digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def state(self, now=None):
        """Active, expired or revoked (revoked wins: it is what the owner did)."""
        if self.revoked_at is not None:
            return self.State.REVOKED
        if self.expires_at is not None and self.expires_at <= (now or timezone.now()):
            return self.State.EXPIRED
        return self.State.ACTIVE

    @property
    def state_label(self):
        return self.state().label

    @property
    def is_usable(self):
        return self.state() == self.State.ACTIVE
