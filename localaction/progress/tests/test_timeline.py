"""The public progress timeline (the partial progress/_timeline.html that the action page includes): published
updates only, newest first, in the reader's language with the fallback labelled, figures against targets, no
personal data, and a fixed number of queries however many updates there are."""
import datetime

import pytest
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from localaction.actions.models import Action, CoPledger
from localaction.factories import UserFactory
from localaction.progress.models import ProgressUpdate
from localaction.progress.timeline import timeline_prefetch
from localaction.taxonomy.models import Term

from .factories import ProgressUpdateFactory, pdf_upload, published_pledge

pytestmark = pytest.mark.django_db

Status = ProgressUpdate.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def pledge(personas):
    return published_pledge(personas.government_a)


def as_the_public_page_reads_it(action):
    """The action as actions.views.get_published_action loads it once the timeline's prefetch is added."""
    return Action.objects.published().select_related("government").prefetch_related(
        Prefetch("co_pledger_links", queryset=CoPledger.objects.filter(confirmed_at__isnull=False).select_related("government")),
        timeline_prefetch(),
    ).get(pk=action.pk)


def render(action):
    return render_to_string("progress/_timeline.html", {"action": action})


def full_update(pledge, **fields):
    """A published update with an indicator value, people reached, a link and a file."""
    update = ProgressUpdateFactory(action=pledge, published=True, money_committed=50000, money_spent=20000, **fields)
    update.indicator_values.create(indicator=pledge.indicators.get(), value=250)
    update.people_reached.create(target_group=Term.objects.get(vocabulary_id="target_groups", key="refugees"), count=1200)
    update.evidence.create(title="Press release", url="https://example.org/news")
    update.evidence.create(title="Annual report", file=pdf_upload())
    return update


def test_it_shows_published_updates_newest_first_and_nothing_else(pledge):
    ProgressUpdateFactory(action=pledge, published=True, reported_on=datetime.date(2024, 12, 31), narrative_en="Premises found.")
    ProgressUpdateFactory(action=pledge, published=True, reported_on=datetime.date(2025, 6, 30), narrative_en="Cafés opened.")
    for status, text in ((Status.DRAFT, "Draft text"), (Status.SUBMITTED, "Submitted text"), (Status.RETURNED, "Returned text")):
        ProgressUpdateFactory(action=pledge, status=status, narrative_en=text)

    html = render(as_the_public_page_reads_it(pledge))

    assert html.index("Cafés opened.") < html.index("Premises found.")
    assert 'datetime="2025-06-30"' in html and "In progress" in html
    for hidden in ("Draft text", "Submitted text", "Returned text"):
        assert hidden not in html


def test_a_pledge_without_published_updates_shows_no_timeline(pledge):
    ProgressUpdateFactory(action=pledge, submitted=True)
    assert render(as_the_public_page_reads_it(pledge)).strip() == ""


def test_it_shows_figures_against_targets_money_and_evidence(pledge):
    update = full_update(pledge)
    html = render(as_the_public_page_reads_it(pledge))

    assert "People taking part" in html and "250 people" in html and "50% of the target" in html
    assert "Refugees" in html and "1,200" in html
    assert "50,000 EUR" in html and "20,000 EUR" in html
    assert 'href="https://example.org/news"' in html
    assert reverse("progress:evidence", args=[update.evidence.get(url="").pk]) in html


def test_it_shows_why_a_pledge_was_discontinued(pledge):
    ProgressUpdateFactory(action=pledge, published=True, stage="discontinued", discontinued_reason="The funding ended.")
    html = render(as_the_public_page_reads_it(pledge))
    assert "Discontinued" in html and "The funding ended." in html


def test_the_narrative_is_in_the_readers_language_else_in_its_original_one_labelled(pledge):
    ProgressUpdateFactory(action=pledge, published=True, original_language="es", narrative_en="",
                          narrative_es="Se abrieron dos cafés.", narrative_fr="")
    with translation.override("fr"):
        html = render(as_the_public_page_reads_it(pledge))
    assert '<div class="prose" lang="es">' in html and "Se abrieron dos cafés." in html
    assert 'class="original-language"' in html and "espagnol" in html.lower()

    ProgressUpdate.objects.update(narrative_fr="Deux cafés ont ouvert.")
    with translation.override("fr"):
        html = render(as_the_public_page_reads_it(pledge))
    assert "Deux cafés ont ouvert." in html and 'class="original-language"' not in html


def test_it_shows_nothing_personal(pledge):
    author = UserFactory(full_name="Amina Haddad", email="amina@example.org")
    update = full_update(pledge, created_by=author, review_note="Internal reviewer remark")
    html = render(as_the_public_page_reads_it(pledge))
    for private in ("Amina Haddad", "amina@example.org", "Internal reviewer remark"):
        assert private not in html
    assert update.evidence.get(url="").file.name not in html  # stored file names stay private


def test_a_joint_pledge_says_the_lead_reports_for_all(personas, pledge):
    CoPledger.objects.create(action=pledge, government=personas.government_b, confirmed_at="2025-01-01T00:00Z")
    ProgressUpdateFactory(action=pledge, published=True)
    html = render(as_the_public_page_reads_it(pledge))
    assert "Government A reports progress for all the governments of this joint pledge." in html


@pytest.mark.parametrize("count", [1, 6])
def test_loading_and_rendering_the_timeline_takes_a_fixed_number_of_queries(pledge, count, django_assert_num_queries):
    for day in range(count):
        full_update(pledge, reported_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=day))
    # The action, its co-pledgers, and the updates with their three parts.
    with django_assert_num_queries(6):
        action = as_the_public_page_reads_it(pledge)
    with django_assert_num_queries(0):
        html = render(action)
    assert html.count("<h3>") == count


def test_without_the_prefetch_the_partial_still_works_in_four_queries(pledge, django_assert_num_queries):
    for day in range(3):
        full_update(pledge, reported_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=day))
    action = Action.objects.select_related("government").prefetch_related("co_pledger_links").get(pk=pledge.pk)
    with django_assert_num_queries(4):
        assert "Press release" in render(action)


def test_an_unpublished_action_shows_no_timeline_even_without_the_prefetch(pledge):
    ProgressUpdateFactory(action=pledge, published=True, narrative_en="Cafés opened.")
    Action.objects.filter(pk=pledge.pk).update(status=Action.Status.WITHDRAWN)
    action = Action.objects.get(pk=pledge.pk)
    assert "Cafés opened." not in render(action)


def test_the_public_page_shows_published_updates_only(client):
    from localaction.factories import ActionFactory
    from localaction.progress.models import ProgressUpdate

    pledge = ActionFactory(published=True, kind="pledge", stage="planning")
    ProgressUpdate.objects.create(action=pledge, status="published", stage="in_progress", reported_on="2026-01-15",
                                  narrative_en="Forty families housed.", published_at="2026-02-01T00:00Z")
    ProgressUpdate.objects.create(action=pledge, status="submitted", stage="fulfilled", reported_on="2026-06-15",
                                  narrative_en="Draft narrative not yet reviewed.")
    page = client.get(pledge.get_absolute_url()).content.decode()
    assert "Forty families housed." in page
    assert "Draft narrative not yet reviewed." not in page
