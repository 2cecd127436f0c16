"""State changes of the Fund. Each function checks who may do it, writes in one transaction and records the
change in the activity log; views only parse input, call one of these and render."""
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from localaction.accounts.models import Roles
from localaction.actions.models import Action
from localaction.activity.services import record
from localaction.governments.access import require_membership
from localaction.notifications.services import notify_government
from localaction.taxonomy.models import IncomeGroup

from .models import Answer, Application, ApplicationEvent, DeadlineOverride, FormStage, Round, Stage


class TransitionError(Exception):
    """The application is not at a stage where this step is possible (the message says why)."""


class DeadlinePassed(TransitionError):
    """The stage's deadline has passed and no manager override covers today."""


def is_fund_manager(user):
    return user.is_authenticated and user.has_role(Roles.FUND_MANAGER)


def require_fund_manager(user):
    if not is_fund_manager(user):
        raise PermissionDenied


# Rounds ---------------------------------------------------------------------------------------------------------


@transaction.atomic
def save_round(user, form, formsets=()):
    """Create or update a round from its validated form and its criteria/questions formsets."""
    require_fund_manager(user)
    creating = form.instance.pk is None
    round_ = form.save(commit=False)
    if creating:
        round_.created_by = user
    round_.save()
    form.save_m2m()
    for formset in formsets:
        formset.instance = round_
        formset.save()
    record(user, "fund.round_created" if creating else "fund.round_updated", round_, status=round_.status)
    return round_


# Applications: the applicant's side ------------------------------------------------------------------------------


def pledges_seeking_support(government):
    """The government's published pledges that ask for support (money still needed or partners sought)."""
    return (
        Action.objects.published()
        .filter(government=government, kind=Action.Kind.PLEDGE)
        .filter(Q(unmet_funding_need__gt=0) | ~Q(partnership_sought=""))
        .order_by("-published_at", "-id")
    )


def _pledge_value(pledge, field):
    if field in ("budget", "unmet_funding_need"):
        value = getattr(pledge, field)
        return "" if value is None else f"{Decimal(str(value)).quantize(Decimal('0.01')):f}"
    if field in ("funding_sources", "partnership_sought"):
        return getattr(pledge, field)
    return pledge.translated(field, pledge.original_language).text


def _income_group_labels(groups):
    return ", ".join(str(IncomeGroup(group).label) for group in groups if group in IncomeGroup.values)


def eligibility_terms(round_):
    """Sentences saying which governments the round is open to, shown before anyone starts an application."""
    terms = []
    regions = sorted(str(region) for region in round_.eligible_regions.all())
    if regions:
        terms.append(_("Governments in these regions: %(regions)s.") % {"regions": ", ".join(regions)})
    if round_.eligible_income_groups:
        terms.append(_("Countries in these income groups: %(groups)s.") % {"groups": _income_group_labels(round_.eligible_income_groups)})
    return terms or [_("Every government may apply.")]


def eligibility_problem(round_, government):
    """Why the government may not apply to the round (a sentence for the applicant), or "" when it may.

    A round restricted to regions accepts a government whose country's region or sub-region is listed; one
    restricted to income groups needs the country's recorded group, and an unrecorded group is refused rather
    than guessed."""
    regions = {region.pk: region for region in round_.eligible_regions.all()}
    country = government.country
    if regions and not {country.region_id, country.subregion_id} & regions.keys():
        return _("This round is open to governments in %(regions)s only.") % {
            "regions": ", ".join(sorted(str(region) for region in regions.values()))
        }
    groups = list(round_.eligible_income_groups or [])
    if groups:
        labels = _income_group_labels(groups)
        if not country.income_group:
            return _(
                "This round is open to countries in these income groups: %(groups)s. The income group of %(country)s "
                "is not recorded on the platform: please contact the Fund before applying."
            ) % {"groups": labels, "country": country}
        if country.income_group not in groups:
            return _("This round is open to countries in these income groups only: %(groups)s.") % {"groups": labels}
    return ""


@transaction.atomic
def start_intake(round_, government, user, pledge=None, language=None):
    """Open the government's application to an open round, its intake answers pre-filled from `pledge` where a
    question says so (the pledge must be one of the government's published pledges seeking support)."""
    require_membership(user, government)
    if round_.status != Round.Status.OPEN:
        raise TransitionError(_("This round is not open for applications."))
    if Application.objects.filter(round=round_, government=government).exists():
        raise TransitionError(_("Your government has already applied to this round."))
    problem = eligibility_problem(round_, government)
    if problem:
        raise TransitionError(problem)
    if pledge is not None and not pledges_seeking_support(government).filter(pk=pledge.pk).exists():
        raise TransitionError(_("Only your government’s published pledges that seek support can start an application."))
    language = language or (pledge.original_language if pledge else "en")
    application = Application.objects.create(
        round=round_, government=government, pledge=pledge, language=language, created_by=user
    )
    if pledge is not None:
        for question in round_.questions.filter(stage=FormStage.INTAKE).exclude(prefill_from=""):
            text = _pledge_value(pledge, question.prefill_from)
            if text:
                Answer.objects.create(
                    application=application, question=question, text=text,
                    language=pledge.original_language if question.kind == question.Kind.TEXT else language,
                )
    ApplicationEvent.objects.create(application=application, verb="started", to_stage=Stage.INTAKE, actor=user)
    record(user, "fund.application_started", application, round=round_.pk, pledge=pledge.public_id if pledge else None)
    return application


