from django.contrib import admin

from localaction.core.admin_utils import side_by_side

from . import models


@admin.register(models.Theme)
class ThemeAdmin(admin.ModelAdmin):
    """The Fund's theme chapters, editable here."""

    fields = side_by_side("name")
    search_fields = ("name_en", "name_fr", "name_es")


class CriterionInline(admin.TabularInline):
    model = models.Criterion
    extra = 0


class QuestionInline(admin.TabularInline):
    model = models.Question
    extra = 0


@admin.register(models.Round)
class RoundAdmin(admin.ModelAdmin):
    """Rounds are normally edited in the workspace; the admin is for corrections."""

    list_display = ("__str__", "status", "intake_deadline", "grant_min", "grant_max", "currency")
    list_filter = ("status",)
    search_fields = ("name_en", "name_fr", "name_es")
    filter_horizontal = ("themes", "eligible_regions")
    inlines = (CriterionInline, QuestionInline)


class AnswerInline(admin.StackedInline):
    model = models.Answer
    extra = 0


class BudgetLineInline(admin.TabularInline):
    model = models.BudgetLine
    extra = 0


class EventInline(admin.TabularInline):
    model = models.ApplicationEvent
    extra = 0
    readonly_fields = ("verb", "from_stage", "to_stage", "actor", "at", "feedback")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(models.Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Decisions are taken in the workspace (logged); the admin shows the whole record and allows corrections
    such as adding a translation to an answer."""

    list_display = ("government", "round", "stage", "language", "submitted_at", "created_at")
    list_filter = ("stage", "round", "language")
    search_fields = ("government__name", "government__slug")
    list_select_related = ("government", "round")
    raw_id_fields = ("pledge", "government")
    readonly_fields = ("stage", "submitted_at", "created_by", "created_at")
    inlines = (AnswerInline, BudgetLineInline, EventInline)


@admin.register(models.DeadlineOverride)
class DeadlineOverrideAdmin(admin.ModelAdmin):
    list_display = ("application", "stage", "until", "granted_by", "granted_at")
    raw_id_fields = ("application",)


class ScoreInline(admin.TabularInline):
    model = models.Score
    extra = 0


@admin.register(models.EvaluatorAssignment)
class EvaluatorAssignmentAdmin(admin.ModelAdmin):
    list_display = ("application", "evaluator", "assigned_at", "submitted_at")
    raw_id_fields = ("application", "evaluator")
    inlines = (ScoreInline,)


@admin.register(models.ConflictDeclaration)
class ConflictDeclarationAdmin(admin.ModelAdmin):
    list_display = ("assignment", "has_conflict", "declared_at")


class TrancheInline(admin.TabularInline):
    model = models.Tranche
    extra = 0


@admin.register(models.Grant)
class GrantAdmin(admin.ModelAdmin):
    """Grants are created and paid in the workspace (logged, the grantee told); the admin is for corrections."""

    list_display = ("application", "amount", "currency", "starts_on", "ends_on", "reporting_interval_months")
    list_filter = ("application__round", "currency")
    search_fields = ("application__government__name", "application__government__slug")
    list_select_related = ("application__government", "application__round")
    raw_id_fields = ("application", "pledge")
    readonly_fields = ("created_by", "created_at")
    inlines = (TrancheInline,)


class ReachInline(admin.TabularInline):
    model = models.ReportReach
    extra = 0


class SpendingInline(admin.TabularInline):
    model = models.ReportSpending
    extra = 0


@admin.register(models.GrantReport)
class GrantReportAdmin(admin.ModelAdmin):
    list_display = ("grant", "period_end", "submitted_at")
    list_select_related = ("grant__application__government", "grant__application__round")
    raw_id_fields = ("grant", "submitted_by")
    fields = ("grant", "period_end", "original_language", *side_by_side("narrative"), "submitted_by", "submitted_at")
    inlines = (ReachInline, SpendingInline)
