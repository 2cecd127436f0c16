"""The Global Cities Fund: funding rounds with their criteria and questions, applications moving through stages,
their evaluation, and the grants awarded with their tranches and reports."""
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from localaction.core.translation import TranslatableMixin

USER = settings.AUTH_USER_MODEL


class Theme(TranslatableMixin, models.Model):
    """A chapter of the Fund (e.g. "inclusive climate action"), editable by fund managers in the admin."""

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("theme chapter")
        verbose_name_plural = _("theme chapters")

    def __str__(self):
        return str(self.t.name)




class Stage(models.TextChoices):
    """The stages of an application, in order; the last three are decisions."""

    INTAKE = "intake", _("Intake (expression of interest)")
    INVITED = "invited", _("Invited to a concept note")
    CONCEPT_NOTE = "concept_note", _("Concept note")
    PROPOSAL = "proposal", _("Proposal")
    UNDER_EVALUATION = "under_evaluation", _("Under evaluation")
    AWARDED = "awarded", _("Awarded")
    WAITLISTED = "waitlisted", _("Waitlisted")
    DECLINED = "declined", _("Declined")


class FormStage(models.TextChoices):
    """The stages at which an applicant answers questions."""

    INTAKE = "intake", _("Intake")
    CONCEPT_NOTE = "concept_note", _("Concept note")
    PROPOSAL = "proposal", _("Proposal")


