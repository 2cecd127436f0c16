"""Campaigns: cohorts of actions collected for a UN review forum (IMRF, GRF) within a submission window, and
the snapshot of what each campaign handed over, frozen on its forum date."""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from localaction.core.translation import TranslatableMixin


class Campaign(TranslatableMixin, models.Model):
    """E.g. "IMRF 2026": a forum, its date, and the window in which actions can be submitted for it."""

    class Forum(models.TextChoices):
        IMRF = "imrf", _("International Migration Review Forum")
        GRF = "grf", _("Global Refugee Forum")
        OTHER = "other", _("Other")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    forum = models.CharField(_("forum"), max_length=10, choices=Forum.choices)
    forum_date = models.DateField(_("forum date"))
    opens_on = models.DateField(_("submissions open on"))
    closes_on = models.DateField(_("submissions close on"))
    reporting_interval_months = models.PositiveSmallIntegerField(
        _("progress reported every (months)"), default=6, help_text=_("How often its pledges are due to report progress.")
    )

    class Meta:
        ordering = ["-forum_date"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [
            models.CheckConstraint(condition=models.Q(opens_on__lte=models.F("closes_on")), name="campaign_window_order"),
        ]

    def __str__(self):
        return str(self.t.name)

    def get_absolute_url(self):
        return reverse("actions:list") + f"?campaign={self.slug}"

    WINDOW_UPCOMING, WINDOW_OPEN, WINDOW_CLOSED = "upcoming", "open", "closed"

    @property
    def is_open(self):
        return self.window_state() == self.WINDOW_OPEN

    def window_state(self, today=None):
        """"upcoming", "open" or "closed": where `today` (the local date by default) falls in the window."""
        today = today or timezone.localdate()
        if today < self.opens_on:
            return self.WINDOW_UPCOMING
        if today > self.closes_on:
            return self.WINDOW_CLOSED
        return self.WINDOW_OPEN


class FrozenError(Exception):
    """A frozen snapshot is never changed: what was handed over stays as it was."""


class CampaignSnapshot(models.Model):
    """What a campaign hands over: its published actions as they stood when it froze (on its forum date, or
    earlier at a reviewer's request). Written once with its entries and never changed, so every package built
    from it holds the same records."""

    campaign = models.OneToOneField(
        Campaign, verbose_name=_("campaign"), on_delete=models.PROTECT, related_name="snapshot"
    )
    frozen_at = models.DateTimeField(_("frozen at"))
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("frozen by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("Empty when the scheduled job froze it on the forum date."),
    )
    action_count = models.PositiveIntegerField(_("actions"))

    class Meta:
        ordering = ["-frozen_at"]
        verbose_name = _("campaign snapshot")
        verbose_name_plural = _("campaign snapshots")

    def __str__(self):
        return str(self.campaign)

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise FrozenError("a frozen snapshot cannot change")
        super().save(*args, **kwargs)


class SnapshotEntry(models.Model):
    """One action as its campaign handed it over: `data` holds the revision serialization of its content
    (actions.services.snapshot_data) with what the recipients need besides (government, co-pledgers, codes)."""

    snapshot = models.ForeignKey(CampaignSnapshot, on_delete=models.CASCADE, related_name="entries")
    # The entry outlives the action: it keeps the public id, and the link is cleared if the action is deleted.
    action = models.ForeignKey(
        "actions.Action", verbose_name=_("action"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    public_id = models.CharField(_("public identifier"), max_length=8)
    position = models.PositiveIntegerField(_("position"))
    revision = models.PositiveIntegerField(_("revision handed over"), null=True, blank=True)
    data = models.JSONField(_("content"))

    class Meta:
        ordering = ["snapshot", "position"]
        verbose_name = _("snapshot entry")
        verbose_name_plural = _("snapshot entries")
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "public_id"], name="snapshot_entry_unique_action"),
            models.UniqueConstraint(fields=["snapshot", "position"], name="snapshot_entry_unique_position"),
        ]

    def __str__(self):
        return f"{self.snapshot} · {self.public_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise FrozenError("a frozen snapshot entry cannot change")
        super().save(*args, **kwargs)
