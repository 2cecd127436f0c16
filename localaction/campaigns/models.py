"""Campaigns: cohorts of actions collected for a UN review forum (IMRF, GRF) within a submission window."""
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

    @property
    def is_open(self):
        today = timezone.localdate()
        return self.opens_on <= today <= self.closes_on
