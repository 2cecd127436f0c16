"""The reporting-status badge of a pledge says its status in words, with the date."""
from datetime import date

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from localaction.actions.models import Action
from localaction.factories import ActionFactory, CampaignFactory
from localaction.progress.schedule import due_states

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledge():
    return ActionFactory(kind=Action.Kind.PLEDGE, published=True, last_progress_on=date(2023, 8, 31))


def badge(action, today, **context):
    return " ".join(render_to_string("progress/_due_badge.html", {"action": action, "today": today, **context}).split())


@pytest.mark.parametrize(("today", "tag", "sentence"), [
    (date(2023, 12, 1), "On time", 'Next progress update due by <time datetime="2024-02-29">Feb. 29, 2024</time>'),
    (date(2024, 2, 1), "Update due", 'Progress update due by <time datetime="2024-02-29">Feb. 29, 2024</time>'),
    (date(2024, 3, 1), "Overdue", 'Progress update overdue since <time datetime="2024-02-29">Feb. 29, 2024</time>'),
    (date(2025, 9, 1), "Inactive", 'No progress reported since <time datetime="2023-08-31">Aug. 31, 2023</time>'),
])
def test_the_badge_says_the_status_and_its_date(pledge, today, tag, sentence):
    html = badge(pledge, today)
    assert f">{tag}</span>" in html
    assert sentence in html


def test_the_badge_uses_the_readers_language_for_the_date(pledge):
    with translation.override("fr"):
        assert '<time datetime="2024-02-29">29 février 2024</time>' in badge(pledge, date(2024, 2, 1))


def test_practices_and_fulfilled_pledges_have_no_badge(pledge):
    assert badge(ActionFactory(published=True), date(2024, 2, 1)) == ""
    pledge.stage = Action.Stage.FULFILLED
    assert badge(pledge, date(2024, 2, 1)) == ""


def test_a_list_page_passes_the_states_it_computed_at_once(django_assert_num_queries):
    campaign = CampaignFactory(reporting_interval_months=3)
    actions = [
        ActionFactory(kind=Action.Kind.PLEDGE, published=True, campaign=campaign, last_progress_on=date(2024, 1, 31))
        for _ in range(3)
    ]
    actions = list(Action.objects.filter(pk__in=[action.pk for action in actions]))
    states = due_states(actions, date(2024, 4, 15))
    with django_assert_num_queries(0):
        html = "".join(badge(action, None, due_states=states) for action in actions)
    assert html.count('due by <time datetime="2024-04-30">') == 3
