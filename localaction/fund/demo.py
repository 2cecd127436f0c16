"""Demo content of the Fund (DEMO ONLY), called by seed_demo after the core seeder.

Two rounds: a completed one (2025) with applications that went all the way — three awarded and turned into grants
with tranches and reports, one waitlisted, one declined — and an open one (2027) with applications at its first
stages. Applicants are demo governments with published pledges, Montréal (government A) and Bogotá (government B)
first so that their persona accounts have something to see: Montréal has a grant whose first report is overdue.
Dates are fixed (see demo_seeder.TODAY); everything is invented.
"""
from datetime import date, datetime, time
from datetime import timezone as dt_timezone
from decimal import Decimal

from django.contrib.auth import get_user_model

from localaction.actions.models import Action
from localaction.core.demo_data import GOVERNMENT_A, GOVERNMENT_B
from localaction.progress.schedule import add_months
from localaction.taxonomy.models import Term

from .models import (
    Answer, Application, ApplicationEvent, BudgetLine, ConflictDeclaration, Criterion, EvaluatorAssignment, FormStage,
    Grant, GrantReport, Question, ReportReach, ReportSpending, Round, Score, Stage, Theme, Tranche,
)

MANAGER = "fund.manager@localaction.test"
EVALUATOR = "evaluator@localaction.test"
SECOND_EVALUATOR = "admin@localaction.test"  # the superuser has every role, the evaluator's too
FOCAL_POINTS = {GOVERNMENT_A: "focal.point@localaction.test", GOVERNMENT_B: "member.b@localaction.test"}


def at(day):
    return datetime.combine(day, time(9, 0), tzinfo=dt_timezone.utc)


COMPLETED = {
    "name_en": "Global Cities Fund 2025: inclusive climate action",
    "name_fr": "Fonds mondial des villes 2025 : action climatique inclusive",
    "name_es": "Fondo Mundial de Ciudades 2025: acción climática inclusiva",
    "description_en": "Grants for city-led projects that include migrants and displaced people in climate adaptation.",
    "description_fr": "Des subventions pour des projets municipaux qui associent migrants et personnes déplacées à l’adaptation climatique.",
    "description_es": "Subvenciones para proyectos municipales que incluyen a migrantes y personas desplazadas en la adaptación climática.",
    "grant_min": Decimal(25000), "grant_max": Decimal(75000), "currency": "USD", "duration_months": 12,
    "intake_deadline": date(2025, 3, 31), "concept_note_deadline": date(2025, 5, 31), "proposal_deadline": date(2025, 7, 31),
    "status": Round.Status.COMPLETED,
}
OPEN = {
    "name_en": "Global Cities Fund 2027: children and families on the move",
    "name_fr": "Fonds mondial des villes 2027 : enfants et familles en mouvement",
    "name_es": "Fondo Mundial de Ciudades 2027: niñez y familias en movimiento",
    "description_en": "Grants for schooling, care and family services that reach children on the move and their host communities.",
    "description_fr": "Des subventions pour l’école, les soins et les services aux familles qui touchent les enfants en mouvement et leurs communautés d’accueil.",
    "description_es": "Subvenciones para escolarización, cuidados y servicios a las familias que lleguen a la niñez en movimiento y a sus comunidades de acogida.",
    "grant_min": Decimal(20000), "grant_max": Decimal(60000), "currency": "USD", "duration_months": 18,
    "intake_deadline": date(2027, 2, 28), "concept_note_deadline": date(2027, 4, 30), "proposal_deadline": date(2027, 6, 30),
    "status": Round.Status.OPEN,
}
CRITERIA = [
    ("Migrants and refugees take part in the design", "critical", 2),
    ("Feasible plan and budget", "critical", 2),
    ("Link with a published pledge", "additional", 1),
]
QUESTIONS = [
    (FormStage.INTAKE, "What will the project do?", Question.Prefill.SUMMARY),
    (FormStage.INTAKE, "How much do you ask of the Fund?", Question.Prefill.UNMET_FUNDING_NEED),
    (FormStage.CONCEPT_NOTE, "Who designs the project with you?", ""),
    (FormStage.PROPOSAL, "How will you measure the results?", ""),
]
BUDGET = [("staff", "Outreach workers (two part-time posts)", 0.5), ("activities", "Workshops and training", 0.3),
          ("equipment", "Laptops and a minibus", 0.2)]

