"""Demo-like data for the read API's tests: public actions in three languages with their mappings, a pledge with
published and unpublished progress, governments in several regions, endorsements, campaigns — and everything the
public must never see (drafts, submitted and withdrawn actions, a working copy, an unverified government, pending
and rejected endorsements) next to members whose e-mail addresses, names and phone numbers are planted in every
field that could hold them."""
import datetime
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from localaction.accounts.models import Roles
from localaction.actions import services as action_services
from localaction.actions.models import Action, CoPledger
from localaction.declarations.tests.factories import EndorsementFactory
from localaction.factories import ActionFactory, CampaignFactory, GovernmentFactory, MembershipFactory, UserFactory
from localaction.governments.models import GovernmentRequest, Invitation, Membership
from localaction.progress.models import Evidence, IndicatorValue, PeopleReached
from localaction.progress.tests.factories import ProgressUpdateFactory, published_pledge
from localaction.taxonomy.models import Term

# What no answer of the API may contain.
MEMBER_EMAILS = ["focal.point@lyon.example.org", "editor@dakar.example.org", "reviewer@localaction.example.org"]
MEMBER_NAMES = ["Camille Rousseau-Fontaine", "Moussa Ndiaye-Diallo", "Amina Haddad-Benali"]
PHONES = ["+33 4 72 10 30 30", "+221 33 849 77 00", "+1 (514) 872-0311"]
SECRET_NOTE = "Call the focal point on +33 4 72 10 30 30 or focal.point@lyon.example.org"


def term(vocabulary, key):
    return Term.objects.get(vocabulary_id=vocabulary, key=key)


