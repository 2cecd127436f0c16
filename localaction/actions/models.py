"""Local actions: practices (already implemented) and pledges (new, measurable, time-bound commitments)."""
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from localaction.core.translation import LANGUAGE_CODES, TranslatableMixin

# Crockford's base32 without I, L, O, U: short ids that survive being read aloud or typed from paper.
PUBLIC_ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def new_public_id():
    return "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(8))


class ActionQuerySet(models.QuerySet):
    def published(self):
        """The only queryset public pages read from."""
        return self.filter(status=Action.Status.PUBLISHED)

    def involving(self, government):
        """Actions a government leads or has confirmed joining as a co-pledger."""
        return self.filter(
            models.Q(government=government)
            | models.Q(co_pledger_links__government=government, co_pledger_links__confirmed_at__isnull=False)
        ).distinct()

    def for_listing(self):
        """What a list of action cards needs, in a fixed number of queries."""
        return self.select_related("government__country__region").prefetch_related(
            "gcm_objectives", "gcr_areas"
        )


def validate_inspired_by(action, original):
    """An action can name as its inspiration only a published action (of any government) other than itself or
    the action it is a working copy of, and not one that names it in turn (replication goes one way)."""
    if original is None:
        return
    own = {action.pk, action.revision_of_id} - {None}
    if original.pk in own:
        raise ValidationError(_("An action cannot be inspired by itself."), code="self")
    if original.status != Action.Status.PUBLISHED or original.revision_of_id:
        raise ValidationError(_("Only a published action can be named as the inspiration."), code="unpublished")
    if original.inspired_by_id in own:
        raise ValidationError(_("That action already names this one as its inspiration."), code="cycle")


