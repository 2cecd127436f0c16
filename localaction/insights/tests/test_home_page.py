"""The home page: live counters, the map, three charts, the latest actions and progress updates — light."""
import datetime
import gzip
import re

import pytest
from django.urls import reverse

from localaction.actions.models import Action
from localaction.factories import ActionFactory
from localaction.progress.models import ProgressUpdate

from .chart_fixtures import fixed_catalog  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def home(client):
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return response, response.content.decode()


def test_the_counters_include_endorsements_people_reached_and_fulfilled_pledges(client, fixed_catalog):
    response, page = home(client)
    assert response.context["counts"] == {"actions": 36, "pledges": 24, "countries": 4, "governments": 4}
    assert response.context["more"] == {"endorsements": 3, "people_reached": 550, "fulfilled": 4}
    assert re.search(r'<span class="stat-number">550</span> people reached', page)


def test_the_counters_move_with_a_publish(client, fixed_catalog):
    home(client)
    ActionFactory(published=True, kind=Action.Kind.PLEDGE, government=fixed_catalog["governments"]["SN"])
    response, _page = home(client)
    assert (response.context["counts"]["actions"], response.context["counts"]["pledges"]) == (37, 25)


def test_it_shows_the_map_and_three_charts_with_their_tables_and_downloads(client, fixed_catalog):
    _response, page = home(client)
    assert 'class="world-map"' in page
    for key in ("gcm", "stages", "growth"):
        assert re.search(rf'<h3 id="home-{key}-title">', page), key
        assert f'aria-labelledby="home-{key}-title home-{key}-summary"' in page
        assert reverse("insights:chart_csv", args=[key]) in page
    assert page.count("<details") >= 3
    assert reverse("insights:index") in page


def test_the_latest_published_updates_are_listed_and_others_are_not(client, fixed_catalog):
    pledge = fixed_catalog["pledges"][9]
    _response, page = home(client)
    assert "Latest progress updates" in page
    assert pledge.get_absolute_url() in page  # its update was published last
    draft = ActionFactory(kind=Action.Kind.PLEDGE, title_en="A pledge nobody sees yet")
    ProgressUpdate.objects.create(
        action=draft, status=ProgressUpdate.Status.PUBLISHED, stage=Action.Stage.IN_PROGRESS,
        reported_on=datetime.date(2025, 9, 1), published_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc),
    )
    _response, page = home(client)
    assert "A pledge nobody sees yet" not in page


def test_it_works_without_javascript_and_stays_light(client, fixed_catalog):
    response, page = home(client)
    assert "<script" not in page
    assert len(gzip.compress(response.content)) < 40_000


def test_an_empty_platform_has_a_home_page_too(client, db):
    _response, page = home(client)
    assert "No action has been published yet." in page
    assert "No published action matches these filters." in page