def make_read_data(days_ago=10):
    """Create the data set; returns a namespace of the objects tests refer to."""
    now = timezone.now()
    imrf = CampaignFactory(slug="imrf-2026", name_en="IMRF 2026", name_fr="FIEM 2026", name_es="FEMI 2026")
    grf = CampaignFactory(slug="grf-2027", name_en="GRF 2027")
    lyon = GovernmentFactory(name="Lyon", slug="lyon", country_id="FR", website="https://www.lyon.fr")
    dakar = GovernmentFactory(name="Dakar", slug="dakar", country_id="SN")
    bogota = GovernmentFactory(name="Bogotá", slug="bogota", country_id="CO")
    hidden = GovernmentFactory(name="Unverified Town", slug="unverified-town", country_id="FR", verified=False)

    focal = MembershipFactory(government=lyon, role=Membership.Role.FOCAL_POINT,
                              user__email=MEMBER_EMAILS[0], user__full_name=MEMBER_NAMES[0]).user
    editor = MembershipFactory(government=dakar, role=Membership.Role.EDITOR,
                               user__email=MEMBER_EMAILS[1], user__full_name=MEMBER_NAMES[1]).user
    reviewer = UserFactory(email=MEMBER_EMAILS[2], full_name=MEMBER_NAMES[2])
    reviewer.groups.add(Group.objects.get(name=Roles.REVIEWER))
    GovernmentRequest.objects.create(
        user=editor, government=lyon, kind=GovernmentRequest.Kind.JOIN, position=f"Officer, {PHONES[1]}",
        message=SECRET_NOTE,
    )
    Invitation.objects.create(government=lyon, email="invited.person@lyon.example.org", token_hash="x" * 64,
                              invited_by=focal, expires_at=now + datetime.timedelta(days=7))

    def published(days, **fields):
        fields.setdefault("created_by", focal)
        fields.setdefault("review_note", SECRET_NOTE)
        return ActionFactory(published=True, published_at=now - datetime.timedelta(days=days), **fields)

    housing = published(
        days_ago + 5, government=lyon, campaign=imrf, original_language="fr", title_en="", title_fr="Logement d'abord",
        summary_fr="Des logements pour les réfugiés.", title_es="Vivienda primero", gcm_objectives=[15, 16],
        kind=Action.Kind.PRACTICE, start_date=datetime.date(2023, 1, 1),
    )
    housing.guiding_principles.set(["human_rights", "whole_of_society"])
    housing.gcr_areas.set(["jobs_and_livelihoods"])
    housing.sdgs.set([10, 11])
    housing.terms.set([term("themes", "housing"), term("target_groups", "refugees")])
    housing.partners.create(name="Forum Réfugiés", kind="civil_society", website="https://www.forumrefugies.org")
    housing.links.create(url="https://www.lyon.fr/logement", title="Programme")
    housing.documents.create(title="Report", file=SimpleUploadedFile("report.pdf", b"%PDF-1.4 test"))
    housing.documents.create(title="Internal", is_public=False, file=SimpleUploadedFile("internal.pdf", b"%PDF-1.4"))

    pledge = published_pledge(
        dakar, published_at=now - datetime.timedelta(days=days_ago + 3), campaign=grf, title_en="Language cafés",
        title_fr="Cafés de langues", summary_en="Weekly conversation groups for newcomers.", gcm_objectives=[16],
        created_by=editor, review_note=SECRET_NOTE,
    )
    pledge.gcr_objectives.set([1])
    pledge.terms.set([term("themes", "education"), term("target_groups", "migrants")])
    CoPledger.objects.create(action=pledge, government=bogota, confirmed_at=now)
    CoPledger.objects.create(action=pledge, government=lyon)  # invited, not confirmed: not shown
    update = ProgressUpdateFactory(
        action=pledge, published=True, reported_on=datetime.date(2025, 6, 30), narrative_en="Two cafés opened.",
        money_committed=5000, money_spent=1200, currency="EUR", created_by=editor, review_note=SECRET_NOTE,
    )
    IndicatorValue.objects.create(update=update, indicator=pledge.indicators.get(), value=120)
    PeopleReached.objects.create(update=update, target_group=term("target_groups", "migrants"), count=120)
    Evidence.objects.create(update=update, title="Photos", url="https://example.org/photos")
    draft_update = ProgressUpdateFactory(action=pledge, narrative_en="Draft update", created_by=editor)
    submitted_update = ProgressUpdateFactory(action=pledge, submitted=True, narrative_en="Submitted update")

    reviewed = published(days_ago + 1, government=bogota, original_language="es", title_en="", title_es="Escuelas abiertas",
                         summary_es="Cada niño tiene una plaza.", gcm_objectives=[2], reviewed_at=now)
    newest = published(days_ago, government=lyon, title_en="Welcome desk", title_fr="Guichet d'accueil",
                       summary_en="One desk for every newcomer.", gcm_objectives=[16])

    draft = ActionFactory(government=lyon, title_en="Secret draft", created_by=focal, review_note=SECRET_NOTE)
    submitted = ActionFactory(government=lyon, title_en="Submitted action", status=Action.Status.SUBMITTED)
    withdrawn = ActionFactory(government=dakar, title_en="Withdrawn action", status=Action.Status.WITHDRAWN,
                              published_at=now - datetime.timedelta(days=40))
    unverified_draft = ActionFactory(government=hidden, title_en="Unverified government's draft")
    working_copy = action_services.start_revision(newest, focal)
    working_copy.title_en = "Unapproved new title"
    working_copy.save()

    EndorsementFactory(government=lyon, verified=True, signatory_name=MEMBER_NAMES[0], signatory_title="Mayor of Lyon",
                       reason=SECRET_NOTE, submitted_by=focal)
    EndorsementFactory(government=dakar, signatory_name=MEMBER_NAMES[1], signatory_title="Mayor of Dakar")
    EndorsementFactory(government=bogota, rejected=True, signatory_name="Rejected Signatory")
    EndorsementFactory(government=hidden, verified=True, signatory_name="Hidden Signatory")

    return SimpleNamespace(
        imrf=imrf, grf=grf, lyon=lyon, dakar=dakar, bogota=bogota, hidden=hidden, focal=focal, editor=editor,
        reviewer=reviewer, housing=housing, pledge=pledge, reviewed=reviewed, newest=newest, update=update,
        draft_update=draft_update, submitted_update=submitted_update, draft=draft, submitted=submitted,
        withdrawn=withdrawn, unverified_draft=unverified_draft, working_copy=working_copy,
        public=[newest, reviewed, pledge, housing],
    )
