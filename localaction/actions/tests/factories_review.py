"""Actions in the states the review tests need, built through the services wherever a service exists, so the
tests start from what the platform would really have stored."""
from datetime import timedelta

from django.utils import timezone

from localaction.actions import services
from localaction.actions.models import Action, ActionRevision
from localaction.factories import ActionFactory
from localaction.taxonomy.models import Term


def complete_action(government, **fields):
    """A draft that meets the submission checklist (title, summary, mapping, a target group)."""
    fields.setdefault("gcm_objectives", [16])
    action = ActionFactory(government=government, **fields)
    action.terms.add(Term.objects.get(vocabulary_id="target_groups", key="migrants"))
    if action.kind == Action.Kind.PLEDGE:
        action.indicators.create(name="People taking part", unit="people", baseline=0, target=500)
    return action


def submitted_action(government, days_ago=0, **fields):
    """A complete action waiting for review since `days_ago` days."""
    fields.setdefault("status", Action.Status.SUBMITTED)
    action = complete_action(government, **fields)
    Action.objects.filter(pk=action.pk).update(submitted_at=timezone.now() - timedelta(days=days_ago))
    action.refresh_from_db()
    return action


def published_action(government, approved_by=None, **fields):
    """A published action with its first revision (as approve() leaves it)."""
    fields.setdefault("published_at", fields.get("reviewed_at") or timezone.now())
    fields.setdefault("reviewed_at", fields["published_at"])
    action = complete_action(government, status=Action.Status.PUBLISHED, **fields)
    ActionRevision.objects.create(
        action=action, number=1, data=services.snapshot_data(action), approved_by=approved_by, approved_at=action.reviewed_at
    )
    return action


def proposed_change(public, by, **changes):
    """A submitted working copy of `public` with `changes` applied, started and submitted by member `by`."""
    copy = services.start_revision(public, by)
    for field, value in changes.items():
        setattr(copy, field, value)
    copy.save()
    return services.submit(copy, by)
