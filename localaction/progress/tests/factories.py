"""Pledges and progress updates in the states the progress tests need."""
import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from localaction.actions.models import Action
from localaction.factories import ActionFactory
from localaction.progress.models import ProgressUpdate

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
START = datetime.date(2024, 1, 1)


def pdf_upload(name="report.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def published_pledge(government, **fields):
    """A published pledge of `government`, started on 1 January 2024, with one indicator (target 500 people)."""
    fields.setdefault("kind", Action.Kind.PLEDGE)
    fields.setdefault("stage", Action.Stage.PLANNING)
    fields.setdefault("start_date", START)
    fields.setdefault("end_date", datetime.date(2030, 12, 31))
    fields.setdefault("budget", 100000)
    fields.setdefault("currency", "EUR")
    pledge = ActionFactory(government=government, published=True, **fields)
    pledge.indicators.create(name="People taking part", unit="people", baseline=10, target=500)
    return pledge


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory, published=True, kind=Action.Kind.PLEDGE, stage=Action.Stage.PLANNING)
    stage = Action.Stage.IN_PROGRESS
    reported_on = datetime.date(2025, 6, 30)
    narrative_en = "Two language cafés opened; volunteers trained."
    currency = "EUR"

    class Params:
        submitted = factory.Trait(status=ProgressUpdate.Status.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now))
        published = factory.Trait(
            status=ProgressUpdate.Status.PUBLISHED, submitted_at=factory.LazyFunction(timezone.now),
            published_at=factory.LazyFunction(timezone.now),
        )


def update_data(**overrides):
    """What services.save_update takes for a plain in-progress update reported on 30 June 2025."""
    data = {
        "stage": Action.Stage.IN_PROGRESS, "discontinued_reason": "", "reported_on": datetime.date(2025, 6, 30),
        "original_language": "en", "narrative_en": "Two language cafés opened; volunteers trained.",
        "narrative_fr": "", "narrative_es": "", "money_committed": 50000, "money_spent": 20000, "currency": "EUR",
    }
    data.update(overrides)
    return data