class Round(TranslatableMixin, models.Model):
    """A call for applications: who may apply, for how much, until when, judged on which criteria."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft (not public)")
        OPEN = "open", _("Open for applications")
        EVALUATING = "evaluating", _("Closed, under evaluation")
        COMPLETED = "completed", _("Completed")

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("theme chapters"), blank=True, related_name="rounds")
    eligible_regions = models.ManyToManyField(
        "taxonomy.Region", verbose_name=_("eligible regions"), blank=True, related_name="+",
        help_text=_("Leave empty to accept every region."),
    )
    eligible_income_groups = models.JSONField(
        _("eligible income groups"), default=list, blank=True, help_text=_("Leave empty to accept every income group.")
    )
    grant_min = models.DecimalField(_("smallest grant"), max_digits=14, decimal_places=2)
    grant_max = models.DecimalField(_("largest grant"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="USD", help_text=_("ISO 4217 code, e.g. USD, EUR."))
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"), default=12)
    intake_deadline = models.DateField(_("intake deadline"))
    concept_note_deadline = models.DateField(_("concept note deadline"), null=True, blank=True)
    proposal_deadline = models.DateField(_("proposal deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    created_by = models.ForeignKey(USER, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-intake_deadline", "-id"]
        verbose_name = _("funding round")
        verbose_name_plural = _("funding rounds")
        constraints = [
            models.CheckConstraint(condition=models.Q(grant_min__lte=models.F("grant_max")), name="fund_round_grant_range"),
        ]

    def __str__(self):
        return str(self.t.name)

    def deadline_for(self, form_stage):
        """The last day on which answers for `form_stage` may be submitted (None: no deadline)."""
        return {
            FormStage.INTAKE: self.intake_deadline,
            FormStage.CONCEPT_NOTE: self.concept_note_deadline,
            FormStage.PROPOSAL: self.proposal_deadline,
        }[form_stage]


class Criterion(TranslatableMixin, models.Model):
    """What evaluators score. Failing a critical criterion flags the application whatever its total."""

    class Kind(models.TextChoices):
        CRITICAL = "critical", _("Critical")
        ADDITIONAL = "additional", _("Additional")

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="criteria")
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)
    guidance_en = models.TextField(_("guidance (English)"), blank=True)
    guidance_fr = models.TextField(_("guidance (French)"), blank=True)
    guidance_es = models.TextField(_("guidance (Spanish)"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ADDITIONAL)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1, validators=[MinValueValidator(0)])
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=5)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark"), default=3, help_text=_("For critical criteria: a lower average score flags the application.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["round", "order", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return str(self.t.name)


class Question(TranslatableMixin, models.Model):
    """One question of a stage's form; the form is built from these rows, so a round's forms need no code."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        NUMBER = "number", _("Number")
        CHOICE = "choice", _("Choice")

    class Prefill(models.TextChoices):
        """Pledge fields an intake answer can start from, so nothing is typed twice."""

        TITLE = "title", _("Pledge title")
        SUMMARY = "summary", _("Pledge summary")
        DESCRIPTION = "description", _("Pledge description")
        GOALS = "goals", _("Pledge goals")
        BUDGET = "budget", _("Pledge budget")
        UNMET_FUNDING_NEED = "unmet_funding_need", _("Pledge unmet funding need")
        FUNDING_SOURCES = "funding_sources", _("Pledge funding sources")
        PARTNERSHIP_SOUGHT = "partnership_sought", _("Partnership sought")

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="questions")
    stage = models.CharField(_("stage"), max_length=12, choices=FormStage.choices, default=FormStage.INTAKE)
    label_en = models.CharField(_("question (English)"), max_length=300)
    label_fr = models.CharField(_("question (French)"), max_length=300, blank=True)
    label_es = models.CharField(_("question (Spanish)"), max_length=300, blank=True)
    help_en = models.TextField(_("help (English)"), blank=True)
    help_fr = models.TextField(_("help (French)"), blank=True)
    help_es = models.TextField(_("help (Spanish)"), blank=True)
    kind = models.CharField(_("kind of answer"), max_length=6, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(_("choices"), blank=True, help_text=_("For a choice: one option per line."))
    required = models.BooleanField(_("required"), default=True)
    prefill_from = models.CharField(
        _("pre-fill from the pledge"), max_length=20, choices=Prefill.choices, blank=True,
        help_text=_("An intake started from a pledge starts with this answer filled in."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["round", "stage", "order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return str(self.t.label)

    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class ApplicationQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("round", "government__country", "pledge")


class Application(models.Model):
    """A government's application to a round, from its intake to the decision. Never shown publicly."""

    # Where the applicant answers questions, by stage: (stage the application is in) → form stage.
    ANSWERING = {Stage.INTAKE: FormStage.INTAKE, Stage.INVITED: FormStage.CONCEPT_NOTE, Stage.PROPOSAL: FormStage.PROPOSAL}
    FINAL = (Stage.AWARDED, Stage.DECLINED)

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.PROTECT, related_name="applications")
    government = models.ForeignKey(
        "governments.Government", verbose_name=_("government"), on_delete=models.PROTECT, related_name="fund_applications"
    )
    pledge = models.ForeignKey(
        "actions.Action", verbose_name=_("pledge"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="fund_applications", help_text=_("The published pledge this application seeks support for."),
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.INTAKE, db_index=True)
    language = models.CharField(_("language of the application"), max_length=2, choices=settings.CONTENT_LANGUAGES, default="en")
    submitted_at = models.DateTimeField(
        _("submitted at"), null=True, blank=True, help_text=_("When the answers of the current stage were submitted.")
    )
    created_by = models.ForeignKey(USER, verbose_name=_("started by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["round", "government"], name="fund_one_application_per_round"),
        ]

    def __str__(self):
        return f"{self.government} — {self.round}"

    @property
    def answering_stage(self):
        """The form stage the applicant is filling in now, or None (submitted, or waiting for a decision)."""
        if self.submitted_at is not None:
            return None
        return self.ANSWERING.get(self.stage)


class ApplicationEvent(models.Model):
    """One step of an application's history: who moved it from which stage to which, when, with what feedback
    (the feedback is shown to the applicant)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    verb = models.CharField(_("what happened"), max_length=30)
    from_stage = models.CharField(_("from stage"), max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to stage"), max_length=20, choices=Stage.choices, blank=True)
    actor = models.ForeignKey(USER, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("at"), default=timezone.now)
    feedback = models.TextField(_("feedback to the applicant"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("application event")
        verbose_name_plural = _("application events")


class DeadlineOverride(models.Model):
    """A fund manager's exception to a stage deadline for one application (also in the activity log)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="deadline_overrides")
    stage = models.CharField(_("stage"), max_length=12, choices=FormStage.choices)
    until = models.DateField(_("submissions accepted until"))
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(USER, verbose_name=_("granted by"), null=True, on_delete=models.SET_NULL, related_name="+")
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)

    class Meta:
        ordering = ["-granted_at", "-id"]
        verbose_name = _("deadline override")
        verbose_name_plural = _("deadline overrides")


class Answer(models.Model):
    """The applicant's answer to one question, in the language they wrote it, with an optional translation
    added for the reviewers."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    text = models.TextField(_("answer"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.CONTENT_LANGUAGES, default="en")
    translation = models.TextField(_("translation"), blank=True)
    translation_language = models.CharField(_("language of the translation"), max_length=2, choices=settings.CONTENT_LANGUAGES, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["question__order", "question_id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["application", "question"], name="fund_one_answer_per_question")]


class BudgetLine(models.Model):
    """One line of a proposal's budget: what is asked of the Fund and what others put in."""

    class Category(models.TextChoices):
        STAFF = "staff", _("Staff")
        ACTIVITIES = "activities", _("Activities")
        EQUIPMENT = "equipment", _("Equipment and supplies")
        TRAVEL = "travel", _("Travel")
        COMMUNICATION = "communication", _("Communication")
        OTHER = "other", _("Other")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    category = models.CharField(_("category"), max_length=15, choices=Category.choices)
    description = models.CharField(_("description"), max_length=300)
    amount = models.DecimalField(_("amount asked"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    co_funding = models.DecimalField(_("co-funding"), max_digits=14, decimal_places=2, default=0, validators=[MinValueValidator(0)])
    co_funding_source = models.CharField(_("co-funding from"), max_length=200, blank=True)

    class Meta:
        ordering = ["application", "id"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")


class EvaluatorAssignment(models.Model):
    """An evaluator asked to score one application. `submitted_at` is set once all their scores are in; only
    then may they see the other evaluators' scores."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assignments")
    evaluator = models.ForeignKey(USER, verbose_name=_("evaluator"), on_delete=models.CASCADE, related_name="fund_assignments")
    assigned_by = models.ForeignKey(USER, verbose_name=_("assigned by"), null=True, on_delete=models.SET_NULL, related_name="+")
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("scores submitted at"), null=True, blank=True)

    class Meta:
        ordering = ["application", "assigned_at", "id"]
        verbose_name = _("evaluator assignment")
        verbose_name_plural = _("evaluator assignments")
        constraints = [models.UniqueConstraint(fields=["application", "evaluator"], name="fund_one_assignment_per_evaluator")]


class ConflictDeclaration(models.Model):
    """The evaluator's answer, before seeing anything, to "do you have a conflict of interest?". A declared
    conflict hides the application from them."""

    assignment = models.OneToOneField(EvaluatorAssignment, on_delete=models.CASCADE, related_name="declaration")
    has_conflict = models.BooleanField(_("has a conflict of interest"))
    explanation = models.TextField(_("explanation"), blank=True)
    declared_at = models.DateTimeField(_("declared at"), default=timezone.now)

    class Meta:
        verbose_name = _("conflict-of-interest declaration")
        verbose_name_plural = _("conflict-of-interest declarations")


class Score(models.Model):
    """One evaluator's score of one criterion, with the reason."""

    assignment = models.ForeignKey(EvaluatorAssignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(100)])
    comment = models.TextField(_("comment"))

    class Meta:
        ordering = ["assignment", "criterion__order", "criterion_id"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["assignment", "criterion"], name="fund_one_score_per_criterion")]


class GrantQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("application__round", "application__government__country", "pledge")

    def public(self):
        """Grants the public may see: those of announced rounds (not drafts) to verified governments. The
        public side reads grants only through this, never applications."""
        return self.exclude(application__round__status=Round.Status.DRAFT).filter(application__government__verified=True)


class Grant(models.Model):
    """What an award becomes: the money, the period, the pledge it funds and the reports due."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="grant")
    pledge = models.ForeignKey(
        "actions.Action", verbose_name=_("funded pledge"), null=True, blank=True, on_delete=models.SET_NULL, related_name="fund_grants"
    )
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    reporting_interval_months = models.PositiveSmallIntegerField(_("reports due every (months)"), default=6)
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = GrantQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")), name="fund_grant_period",
                violation_error_message=_("The grant must end after it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="fund_grant_amount_positive",
                violation_error_message=_("The amount must be above zero."),
            ),
        ]

    @property
    def government(self):
        """The grantee (the activity log files grant changes under it)."""
        return self.application.government

    def __str__(self):
        return str(self.application)


class Tranche(models.Model):
    """A planned disbursement of a grant, and what was actually paid when."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="tranches")
    number = models.PositiveSmallIntegerField(_("number"))
    planned_on = models.DateField(_("planned on"))
    planned_amount = models.DecimalField(_("planned amount"), max_digits=14, decimal_places=2)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    paid_amount = models.DecimalField(_("amount paid"), max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["grant", "number"]
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        constraints = [models.UniqueConstraint(fields=["grant", "number"], name="fund_tranche_number")]


class GrantReport(TranslatableMixin, models.Model):
    """A periodic report on a grant: what was done, whom it reached, what was spent."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="reports")
    period_end = models.DateField(_("period ending on"))
    original_language = models.CharField(_("original language"), max_length=2, choices=settings.CONTENT_LANGUAGES, default="en")
    narrative_en = models.TextField(_("narrative (English)"), blank=True)
    narrative_fr = models.TextField(_("narrative (French)"), blank=True)
    narrative_es = models.TextField(_("narrative (Spanish)"), blank=True)
    submitted_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        ordering = ["grant", "period_end"]
        verbose_name = _("grant report")
        verbose_name_plural = _("grant reports")
        constraints = [models.UniqueConstraint(fields=["grant", "period_end"], name="fund_one_report_per_period")]


class ReportReach(models.Model):
    """People a grant report says were reached in one target group, against the target."""

    report = models.ForeignKey(GrantReport, on_delete=models.CASCADE, related_name="reach")
    target_group = models.ForeignKey("taxonomy.Term", verbose_name=_("target group"), on_delete=models.PROTECT, related_name="+")
    people_reached = models.PositiveIntegerField(_("people reached"))
    people_target = models.PositiveIntegerField(_("target"), null=True, blank=True)

    class Meta:
        verbose_name = _("people reached")
        verbose_name_plural = _("people reached")
        constraints = [models.UniqueConstraint(fields=["report", "target_group"], name="fund_reach_per_group")]


class ReportSpending(models.Model):
    """What a grant report says was spent on one budget line."""

    report = models.ForeignKey(GrantReport, on_delete=models.CASCADE, related_name="spending")
    budget_line = models.ForeignKey(BudgetLine, verbose_name=_("budget line"), on_delete=models.PROTECT, related_name="+")
    amount_spent = models.DecimalField(_("amount spent"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("spending")
        verbose_name_plural = _("spending")
        constraints = [models.UniqueConstraint(fields=["report", "budget_line"], name="fund_spending_per_line")]