def deadline_for(application, form_stage):
    """The last day the applicant may submit `form_stage`: the round's deadline or a later manager override."""
    deadline = application.round.deadline_for(form_stage)
    override = application.deadline_overrides.filter(stage=form_stage).order_by("-until").first()
    if override is not None and (deadline is None or override.until > deadline):
        return override.until
    return deadline


def _require_answering(application, user):
    require_membership(user, application.government)
    form_stage = application.answering_stage
    if form_stage is None:
        raise TransitionError(_("This application is not waiting for your answers."))
    return form_stage


@transaction.atomic
def save_answers(application, user, answers, submit=False):
    """Store the applicant's answers (question → text) for the stage they are answering; with `submit`, hand the
    stage in: after its deadline this is refused unless a manager extended it."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    form_stage = _require_answering(application, user)
    if submit:
        deadline = deadline_for(application, form_stage)
        if deadline is not None and timezone.localdate() > deadline:
            raise DeadlinePassed(_("The deadline for this stage has passed (%(date)s).") % {"date": deadline.isoformat()})
    for question, text in answers.items():
        if question.round_id != application.round_id or question.stage != form_stage:
            raise TransitionError(_("This question does not belong to this stage."))
        Answer.objects.update_or_create(
            application=application, question=question,
            defaults={"text": "" if text is None else str(text), "language": application.language},
        )
    if submit:
        before = application.stage
        application.submitted_at = timezone.now()
        if application.stage == Stage.INVITED:
            application.stage = Stage.CONCEPT_NOTE
        application.save(update_fields=["stage", "submitted_at", "updated_at"])
        ApplicationEvent.objects.create(
            application=application, verb=f"submitted_{form_stage}", from_stage=before, to_stage=application.stage, actor=user
        )
        record(user, "fund.stage_submitted", application, stage=form_stage)
    else:
        record(user, "fund.answers_saved", application, stage=form_stage)
    return application


@transaction.atomic
def save_budget(application, user, formset):
    """Save the proposal's budget lines (a validated formset) while the proposal is being written."""
    if _require_answering(application, user) != FormStage.PROPOSAL:
        raise TransitionError(_("The budget is part of the proposal stage."))
    formset.instance = application
    formset.save()
    record(user, "fund.budget_saved", application, lines=application.budget_lines.count())


# Applications: the fund manager's decisions ------------------------------------------------------------------------

# decision → (stages it may be taken from, whether the current stage must have been submitted, stage it leads to)
DECISIONS = {
    "invite": ((Stage.INTAKE,), True, Stage.INVITED),
    "request_proposal": ((Stage.CONCEPT_NOTE,), True, Stage.PROPOSAL),
    "evaluate": ((Stage.PROPOSAL,), True, Stage.UNDER_EVALUATION),
    "award": ((Stage.UNDER_EVALUATION, Stage.WAITLISTED), False, Stage.AWARDED),
    "waitlist": ((Stage.UNDER_EVALUATION,), False, Stage.WAITLISTED),
    "decline": (
        (Stage.INTAKE, Stage.INVITED, Stage.CONCEPT_NOTE, Stage.PROPOSAL, Stage.UNDER_EVALUATION, Stage.WAITLISTED),
        False, Stage.DECLINED,
    ),
}


def available_decisions(application):
    """The decisions a fund manager may take on the application as it stands, in DECISIONS order."""
    return [
        name for name, (sources, needs_submission, _target) in DECISIONS.items()
        if application.stage in sources and (not needs_submission or application.submitted_at is not None)
    ]


@transaction.atomic
def decide(application, user, decision, feedback):
    """Move the application on (or decline it) with written feedback that the applicant will read."""
    require_fund_manager(user)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if decision not in DECISIONS:
        raise TransitionError(_("Unknown decision."))
    if decision not in available_decisions(application):
        raise TransitionError(_("This decision is not possible at the application’s current stage."))
    if not feedback.strip():
        raise TransitionError(_("Write the feedback the applicant will read."))
    before, target = application.stage, DECISIONS[decision][2]
    application.stage = target
    application.submitted_at = None
    application.save(update_fields=["stage", "submitted_at", "updated_at"])
    ApplicationEvent.objects.create(
        application=application, verb=decision, from_stage=before, to_stage=target, actor=user, feedback=feedback.strip()
    )
    record(user, f"fund.{decision}", application, from_stage=before, to_stage=target)
    notify_government(
        application.government, f"fund.decision.{decision}",
        url=reverse("fund_workspace:answer", args=[application.government.slug, application.pk]),
        round=str(application.round),
    )
    return application


@transaction.atomic
def override_deadline(application, user, form_stage, until, reason):
    """Let one application submit `form_stage` until `until` despite the round's deadline; logged with the reason."""
    require_fund_manager(user)
    if not reason.strip():
        raise TransitionError(_("Give the reason for the exception."))
    override = DeadlineOverride.objects.create(
        application=application, stage=form_stage, until=until, reason=reason.strip(), granted_by=user
    )
    record(user, "fund.deadline_overridden", application, stage=form_stage, until=until.isoformat(), reason=override.reason)
    return override


def feedback_for_applicant(application):
    """The written feedback the applicant has received, oldest first."""
    return application.events.exclude(feedback="").order_by("at", "id")


