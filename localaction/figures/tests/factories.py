"""Factories for the figures tests: progress updates and the people they reached."""
import datetime

import factory
from django.utils import timezone

from localaction.actions.models import Action
from localaction.factories import ActionFactory
from localaction.progress.models import PeopleReached, ProgressUpdate
from localaction.taxonomy.models import Term


class PledgeFactory(ActionFactory):
    """A published pledge."""

    kind = Action.Kind.PLEDGE
    published = True


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    """A published progress update; pass `people={"migrants": 10}` to record people reached by target group."""

    class Meta:
        model = ProgressUpdate
        skip_postgeneration_save = True

    action = factory.SubFactory(PledgeFactory)
    status = ProgressUpdate.Status.PUBLISHED
    stage = Action.Stage.IN_PROGRESS
    reported_on = datetime.date(2024, 6, 30)
    narrative_en = "Work goes on."
    currency = "USD"
    published_at = factory.LazyAttribute(lambda o: timezone.now() if o.status == ProgressUpdate.Status.PUBLISHED else None)
    discontinued_reason = factory.LazyAttribute(lambda o: "Funding ended." if o.stage == Action.Stage.DISCONTINUED else "")

    @factory.post_generation
    def people(self, create, counts, **kwargs):
        for key, count in (counts or {}).items():
            PeopleReached.objects.create(
                update=self, target_group=Term.objects.get(vocabulary_id="target_groups", key=key), count=count
            )
