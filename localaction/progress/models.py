"""Progress on pledges: updates posted by the lead government, reviewed like actions, shown as a timeline;
and the reminders sent when an update is due."""
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from localaction.actions.models import Action
from localaction.core.translation import TranslatableMixin


class ProgressUpdate(TranslatableMixin, models.Model):
    """One report on a published pledge: its stage, what was done, figures. The pledge's current stage is the
    stage of its latest published update."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned with comments")
        PUBLISHED = "published", _("Published")

    action = models.ForeignKey(Action, verbose_name=_("pledge"), on_delete=models.CASCADE, related_name="progress_updates")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    stage = models.CharField(_("stage"), max_length=20, choices=Action.Stage.choices)
    discontinued_reason = models.TextField(_("why it was discontinued"), blank=True)
    reported_on = models.DateField(_("situation on"))
    original_language = models.CharField(_("original language"), max_length=2, choices=settings.CONTENT_LANGUAGES, default="en")
    narrative_en = models.TextField(_("what was done (English)"), blank=True)
    narrative_fr = models.TextField(_("what was done (French)"), blank=True)
    narrative_es = models.TextField(_("what was done (Spanish)"), blank=True)
    money_committed = models.DecimalField(_("money committed"), max_digits=16, decimal_places=2, null=True, blank=True)
    money_spent = models.DecimalField(_("money spent"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    review_note = models.TextField(_("note from the reviewers"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-reported_on", "-id"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(stage="discontinued") | ~models.Q(discontinued_reason=""),
                name="progress_discontinued_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.action.public_id} {self.reported_on} ({self.get_stage_display()})"

    @property
    def is_editable(self):
        """Its owners may still change it (a draft, or returned by the reviewers)."""
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    def narratives(self):
        """[(language code, text)] for each language the narrative is written in, the original language first."""
        codes = [self.original_language] + [code for code, _name in settings.CONTENT_LANGUAGES if code != self.original_language]
        return [(code, getattr(self, f"narrative_{code}")) for code in codes if getattr(self, f"narrative_{code}", "")]


class IndicatorValue(models.Model):
    """The value an indicator of the pledge reached at the update's date."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="indicator_values")
    indicator = models.ForeignKey("actions.Indicator", verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["update", "indicator"], name="indicator_value_once_per_update")]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")


class PeopleReached(models.Model):
    """How many people of one target group the pledge reached (cumulative, at the update's date)."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="people_reached")
    target_group = models.ForeignKey(
        "taxonomy.Term", verbose_name=_("target group"), on_delete=models.PROTECT, related_name="+",
        limit_choices_to={"vocabulary_id": "target_groups"},
    )
    count = models.PositiveIntegerField(_("people reached"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["update", "target_group"], name="people_reached_once_per_group")]
        verbose_name = _("people reached")
        verbose_name_plural = _("people reached")


def evidence_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"progress/{instance.update.action.public_id}/{secrets.token_hex(16)}.{extension}"


class Evidence(models.Model):
    """A link or a file that shows the progress."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to=evidence_path, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        constraints = [
            models.CheckConstraint(condition=~models.Q(url="") | ~models.Q(file=""), name="evidence_has_url_or_file"),
        ]


class Reminder(models.Model):
    """A reminder sent (or queued) to a pledge's focal points. Unique per pledge, kind and due date, so running the
    reminder job twice — or after a crash — never sends the same reminder twice."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Update due soon")
        OVERDUE = "overdue", _("Update overdue")
        FORUM = "forum", _("Forum coming")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    due_on = models.DateField(_("for the date"))
    campaign = models.ForeignKey("campaigns.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["action", "kind", "due_on"], name="reminder_once_per_due_date")]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
