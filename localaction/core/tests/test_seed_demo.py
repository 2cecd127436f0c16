"""manage.py seed_demo: enough varied demo content to try every page, personas for every role, safe to re-run."""
import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import F, Q

from localaction.actions.models import Action, CoPledger, Indicator, Link, Partner
from localaction.campaigns.models import Campaign
from localaction.core.demo_data import DEMO_PASSWORD, GOVERNMENT_A, GOVERNMENT_B, PERSONAS
from localaction.governments.models import Government, Membership
from localaction.taxonomy.models import GCMObjective, GCRArea, Region

pytestmark = pytest.mark.django_db


def seed(**options):
    out = io.StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def seeded():
    seed()


def published():
    return Action.objects.published()


def assert_compacts_covered():
    actions = published()
    gcm = set(actions.filter(gcm_objectives__isnull=False).values_list("gcm_objectives", flat=True))
    assert gcm == set(GCMObjective.objects.values_list("number", flat=True))
    assert len(gcm) == 23
    areas = set(actions.filter(gcr_areas__isnull=False).values_list("gcr_areas", flat=True))
    assert areas == set(GCRArea.objects.values_list("key", flat=True))
    assert len(areas) == 6


def snapshot():
    """The seeded content without database ids, to compare two runs."""
    actions = sorted(
        Action.objects.values_list(
            "public_id", "slug", "government__slug", "kind", "status", "stage", "original_language", "title_en",
            "title_fr", "title_es", "description_es", "published_at", "reviewed_at", "created_at", "budget",
            "currency", "matches__public_id", "campaign__slug",
        )
    )
    mappings = sorted(Action.gcm_objectives.through.objects.values_list("action__public_id", "gcmobjective_id"))
    terms = sorted(Action.terms.through.objects.values_list("action__public_id", "term__key"))
    governments = sorted(Government.objects.values_list("slug", "name", "latitude", "longitude", "verified"))
    return actions, mappings, terms, governments


def test_governments_are_real_places_in_every_region(seeded):
    governments = Government.objects.filter(is_demo=True)
    assert governments.count() >= 80
    regions = set(governments.values_list("country__region", flat=True))
    assert regions == set(Region.objects.filter(parent__isnull=True).values_list("code", flat=True))
    assert len(regions) == 5
    assert len(set(governments.values_list("country__subregion", flat=True))) >= 15
    assert governments.filter(kind=Government.Kind.ASSOCIATION).count() >= 2
    assert governments.filter(verified=False).exists()
    assert not governments.filter(verified=True, verified_at__isnull=True).exists()
    assert not governments.filter(Q(latitude__isnull=True) | Q(longitude__isnull=True)).exists()
    assert governments.filter(name=GOVERNMENT_A, country="CA", verified=True).exists()
    assert governments.filter(name=GOVERNMENT_B, country="CO", verified=True).exists()


def test_published_actions_cover_both_kinds_and_the_compacts(seeded):
    actions = published()
    assert actions.count() >= 120
    assert actions.filter(kind=Action.Kind.PRACTICE).count() >= 20
    assert actions.filter(kind=Action.Kind.PLEDGE).count() >= 20
    assert_compacts_covered()
    assert not Action.objects.filter(government__verified=False).exists()
    assert not actions.filter(kind=Action.Kind.PLEDGE, stage="").exists()
    years = {when.year for when in actions.values_list("published_at", flat=True)}
    assert years >= set(range(2019, 2027))
    assert actions.filter(reviewed_at__isnull=False).exists()
    assert actions.filter(reviewed_at__isnull=True).exists()
    assert not actions.filter(created_at__gt=F("published_at")).exists()  # back-dated despite auto_now_add
    assert actions.filter(campaign__isnull=False).count() > actions.count() / 2
    for vocabulary in ("themes", "target_groups", "gcm_pledge_types"):
        assert actions.filter(terms__vocabulary=vocabulary).exists(), vocabulary
    assert actions.filter(guiding_principles__isnull=False).exists()
    assert actions.filter(gcr_objectives__isnull=False).exists()
    assert actions.filter(sdgs__isnull=False).exists()


def test_actions_are_written_in_three_languages(seeded):
    actions = published()
    assert actions.filter(original_language="fr").count() >= 15
    assert actions.filter(original_language="es").count() >= 15
    # Some exist only in their original language, so readers see a labelled fallback.
    only_original = actions.filter(original_language="fr", title_en="", title_es="").exclude(title_fr="")
    assert only_original.exists()
    assert actions.filter(original_language="es", title_en="", title_fr="").exclude(title_es="").exists()
    fallback = only_original.first().translated("title", "en")
    assert fallback.is_fallback and fallback.language == "fr" and fallback.text
    # Others have all three, some of them checked by a reviewer.
    assert actions.filter(original_language="es").exclude(title_en="").exclude(title_fr="").exists()
    assert actions.filter(translation_status__fr="checked").exists()
    assert len(set(actions.values_list("title_en", flat=True))) >= 40


