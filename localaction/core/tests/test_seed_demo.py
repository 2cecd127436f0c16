"""manage.py seed_demo: enough varied demo content to try every page, personas for every role, safe to re-run."""
import io
import re
from datetime import date

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse

from localaction.actions.models import Action, ActionRevision, CoPledger, Indicator, Link, Partner
from localaction.actions.services import diff, snapshot_data
from localaction.activity.models import ActivityLog
from localaction.campaigns.models import Campaign
from localaction.core.demo_data import DEMO_PASSWORD, GOVERNMENT_A, GOVERNMENT_B, HISTORY_LIMIT, PERSONAS, REQUESTERS
from localaction.declarations.models import Endorsement
from localaction.declarations.validators import ADOPTED_ON, validate_pdf
from localaction.governments.models import Government, GovernmentRequest, Invitation, Membership
from localaction.notifications.messages import MESSAGES
from localaction.notifications.models import Notification
from localaction.taxonomy.models import GCMObjective, GCRArea, Region

pytestmark = pytest.mark.django_db

WORKSPACE_MODELS = (Endorsement, GovernmentRequest, Invitation, ActionRevision, ActivityLog, Notification)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """The endorsement letters are written through the storage: keep them out of the project's media folder."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


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
    endorsements = sorted(
        Endorsement.objects.values_list(
            "government__slug", "signatory_name", "signatory_title", "signed_on", "status", "reason", "created_at",
            "decided_at",
        )
    )
    requests = sorted(
        GovernmentRequest.objects.values_list("user__email", "government__slug", "kind", "status", "created_at")
    )
    # Snapshots hold the campaign's, matched and inspiring actions' ids, which differ between databases.
    revisions = sorted(
        (public_id, number, {k: v for k, v in content.items() if k not in ("campaign_id", "matches_id", "inspired_by_id")}, when)
        for public_id, number, content, when in ActionRevision.objects.values_list(
            "action__public_id", "number", "data", "approved_at"
        )
    )
    # Log entries without database ids (the working copy's pk in a payload differs between databases).
    activity = sorted(
        (verb, actor or "", government or "", str(when),
         sorted((key, str(value)) for key, value in payload.items() if key != "working_copy_pk"))
        for verb, actor, government, when, payload in ActivityLog.objects.values_list(
            "verb", "actor__email", "government__slug", "created_at", "payload"
        )
    )
    notices = sorted(Notification.objects.values_list("user__email", "verb", "url", "context", "created_at", "read_at"))
    return actions, mappings, terms, governments, endorsements, requests, revisions, activity, notices


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
    # Every joint pledge is confirmed, except the invitation government A has still to answer.
    assert joint.exists()
    unanswered = joint.filter(confirmed_at__isnull=True)
    assert set(unanswered.values_list("government__name", "action__government__name")) <= {(GOVERNMENT_A, GOVERNMENT_B)}
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
        # Registering a government makes the requester its focal point at once.
        ("new.city@localaction.test", "Guadalajara", "focal_point"),
        ("nouvelle.ville@localaction.test", "Oran", "focal_point"),
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


def test_second_run_changes_nothing(seeded, media):
    models = (Government, Action, CoPledger, Partner, Indicator, Link, Campaign, Membership, get_user_model(),
              Action.gcm_objectives.through, Action.terms.through, *WORKSPACE_MODELS)
    letters = sorted(path.name for path in media.rglob("*.pdf"))
    before = [model.objects.count() for model in models]
    output = seed()
    assert "already present" in output
    assert [model.objects.count() for model in models] == before
    assert sorted(path.name for path in media.rglob("*.pdf")) == letters


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
    # History is written for the first HISTORY_LIMIT published actions only; the workspace rows do not grow.
    assert ActionRevision.objects.count() == HISTORY_LIMIT
    assert Action.objects.filter(revision_of__isnull=False).count() == 1
    assert Endorsement.objects.filter(status="submitted").count() == 3


def test_coverage_holds_for_very_few_actions():
    seed(actions=5)
    assert published().count() == 5
    assert_compacts_covered()


def test_rejects_a_non_positive_number():
    with pytest.raises(CommandError):
        seed(actions=0)
    assert not Government.objects.exists()


# --- the workspace: endorsements, requests, review, history ----------------------------------------------------


def reviewer():
    return get_user_model().objects.get(email="reviewer@localaction.test")


def assert_is_a_valid_pdf(content):
    assert content.startswith(b"%PDF-1.4\n") and content.rstrip().endswith(b"%%EOF")
    # The cross-reference table points at each object, as readers expect.
    xref_at = int(re.search(rb"startxref\n(\d+)\n", content).group(1))
    assert content[xref_at:].startswith(b"xref\n")
    offsets = [int(offset) for offset in re.findall(rb"(\d{10}) 00000 n ", content)]
    assert len(offsets) == 5
    for number, offset in enumerate(offsets, start=1):
        assert content[offset:].startswith(f"{number} 0 obj".encode())


def test_most_verified_governments_endorsed_the_declaration_with_a_signed_letter(seeded):
    verified_governments = Government.objects.filter(is_demo=True, verified=True)
    verified = Endorsement.objects.filter(status=Endorsement.Status.VERIFIED)
    assert verified.count() > verified_governments.count() * 0.6
    assert Endorsement.objects.verified().count() == verified.count()  # the public list of signatories
    assert not Endorsement.objects.filter(government__verified=False).exists()
    montreal = verified.get(government__name=GOVERNMENT_A)
    assert montreal.signatory_title == "Mayor of Montréal" and montreal.signatory_name
    assert montreal.submitted_by.email == "focal.point@localaction.test"
    assert not Endorsement.objects.filter(government__name=GOVERNMENT_B).exists()  # B can try the form
    assert set(verified.values_list("decided_by", flat=True)) == {reviewer().pk}
    assert not verified.filter(decided_at__lt=F("created_at")).exists()
    for signed_on in Endorsement.objects.values_list("signed_on", flat=True):
        assert ADOPTED_ON <= signed_on <= date(2026, 11, 1)
    for endorsement in Endorsement.objects.all():
        assert endorsement.letter.name.startswith("declarations/") and endorsement.letter.name.endswith(".pdf")
        with endorsement.letter.open("rb") as letter:
            validate_pdf(letter)
            letter.seek(0)
            assert_is_a_valid_pdf(letter.read())


def test_some_endorsements_wait_for_a_reviewer_and_one_was_rejected(seeded):
    waiting = Endorsement.objects.filter(status=Endorsement.Status.SUBMITTED)
    assert waiting.count() == 3
    assert not waiting.filter(Q(decided_at__isnull=False) | Q(decided_by__isnull=False)).exists()
    rejected = Endorsement.objects.get(status=Endorsement.Status.REJECTED)
    assert rejected.reason and rejected.decided_by == reviewer()
    # At most one live endorsement per government, and the rejected one's government has none.
    live = Endorsement.objects.exclude(status=Endorsement.Status.REJECTED)
    assert live.count() == live.values("government").distinct().count()
    assert not live.filter(government=rejected.government).exists()


def test_requests_to_register_and_join_wait_for_a_reviewer(seeded):
    pending = GovernmentRequest.objects.filter(status=GovernmentRequest.Status.PENDING)
    registrations = pending.filter(kind=GovernmentRequest.Kind.REGISTER)
    assert set(registrations.values_list("user__email", "government__name", "government__verified")) == {
        ("new.city@localaction.test", "Guadalajara", False),
        ("nouvelle.ville@localaction.test", "Oran", False),
    }
    for request in registrations:
        assert request.created_at == request.government.created_at
    join = pending.get(kind=GovernmentRequest.Kind.JOIN)
    assert (join.user.email, join.government.name, join.role) == ("applicant@localaction.test", GOVERNMENT_A, "editor")
    assert not Membership.objects.filter(user=join.user).exists()
    for requester in REQUESTERS:
        assert authenticate(email=requester["email"], password=DEMO_PASSWORD) is not None


def test_the_editor_joined_government_a_through_an_approved_request():
    output = seed()
    approved = GovernmentRequest.objects.get(status=GovernmentRequest.Status.APPROVED)
    assert (approved.user.email, approved.government.name, approved.kind) == (
        "editor@localaction.test", GOVERNMENT_A, "join"
    )
    assert approved.decided_by == reviewer() and approved.decided_at.year == 2024
    assert Membership.objects.get(user=approved.user).created_at == approved.decided_at
    for requester in REQUESTERS:  # the command tells where to sign in
        assert requester["email"] in output


def test_the_focal_point_of_a_invited_a_colleague(seeded):
    invitation = Invitation.objects.get()
    assert invitation.government.name == GOVERNMENT_A and invitation.invited_by.email == "focal.point@localaction.test"
    assert invitation.accepted_at is None and invitation.revoked_at is None
    assert invitation.expires_at > invitation.created_at
    assert re.fullmatch(r"[0-9a-f]{64}", invitation.token_hash)  # only a hash; the link itself is unknown


def test_actions_of_several_governments_in_three_languages_wait_for_review(seeded):
    submitted = Action.objects.filter(status=Action.Status.SUBMITTED, revision_of__isnull=True)
    assert submitted.values("government").distinct().count() >= 5
    assert {"en", "fr", "es"} <= set(submitted.values_list("original_language", flat=True))
    assert not submitted.filter(submitted_at__isnull=True).exists()
    assert not submitted.filter(submitted_at__lt=F("created_at")).exists()
    sent_back = Action.objects.get(status=Action.Status.CHANGES_REQUESTED, government__name=GOVERNMENT_A)
    assert sent_back.review_note and sent_back.reviewed_at > sent_back.submitted_at
    rejected = Action.objects.get(status=Action.Status.REJECTED)
    assert rejected.review_note
    assert not published().filter(Q(submitted_at__isnull=True) | Q(submitted_at__gt=F("published_at"))).exists()
    assert not published().filter(submitted_at__lt=F("created_at")).exists()
    assert not Action.objects.filter(government__verified=False).exists()


def test_a_published_action_of_government_a_has_a_proposed_change(seeded):
    copy = Action.objects.get(revision_of__isnull=False)
    public = copy.revision_of
    assert public.is_published and public.government.name == GOVERNMENT_A
    assert copy.status == Action.Status.SUBMITTED and copy.published_at is None and copy.submitted_at
    assert copy.government == public.government and copy.public_id != public.public_id
    changed = {field for field, _old, _new in diff(snapshot_data(public), snapshot_data(copy))}
    assert f"title_{public.original_language}" in changed
    assert not changed & {"gcm_objectives", "terms", "partners", "indicators", "links"}
    # What the reviewer compares it with: the approved revision of the public action.
    assert public.revisions.get(number=1).data == snapshot_data(public)
    entries = ActivityLog.objects.filter(verb="action.revision_started", object_id=str(public.pk))
    assert entries.get().payload["working_copy_pk"] == copy.pk


def test_government_a_is_invited_to_join_a_pledge_of_government_b(seeded):
    link = CoPledger.objects.get(government__name=GOVERNMENT_A)
    assert link.action.government.name == GOVERNMENT_B and link.action.kind == Action.Kind.PLEDGE
    assert link.confirmed_at is None and link.declined_at is None
    assert link.invited_at.year == 2026
    notice = Notification.objects.get(user__email="focal.point@localaction.test", verb="copledge.invited")
    assert notice.read_at is None and notice.context["lead"] == GOVERNMENT_B


def test_published_actions_have_their_first_revision_and_a_history(seeded):
    revisions = ActionRevision.objects.select_related("action")
    assert revisions.count() == min(published().count(), HISTORY_LIMIT)
    assert set(revisions.values_list("number", flat=True)) == {1}
    for revision in revisions.order_by("pk")[:10]:
        assert revision.data == snapshot_data(revision.action)
        assert revision.approved_at == revision.action.published_at and revision.approved_by == reviewer()
    action = revisions.first().action
    verbs = list(ActivityLog.objects.filter(object_id=str(action.pk), content_type__model="action")
                 .order_by("created_at").values_list("verb", flat=True))
    assert verbs == ["action.created", "action.submitted", "action.published"]


def test_history_matches_the_states_created(seeded):
    log = ActivityLog.objects.all()
    assert {
        "government.registration_requested", "government.join_requested", "government_request.approved",
        "invitation.created", "endorsement.submitted", "endorsement.verified", "endorsement.rejected",
        "action.created", "action.submitted", "action.published", "action.changes_requested", "action.rejected",
        "action.withdrawn", "action.revision_started", "copledge.invited",
    } <= set(log.values_list("verb", flat=True))
    # Every entry belongs to a government's history, except the reviewers' own imports (platform-wide batches).
    assert not log.filter(government__isnull=True).exclude(verb__startswith="imports.").exists()
    assert not log.filter(created_at__year__gt=2026).exists()
    assert log.filter(verb="endorsement.verified").count() == Endorsement.objects.filter(status="verified").count()
    decisions = log.filter(verb__in=[
        "action.published", "action.changes_requested", "action.rejected", "endorsement.verified",
        "endorsement.rejected", "government_request.approved",
    ])
    assert set(decisions.values_list("actor__email", flat=True)) == {"reviewer@localaction.test"}
    sent_back = Action.objects.get(status=Action.Status.CHANGES_REQUESTED, government__name=GOVERNMENT_A)
    verbs = list(log.filter(object_id=str(sent_back.pk), content_type__model="action")
                 .order_by("created_at").values_list("verb", "actor__email"))
    assert verbs == [
        ("action.created", "focal.point@localaction.test"),
        ("action.submitted", "focal.point@localaction.test"),
        ("action.changes_requested", "reviewer@localaction.test"),
    ]


def test_personas_have_notices_about_their_work(seeded):
    notices = Notification.objects.all()
    assert set(notices.values_list("verb", flat=True)) <= set(MESSAGES)
    focal = notices.filter(user__email="focal.point@localaction.test")
    assert focal.filter(verb="action.changes_requested", read_at__isnull=True).exists()
    assert focal.filter(verb="endorsement.verified").exists()
    assert notices.filter(user__email="editor@localaction.test", verb="action.changes_requested").exists()
    assert notices.filter(user__email="member.b@localaction.test", verb="action.published").exists()
    assert notices.filter(user__email="member.b@localaction.test", verb="copledge.invited").exists()
    for notice in notices.select_related("user"):
        assert notice.url.startswith(f"/{notice.user.language}/")  # reversed in the reader's language
        assert notice.context.get("government")


def test_the_personas_find_the_seeded_work_in_their_workspace(client, seeded):
    client.force_login(get_user_model().objects.get(email="focal.point@localaction.test"))
    link = CoPledger.objects.get(government__name=GOVERNMENT_A)
    page = client.get(reverse("actions_workspace:copledge_invitations"))
    assert page.status_code == 200
    assert link.action.translated("title", "en").text in page.content.decode()
    client.force_login(reviewer())
    page = client.get(reverse("declarations_workspace:queue"))
    assert page.status_code == 200
    for endorsement in Endorsement.objects.filter(status=Endorsement.Status.SUBMITTED):
        assert endorsement.government.name in page.content.decode()
    page = client.get(reverse("governments_workspace:requests"))
    assert page.status_code == 200 and "Guadalajara" in page.content.decode()