# (stage reached in the completed round, grant terms or None)
OUTCOMES = [
    (Stage.AWARDED, {"amount": 50000, "starts_on": date(2026, 3, 1), "ends_on": date(2027, 2, 28), "reports": []}),
    (Stage.AWARDED, {"amount": 60000, "starts_on": date(2025, 10, 1), "ends_on": date(2026, 9, 30),
                     "reports": [(date(2026, 4, 1), {"refugees": (420, 900), "host_communities": (310, 600)}),
                                 (date(2026, 9, 30), {"refugees": (530, 1000), "host_communities": (350, 600)})]}),
    (Stage.AWARDED, {"amount": 40000, "starts_on": date(2025, 11, 1), "ends_on": date(2026, 10, 31),
                     "reports": [(date(2026, 5, 1), {"migrants": (260, 700), "idps": (140, 300)})]}),
    (Stage.WAITLISTED, None),
    (Stage.DECLINED, None),
]
OPEN_STAGES = [Stage.INTAKE, Stage.INVITED]
STAGE_PATH = [Stage.INTAKE, Stage.INVITED, Stage.CONCEPT_NOTE, Stage.PROPOSAL, Stage.UNDER_EVALUATION]


def _pledges():
    """One published pledge per demo government, governments A and B first, then by id (deterministic)."""
    chosen, seen = [], set()
    pledges = Action.objects.published().filter(kind=Action.Kind.PLEDGE, government__is_demo=True).select_related("government")
    first = [p for name in (GOVERNMENT_A, GOVERNMENT_B) for p in pledges.filter(government__name=name).order_by("id")[:1]]
    for pledge in [*first, *pledges.order_by("id")]:
        if pledge.government_id not in seen:
            seen.add(pledge.government_id)
            chosen.append(pledge)
    return chosen


def _round(spec, manager, themes):
    round_ = Round.objects.create(**spec, created_by=manager)
    round_.themes.set(themes)
    for order, (name, kind, weight) in enumerate(CRITERIA, start=1):
        Criterion.objects.create(round=round_, name_en=name, kind=kind, weight=weight, order=order)
    for order, (stage, label, prefill) in enumerate(QUESTIONS, start=1):
        Question.objects.create(round=round_, stage=stage, label_en=label, prefill_from=prefill, order=order)
    return round_


def _application(round_, pledge, stage, started, answered, submitted=None):
    """An application from the pledge, with answers (the pledge's summary) to the questions of `answered` stages."""
    application = Application.objects.create(round=round_, government=pledge.government, pledge=pledge, stage=stage,
                                             language=pledge.original_language, submitted_at=submitted)
    Application.objects.filter(pk=application.pk).update(created_at=at(started))
    text = str(pledge.translated("summary", pledge.original_language)) or "—"
    for question in round_.questions.filter(stage__in=answered):
        Answer.objects.create(application=application, question=question, text=text, language=pledge.original_language)
    ApplicationEvent.objects.create(application=application, verb="started", to_stage=Stage.INTAKE, at=at(started))
    return application


def _complete(application, final, amount, manager, evaluators, criteria):
    """The completed round's path: every stage, a budget, the evaluations, then the decision."""
    day = date(2025, 4, 15)
    for before, after, verb in zip(STAGE_PATH, STAGE_PATH[1:], ("invite", "submitted_concept_note", "request_proposal", "evaluate")):
        feedback = "" if verb.startswith("submitted") else "Thank you: please go on to the next stage."
        ApplicationEvent.objects.create(application=application, verb=verb, from_stage=before, to_stage=after,
                                        actor=manager, at=at(day), feedback=feedback)
        day = add_months(day, 1)
    for category, description, share in BUDGET:
        line_amount = (amount * Decimal(share)).quantize(Decimal("1"))
        BudgetLine.objects.create(application=application, category=category, description=description, amount=line_amount,
                                  co_funding=(line_amount / 5).quantize(Decimal("1")), co_funding_source="City budget")
    for evaluator, base in zip(evaluators, (4, 3)):
        assignment = EvaluatorAssignment.objects.create(application=application, evaluator=evaluator, assigned_by=manager,
                                                        assigned_at=at(date(2025, 8, 1)), submitted_at=at(date(2025, 8, 20)))
        ConflictDeclaration.objects.create(assignment=assignment, has_conflict=False, declared_at=at(date(2025, 8, 2)))
        for criterion in criteria:
            score = base if final == Stage.AWARDED else base - 1
            Score.objects.create(assignment=assignment, criterion=criterion, score=score, comment="Clear and well argued.")
    verb, feedback = DECISIONS[final]
    ApplicationEvent.objects.create(application=application, verb=verb, from_stage=Stage.UNDER_EVALUATION, to_stage=final,
                                    actor=manager, at=at(date(2025, 9, 15)), feedback=feedback)


