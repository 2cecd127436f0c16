"""Factories for the Fund's tests."""
import datetime

import factory
from django.utils import timezone

from localaction.factories import GovernmentFactory
from localaction.fund.models import Application, Criterion, FormStage, Grant, GrantReport, Question, Round, Stage


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    name_en = factory.Sequence(lambda n: f"Round {n}")
    status = Round.Status.OPEN
    grant_min = 10000
    grant_max = 50000
    intake_deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    concept_note_deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    proposal_deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    round = factory.SubFactory(RoundFactory)
    name_en = factory.Sequence(lambda n: f"Criterion {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    round = factory.SubFactory(RoundFactory)
    stage = FormStage.INTAKE
    label_en = factory.Sequence(lambda n: f"Question {n}?")


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    round = factory.SubFactory(RoundFactory)
    government = factory.SubFactory(GovernmentFactory)


class GrantFactory(factory.django.DjangoModelFactory):
    """A grant of an awarded application, a year long from 1 January 2026, reports every 6 months."""

    class Meta:
        model = Grant

    application = factory.SubFactory(ApplicationFactory, stage=Stage.AWARDED)
    amount = 20000
    currency = "USD"
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2026, 12, 31)


class GrantReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrantReport

    grant = factory.SubFactory(GrantFactory)
    period_end = datetime.date(2026, 7, 1)
    narrative_en = "What was done."
    submitted_at = factory.LazyFunction(timezone.now)