def test_pledges_have_details_partners_and_links(seeded):
    pledges = published().filter(kind=Action.Kind.PLEDGE)
    assert Indicator.objects.filter(action__in=pledges).exists()
    assert not Indicator.objects.exclude(action__kind=Action.Kind.PLEDGE).exists()
    joint = CoPledger.objects.filter(action__status=Action.Status.PUBLISHED)
    assert joint.exists() and not joint.filter(confirmed_at__isnull=True).exists()
    matching = pledges.filter(matches__isnull=False)
    assert matching.exists()
    for action in matching.select_related("matches"):
        assert action.matches.is_published and action.matches.kind == Action.Kind.PLEDGE
        assert action.matches.government_id != action.government_id
    assert Partner.objects.exists()
    links = Link.objects.all()
    assert links.exists()
    assert all(url.startswith("https://example.org/") for url in links.values_list("url", flat=True))
    assert published().exclude(budget=None).exclude(currency="USD").exists()
    assert not Action.objects.filter(end_date__lt=F("start_date")).exists()


def test_campaigns(seeded):
    slugs = set(Campaign.objects.values_list("slug", flat=True))
    assert {"imrf-2022", "grf-2023", "imrf-2026", "grf-2027"} <= slugs
    first = Campaign.objects.get(slug="imrf-2022")
    assert first.name_en == "IMRF 2022 — first cohort" and first.name_fr and first.name_es
    grf = Campaign.objects.get(slug="grf-2027")
    assert grf.opens_on.isoformat() == "2026-09-01" and grf.closes_on.isoformat() == "2027-10-31"


def test_personas_can_sign_in_with_their_roles(seeded):
    User = get_user_model()
    assert len(PERSONAS) == 7
    for persona in PERSONAS:
        user = authenticate(email=persona["email"], password=DEMO_PASSWORD)
        assert user is not None, persona["email"]
        assert authenticate(email=persona["email"], password="wrong-password") is None
    admin = User.objects.get(email="admin@localaction.test")
    assert admin.is_superuser and admin.is_staff
    assert User.objects.get(email="reviewer@localaction.test").groups.filter(name="reviewers").exists()
    assert User.objects.get(email="fund.manager@localaction.test").groups.filter(name="fund_managers").exists()
    assert User.objects.get(email="evaluator@localaction.test").groups.filter(name="evaluators").exists()
    assert not User.objects.get(email="editor@localaction.test").groups.exists()
    memberships = set(Membership.objects.values_list("user__email", "government__name", "role"))
    assert memberships == {
        ("focal.point@localaction.test", GOVERNMENT_A, "focal_point"),
        ("editor@localaction.test", GOVERNMENT_A, "editor"),
        ("member.b@localaction.test", GOVERNMENT_B, "focal_point"),
    }
    assert {u.language for u in User.objects.all()} == {"en", "fr", "es"}


def test_unpublished_actions_for_every_status(seeded):
    unpublished = Action.objects.exclude(status=Action.Status.PUBLISHED)
    assert set(unpublished.values_list("status", flat=True)) == {
        "draft", "submitted", "changes_requested", "rejected", "withdrawn",
    }
    assert unpublished.filter(status="draft", government__name=GOVERNMENT_A).exists()
    assert unpublished.filter(status="draft", government__name=GOVERNMENT_B).exists()
    assert not unpublished.filter(published_at__isnull=False).exists()
    assert published().filter(government__name=GOVERNMENT_A).exists()
    assert published().filter(government__name=GOVERNMENT_B).exists()


def test_second_run_changes_nothing(seeded):
    models = (Government, Action, CoPledger, Partner, Indicator, Link, Campaign, Membership, get_user_model(),
              Action.gcm_objectives.through, Action.terms.through)
    before = [model.objects.count() for model in models]
    output = seed()
    assert "already present" in output
    assert [model.objects.count() for model in models] == before


def test_two_runs_on_empty_databases_give_the_same_content():
    with transaction.atomic():  # a savepoint: the first run is rolled back to an empty database
        seed()
        first = snapshot()
        transaction.set_rollback(True)
    assert not Government.objects.exists()
    seed()
    assert snapshot() == first


def test_number_of_published_actions():
    seed(actions=300)
    assert published().count() == 300
    assert_compacts_covered()


def test_coverage_holds_for_very_few_actions():
    seed(actions=5)
    assert published().count() == 5
    assert_compacts_covered()


def test_rejects_a_non_positive_number():
    with pytest.raises(CommandError):
        seed(actions=0)
    assert not Government.objects.exists()