class Action(TranslatableMixin, models.Model):
    """A practice or a pledge of a lead government, mapped to the Compacts and the SDGs."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("Practice")
        PLEDGE = "pledge", _("Pledge")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Stage(models.TextChoices):
        PLANNING = "planning", _("Planning stage")
        IN_PROGRESS = "in_progress", _("In progress")
        FULFILLED = "fulfilled", _("Fulfilled")
        DISCONTINUED = "discontinued", _("Discontinued")

    class TranslationStatus(models.TextChoices):
        MISSING = "missing", _("Missing")
        SUBMITTED = "submitted", _("Submitted by the owner")
        CHECKED = "checked", _("Checked by a reviewer")

    public_id = models.CharField(_("public identifier"), max_length=8, unique=True, default=new_public_id, editable=False)
    slug = models.SlugField(_("slug"), max_length=80, blank=True, help_text=_("Fixed when first published."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PRACTICE, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, blank=True, help_text=_("Pledges only."))

    government = models.ForeignKey(
        "governments.Government", verbose_name=_("lead government"), on_delete=models.PROTECT, related_name="actions"
    )
    co_pledgers = models.ManyToManyField(
        "governments.Government", through="CoPledger", related_name="co_pledged_actions", blank=True,
        verbose_name=_("co-pledging governments"),
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("campaign"), null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    # Where the action was announced (a forum can hear of actions submitted to other campaigns): set by reviewers
    # (campaigns.services.set_announced_at), outside the reviewed content, so it is not part of revisions.
    announced_at = models.ManyToManyField(
        "campaigns.Campaign", verbose_name=_("announced at"), blank=True, related_name="announced_actions"
    )
    revision_of = models.ForeignKey(
        "self", verbose_name=_("proposed change to"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="pending_revisions",
        help_text=_("Set on the working copy of a published action; the public page changes only when approved."),
    )
    editor_step = models.CharField(_("last editor step"), max_length=20, blank=True)
    review_note = models.TextField(_("note from the reviewers"), blank=True)
    matches = models.ForeignKey(
        "self", verbose_name=_("answers the pledge"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="matched_by", help_text=_("A pledge that this one answers (support offered ⇄ support sought)."),
    )
    # Replication made visible: the original's page counts the published actions that name it here.
    inspired_by = models.ForeignKey(
        "self", verbose_name=_("inspired by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="replications", help_text=_("A published action that this one replicates or adapts."),
    )

    original_language = models.CharField(_("original language"), max_length=2, choices=settings.CONTENT_LANGUAGES, default="en")
    translation_status = models.JSONField(
        _("translation status"), default=dict, blank=True,
        help_text=_('Per language: "submitted" (by the owner) or "checked" (by a reviewer); missing when empty.'),
    )
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    summary_es = models.TextField(_("summary (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    goals_en = models.TextField(_("goals (English)"), blank=True)
    goals_fr = models.TextField(_("goals (French)"), blank=True)
    goals_es = models.TextField(_("goals (Spanish)"), blank=True)

    terms = models.ManyToManyField(
        "taxonomy.Term", verbose_name=_("themes, target groups and other terms"), blank=True, related_name="actions"
    )
    gcm_objectives = models.ManyToManyField("taxonomy.GCMObjective", verbose_name=_("GCM objectives"), blank=True, related_name="actions")
    guiding_principles = models.ManyToManyField(
        "taxonomy.GuidingPrinciple", verbose_name=_("GCM guiding principles"), blank=True, related_name="actions"
    )
    gcr_objectives = models.ManyToManyField("taxonomy.GCRObjective", verbose_name=_("GCR objectives"), blank=True, related_name="actions")
    gcr_areas = models.ManyToManyField("taxonomy.GCRArea", verbose_name=_("GCR areas of focus"), blank=True, related_name="actions")
    sdgs = models.ManyToManyField("taxonomy.SDG", verbose_name=_("Sustainable Development Goals"), blank=True, related_name="actions")

    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget = models.DecimalField(_("budget"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="USD", help_text=_("ISO 4217 code, e.g. USD, EUR."))
    funding_sources = models.TextField(_("funding sources"), blank=True)
    unmet_funding_need = models.DecimalField(_("unmet funding need"), max_digits=16, decimal_places=2, null=True, blank=True)
    partnership_sought = models.TextField(_("partnership sought"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    # Date of the latest published progress update (or of publication): due, overdue and inactive count from it.
    last_progress_on = models.DateField(_("last progress reported on"), null=True, blank=True, db_index=True)
    show_as_practice = models.BooleanField(
        _("show as a practice"), default=False,
        help_text=_("A fulfilled pledge can be listed with the practices; its pledge history stays on its page."),
    )

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        indexes = [models.Index(fields=["status", "-published_at"], name="action_status_published")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True) | models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="action_dates_order",
            ),
            models.CheckConstraint(condition=~models.Q(title_en="", title_fr="", title_es=""), name="action_has_a_title"),
        ]

    def __str__(self):
        return str(self.t.title)

    def save(self, *args, **kwargs):
        # The slug follows the original-language title until the action is first published, then never changes:
        # published URLs are shared and cited. (The public id alone already finds the action.)
        if not self.slug or self.published_at is None:
            self.slug = slugify(self.translated("title", self.original_language).text)[:80].strip("-") or "action"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("actions:detail", args=[self.public_id, self.slug])

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_reviewed(self):
        return self.reviewed_at is not None

    def translation_state(self, language):
        """"original", "missing", "submitted" or "checked" for one language."""
        if language == self.original_language:
            return "original"
        if not getattr(self, f"title_{language}", ""):
            return self.TranslationStatus.MISSING.value
        return self.translation_status.get(language, self.TranslationStatus.SUBMITTED.value)

    def translation_states(self):
        return {code: self.translation_state(code) for code in LANGUAGE_CODES}

    def terms_by_vocabulary(self):
        """{vocabulary: [terms]} from the prefetched terms, in vocabulary order."""
        grouped = {}
        for term in sorted(self.terms.all(), key=lambda t: (t.vocabulary.position, t.position)):
            grouped.setdefault(term.vocabulary, []).append(term)
        return grouped


class CoPledger(models.Model):
    """A government that joins a lead government's pledge; the lead reports for all once it has confirmed."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="co_pledger_links")
    government = models.ForeignKey("governments.Government", verbose_name=_("government"), on_delete=models.CASCADE)
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True, null=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined at"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action", "government"], name="copledger_unique")]
        verbose_name = _("co-pledging government")
        verbose_name_plural = _("co-pledging governments")

    def __str__(self):
        return str(self.government)


class Partner(models.Model):
    """An organisation that takes part in an action."""

    class Kind(models.TextChoices):
        NATIONAL_GOVERNMENT = "national_government", _("National government")
        UN_AGENCY = "un_agency", _("UN agency or international organisation")
        CIVIL_SOCIETY = "civil_society", _("Civil society organisation")
        MIGRANT_LED = "migrant_led", _("Migrant- or refugee-led organisation")
        ACADEMIA = "academia", _("Academia or research")
        PRIVATE_SECTOR = "private_sector", _("Private sector")
        OTHER = "other", _("Other")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name


class Indicator(models.Model):
    """A measurable indicator of a pledge, with its baseline and target."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=16, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=2, null=True, blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name


class Link(models.Model):
    """A web page about the action."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("address"), max_length=500)
    title = models.CharField(_("title"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.title or self.url


def document_path(instance, filename):
    # Random names: uploaded file names never reach the file system or the public.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"actions/{instance.action.public_id}/{secrets.token_hex(16)}.{extension}"


class Document(models.Model):
    """A file attached to an action (report, photo, policy text)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path)
    is_public = models.BooleanField(_("public"), default=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


class ActionRevision(models.Model):
    """A snapshot of an action's content as a reviewer approved it: the first publication and every approved
    change. Kept for ever, so owners and reviewers can see what the public saw at any time."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    data = models.JSONField(_("content"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(_("approved at"))

    class Meta:
        ordering = ["action", "-number"]
        constraints = [models.UniqueConstraint(fields=["action", "number"], name="action_revision_number_unique")]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self):
        return f"{self.action.public_id} r{self.number}"