DECISIONS = {
    Stage.AWARDED: ("award", "Congratulations: the steering committee awards your project."),
    Stage.WAITLISTED: ("waitlist", "A strong proposal: it is on the waiting list should funds become available."),
    Stage.DECLINED: ("decline", "The committee could not fund the project this time; thank you for applying."),
}


def _grant(application, terms, manager, groups, focal_point):
    """The grant of an awarded application: two tranches (the second paid once a report is in), its reports."""
    grant = Grant.objects.create(application=application, pledge=application.pledge, amount=Decimal(terms["amount"]),
                                 currency="USD", starts_on=terms["starts_on"], ends_on=terms["ends_on"],
                                 reporting_interval_months=6, created_by=manager)
    half = grant.amount / 2
    reports = terms["reports"]
    Tranche.objects.create(grant=grant, number=1, planned_on=grant.starts_on, planned_amount=half,
                           paid_on=grant.starts_on.replace(day=10), paid_amount=half)
    Tranche.objects.create(grant=grant, number=2, planned_on=add_months(grant.starts_on, 6), planned_amount=half,
                           paid_on=reports[0][0] if reports else None, paid_amount=half if reports else None)
    lines = list(application.budget_lines.order_by("id"))
    for period_end, reach in reports:
        report = GrantReport.objects.create(
            grant=grant, period_end=period_end, original_language="en", submitted_by=focal_point, submitted_at=at(period_end),
            narrative_en="Outreach workers met families in every district; the workshops ran as planned.",
        )
        for key, (reached, target) in reach.items():
            ReportReach.objects.create(report=report, target_group=groups[key], people_reached=reached, people_target=target)
        for line in lines:
            ReportSpending.objects.create(report=report, budget_line=line, amount_spent=(line.amount / 3).quantize(Decimal("0.01")))
    return grant


def seed(write):
    """Create the Fund's demo rows; `write` prints a line of the summary."""
    users = get_user_model().objects
    manager, evaluator = users.filter(email=MANAGER).first(), users.filter(email=EVALUATOR).first()
    pledges = _pledges()
    if len(pledges) < len(OUTCOMES) + len(OPEN_STAGES):
        write("Fund: not enough published demo pledges; no Fund demo data.")
        return
    themes = [Theme.objects.get_or_create(name_en=name_en, defaults={"name_fr": fr, "name_es": es})[0] for name_en, fr, es in (
        ("Inclusive climate action", "Action climatique inclusive", "Acción climática inclusiva"),
        ("Children and families", "Enfants et familles", "Niñez y familias"))]
    completed, open_ = _round(COMPLETED, manager, themes[:1]), _round(OPEN, manager, themes[1:])
    criteria = list(completed.criteria.all())
    groups = {term.key: term for term in Term.objects.filter(vocabulary_id="target_groups")}
    focal_points = {name: users.filter(email=email).first() for name, email in FOCAL_POINTS.items()}
    made_grants = []
    evaluators = [user for user in (evaluator, users.filter(email=SECOND_EVALUATOR).first()) if user is not None]
    every_stage = [FormStage.INTAKE, FormStage.CONCEPT_NOTE, FormStage.PROPOSAL]
    for pledge, (final, terms) in zip(pledges, OUTCOMES):
        application = _application(completed, pledge, final, date(2025, 3, 1), every_stage)
        _complete(application, final, Decimal(terms["amount"] if terms else 45000), manager, evaluators, criteria)
        if terms is not None:
            focal_point = focal_points.get(pledge.government.name)
            made_grants.append(_grant(application, terms, manager, groups, focal_point))
    # The open round: other governments than A and B, so that their personas can apply themselves.
    for pledge, stage in zip(pledges[len(OUTCOMES):], OPEN_STAGES):
        submitted = at(date(2026, 11, 10)) if stage == Stage.INTAKE else None  # waiting for the manager's decision
        application = _application(open_, pledge, stage, date(2026, 11, 2), [FormStage.INTAKE], submitted)
        if stage == Stage.INVITED:
            ApplicationEvent.objects.create(application=application, verb="invite", from_stage=Stage.INTAKE, to_stage=stage,
                                            actor=manager, at=at(date(2026, 11, 20)),
                                            feedback="Welcome to the concept note stage: tell us who designs the project with you.")
    write(f"Fund: 2 rounds, {Application.objects.count()} applications, {len(made_grants)} grants, "
          f"{GrantReport.objects.count()} grant reports.")
