"""Fixtures of the sharing tests: a fresh cache, and a government with actions in every state."""
import pytest
from django.core.cache import cache

from localaction.actions.models import Action
from localaction.factories import ActionFactory, GovernmentFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Share images are kept in the cache: each test starts without any."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def government(db):
    return GovernmentFactory(name="Ville de Partage", slug="ville-de-partage", country_id="SN")


@pytest.fixture
def actions_in_every_state(government):
    """One published practice and one published pledge, and one action in each state the public never sees."""
    made = {
        "practice": ActionFactory(government=government, published=True, title_en="Published practice"),
        "pledge": ActionFactory(
            government=government, published=True, kind=Action.Kind.PLEDGE, title_en="Published pledge"
        ),
    }
    for status in (
        Action.Status.DRAFT, Action.Status.SUBMITTED, Action.Status.CHANGES_REQUESTED,
        Action.Status.REJECTED, Action.Status.WITHDRAWN,
    ):
        made[status] = ActionFactory(government=government, status=status, title_en=f"Hidden {status} action")
    return made
