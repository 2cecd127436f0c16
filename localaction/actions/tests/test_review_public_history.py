"""The public history block of an action page: dates only, never who."""
from datetime import datetime, timezone

import pytest
from django.template.loader import render_to_string

from localaction.actions import services
from localaction.actions.models import ActionRevision

from .factories_review import proposed_change, published_action, submitted_action

pytestmark = pytest.mark.django_db


def block(action):
    return " ".join(render_to_string("actions/_public_history.html", {"action": action}).split())


def test_a_first_publication_shows_when_it_was_published_and_reviewed(personas):
    action = published_action(personas.government_a, published_at=datetime(2026, 3, 2, 10, tzinfo=timezone.utc))

    html = block(action)

    assert "Published on March 2, 2026" in html
    assert "Reviewed on March 2, 2026" in html
    assert "Last updated" not in html


def test_an_approved_change_shows_when_the_action_was_last_updated(personas):
    action = published_action(personas.government_a, published_at=datetime(2026, 3, 2, 10, tzinfo=timezone.utc))
    ActionRevision.objects.create(action=action, number=2, data={}, approved_at=datetime(2026, 6, 15, 9, tzinfo=timezone.utc))

    assert "Last updated on June 15, 2026" in block(action)


def test_it_names_nobody(personas):
    personas.reviewer.full_name = "Rita Reviewer"
    personas.reviewer.save()
    personas.editor_a.full_name = "Eddie Editor"
    personas.editor_a.save()
    action = submitted_action(personas.government_a)
    services.approve(action, personas.reviewer)
    services.approve(proposed_change(action, personas.editor_a, title_en="Changed"), personas.reviewer)
    action.refresh_from_db()

    html = block(action)

    assert "Published on" in html and "Last updated on" in html and "Reviewed on" in html
    for personal in ("Rita", "Eddie", "@example.org"):
        assert personal not in html
