"""The demo's workspace content: endorsements, requests, invitations, submissions, a proposed change, history
and notifications (see the seed_demo command). DEMO ONLY."""
import secrets
import unicodedata
from datetime import date, datetime, timedelta
from datetime import time as clock
from datetime import timezone as dt_timezone
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db import reset_queries
from django.urls import reverse
from django.utils import translation

from localaction.accounts.models import Roles
from localaction.actions.models import (
    Action, ActionRevision, CoPledger, Indicator, Link, Partner,
)
from localaction.actions.services import CONTENT_FIELDS, REVIEW_CHECKLIST, snapshot_data
from localaction.activity.models import ActivityLog
from localaction.core import demo_data as data
from localaction.core.demo_data import (  # noqa: F401  (re-exported for README and tests)
    DEMO_PASSWORD, PERSONAS, REQUESTERS,
)
from localaction.declarations.models import Endorsement
from localaction.governments.models import Government, GovernmentRequest, Invitation, Membership
from localaction.governments.services import hash_token
from localaction.notifications.models import Notification

from localaction.core.demo_seeder import NOW, bulk_create_dated
def ascii_text(text):
    """The text without accents or typographic quotes, for the built-in PDF font."""
    text = text.replace("’", "'").replace("—", "-").replace("–", "-")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def letter_pdf(lines):
    """A tiny valid one-page PDF showing `lines`: the demo's stand-in for a scanned, signed letter."""
    def escape(line):
        return ascii_text(line).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = " T* ".join(f"({escape(line)}) Tj" for line in lines)
    stream = f"BT /F1 12 Tf 72 770 Td 18 TL {text} ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    pdf += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    pdf += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(pdf)


def at_noon(iso_day):
    return datetime.combine(date.fromisoformat(iso_day), clock(12, 0), tzinfo=dt_timezone.utc)


class WorkspaceSeeder:
    """What the back office shows: endorsements, requests, an invitation, actions in review, a proposed change,
    a co-pledge invitation, revisions, history and notices, in states the services could have produced.

    A fixed, small number of rows whatever the number of actions. Activity log entries, notices and every
    auto_now_add date are back-dated to when the step happened; notices send no e-mail (they are history)."""

    def __init__(self, seeder):
        self.seeder = seeder
        self.rng = seeder.rng
        self.users = seeder.users
        self.governments = seeder.governments
        self.activity, self.notices = [], []
        self.reviewer = next(
            seeder.users[p["email"]] for p in PERSONAS if p.get("group") == Roles.REVIEWER
        )
        self.members = {}  # government name -> [(user, role)] of the personas and requesters
        for persona in PERSONAS:
            if "government" in persona:
                self.members.setdefault(persona["government"], []).append(
                    (seeder.users[persona["email"]], persona["membership"])
                )

    def run(self):
        requests = self.create_requesters()
        invitation = self.create_invitation()
        endorsements = self.create_endorsements()
        self.record_unpublished_actions()
        working_copy = self.create_working_copy()
        copledge = self.create_copledge_invitation()
        revisions = self.create_revisions(working_copy)
        self.notify_latest_publications()
        bulk_create_dated(ActivityLog, self.activity)
        bulk_create_dated(Notification, self.notices)
        reset_queries()
        counts = {status: 0 for status in Endorsement.Status.values}
        for endorsement in endorsements:
            counts[endorsement.status] += 1
        return [
            f"  {len(REQUESTERS)} other accounts, {requests} requests to register or join waiting for a reviewer,"
            f" 1 invitation from {invitation.invited_by.email}",
            f"  {len(endorsements)} endorsements ({counts['verified']} verified, {counts['submitted']} waiting,"
            f" {counts['rejected']} rejected)",
            f"  {'1 proposed change' if working_copy else 'no proposed change'} to a published action,"
            f" {'1 co-pledge invitation' if copledge else 'no co-pledge invitation'} to {data.GOVERNMENT_A}",
            f"  {revisions} revisions, {len(self.activity)} activity log entries, {len(self.notices)} notifications",
        ]

    # --- helpers ------------------------------------------------------------------------------------------
    def government(self, name, verified=None):
        if name not in self.governments:
            raise CommandError(f"Unknown demo government {name}.")
        government = self.governments[name]["obj"]
        if verified is not None and government.verified != verified:
            raise CommandError(f"Demo government {name} must {'' if verified else 'not '}be verified.")
        return government

    def log(self, actor, verb, obj, when, government=None, **payload):
        """An activity log entry as activity.services.record would write it, dated `when`."""
        self.activity.append(ActivityLog(
            actor=actor, verb=verb, content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk),
            government=government if government is not None else getattr(obj, "government", None),
            payload=payload, created_at=when,
        ))

    def notify(self, user, verb, when, url_name, args=(), read=False, **context):
        """A notice as notifications.services.notify would write it: the link in the reader's language."""
        with translation.override(user.language):
            url = reverse(url_name, args=args)
        plain = {key: "" if value is None else str(value) for key, value in context.items()}
        self.notices.append(Notification(
            user=user, verb=verb, url=url, context=plain, created_at=when,
            read_at=when + timedelta(hours=5) if read else None,
        ))

    def notify_government(self, name, verb, when, url_name, args=(), roles=None, read=False, title_of=None, **context):
        """Notify the members of a demo government (optionally some roles), with the action's title in each
        reader's language, as notifications.services.notify_government does."""
        for user, role in self.members.get(name, []):
            if roles and role not in roles:
                continue
            if title_of is not None:
                context["title"] = title_of.translated("title", user.language).text
            self.notify(user, verb, when, url_name, args, read=read, government=name, **context)

    # --- people -------------------------------------------------------------------------------------------
    def create_requesters(self):
        """Accounts with pending requests, the editor's approved join request, and back-dated memberships."""
        users = self.seeder.create_accounts(REQUESTERS)
        requests, memberships = [], []
        for spec in REQUESTERS:
            user = users[spec["email"]]
            if spec["kind"] == GovernmentRequest.Kind.REGISTER:
                government = self.government(spec["government"], verified=False)
                created_at = government.created_at  # a registration creates the government at once
                memberships.append(Membership(
                    user=user, government=government, role=Membership.Role.FOCAL_POINT, created_at=created_at
                ))
                self.members.setdefault(spec["government"], []).append((user, Membership.Role.FOCAL_POINT))
            else:
                government = self.government(spec["government"], verified=True)
                created_at = NOW - timedelta(days=spec["days_ago"], hours=2)
            requests.append(GovernmentRequest(
                user=user, government=government, kind=spec["kind"], role=spec["role"], position=spec["position"],
                message=spec["message"], created_at=created_at,
            ))
        joined = data.APPROVED_JOIN
        editor, government = self.users[joined["email"]], self.government(joined["government"], verified=True)
        if (editor, joined["role"]) not in self.members.get(joined["government"], []):
            raise CommandError(f"{joined['email']} must be a persona with the role {joined['role']} in {government}.")
        approved_at = at_noon(joined["approved_on"])
        requests.append(GovernmentRequest(
            user=editor, government=government, kind=GovernmentRequest.Kind.JOIN, role=joined["role"],
            position=joined["position"], status=GovernmentRequest.Status.APPROVED, decided_by=self.reviewer,
            decided_at=approved_at, created_at=at_noon(joined["requested_on"]),
        ))
        bulk_create_dated(Membership, memberships)
        bulk_create_dated(GovernmentRequest, requests)
        for request in requests:
            verb = {"register": "government.registration_requested", "join": "government.join_requested"}[request.kind]
            extra = {"name": request.government.name} if request.kind == "register" else {"role": request.role}
            self.log(request.user, verb, request, request.created_at, **extra)
        self.log(self.reviewer, "government_request.approved", requests[-1], approved_at, kind=requests[-1].kind)
        self.notify(editor, "government_request.approved", approved_at, "governments_workspace:my_governments",
                    read=True, government=government.name)
        # The personas' memberships date from when their government was registered or their request approved.
        created = {g["obj"].pk: g["obj"].created_at for g in self.governments.values()}
        dated = list(Membership.objects.filter(
            user__email__in=[p["email"] for p in PERSONAS], government_id__in=list(created)
        ))
        for membership in dated:
            is_editor = membership.user_id == editor.pk and membership.government_id == government.pk
            membership.created_at = approved_at if is_editor else created[membership.government_id]
        Membership.objects.bulk_update(dated, ["created_at"])
        return sum(1 for r in requests if r.status == GovernmentRequest.Status.PENDING)

    def create_invitation(self):
        """The focal point of government A invited a colleague two days ago; the invitation still waits."""
        spec = data.INVITATION
        government = self.government(spec["government"], verified=True)
        by = self.users[spec["invited_by"]]
        if (by, Membership.Role.FOCAL_POINT) not in self.members.get(spec["government"], []):
            raise CommandError(f"{spec['invited_by']} must be a focal point of {government} to invite.")
        created_at = NOW - timedelta(days=spec["days_ago"], hours=1)
        invitation = Invitation(
            government=government, email=spec["email"], role=spec["role"], invited_by=by, created_at=created_at,
            # A random token, thrown away: only its hash is kept, so nobody can use this demo link.
            token_hash=hash_token(secrets.token_urlsafe(32)),
            expires_at=created_at + timedelta(days=settings.LOCALACTION_INVITATION_DAYS),
        )
        bulk_create_dated(Invitation, [invitation])
        self.log(by, "invitation.created", invitation, created_at, email=invitation.email, role=invitation.role)
        return invitation

    # --- endorsements ---------------------------------------------------------------------------------------
    def signatory(self, government):
        """An invented signatory's name and a title such as "Mayor of Montréal"."""
        names = data.SIGNATORY_NAMES[government["language"]]
        name = f"{self.rng.choice(names[0])} {self.rng.choice(names[1])}"
        title = data.SIGNATORY_TITLES.get(government["name"])
        if title is None:
            place = data.SUBJECTS.get(government["name"], {}).get("en") or data.SHORT_NAMES.get(
                government["name"], government["name"]
            )
            if place.startswith("The "):
                place = "the " + place[4:]
            office = {
                Government.Kind.REGION: "Governor", Government.Kind.ASSOCIATION: "President",
            }.get(government["obj"].kind, "Mayor")
            title = f"{office} of {place}"
        return name, title

    def new_endorsement(self, government, signed_on, created_at, status, decided_at=None, reason=""):
        name, title = self.signatory(government)
        submitted_by = next(
            (user for user, role in self.members.get(government["name"], []) if role == Membership.Role.FOCAL_POINT),
            None,
        )
        endorsement = Endorsement(
            government=government["obj"], signatory_name=name, signatory_title=title, signed_on=signed_on,
            status=status, reason=reason, submitted_by=submitted_by, created_at=created_at,
            decided_by=self.reviewer if decided_at else None, decided_at=decided_at,
        )
        lines = [
            "Marrakech Mayors Declaration (10 December 2018)",
            f"{government['name']} endorses the Declaration.",
            f"Signed: {name}, {title}, on {signed_on.isoformat()}.",
            "DEMO DATA: an invented letter for trying the platform, not a real endorsement.",
        ]
        # Through the field's storage and upload_to, like an upload: a random name under declarations/.
        endorsement.letter.save("letter.pdf", ContentFile(letter_pdf(lines)), save=False)
        return endorsement

    def create_endorsements(self):
        """Most verified governments' endorsements, verified; ENDORSEMENTS_SUBMITTED waiting; one rejected."""
        rng = self.rng
        first, last = date.fromisoformat(data.ENDORSEMENT_FIRST_DAY), date.fromisoformat(data.ENDORSEMENT_LAST_DAY)
        waiting = {name: (date.fromisoformat(day), days) for name, day, days in data.ENDORSEMENTS_SUBMITTED}
        turned_down = data.ENDORSEMENT_REJECTED
        named = set(waiting) | {turned_down["government"]}
        for name in named | data.ENDORSEMENTS_ALWAYS:
            self.government(name, verified=True)
        rows = []
        for name, government in self.governments.items():
            verified_at = government["obj"].verified_at
            if verified_at is None or name in named or name in data.ENDORSEMENTS_NEVER:
                continue
            if name not in data.ENDORSEMENTS_ALWAYS and rng.random() >= data.ENDORSEMENT_SHARE:
                continue
            if rng.random() < 0.3:  # many signed in Marrakech or in the weeks after
                signed_on = first + timedelta(days=rng.randint(0, 23))
            else:
                signed_on = first + timedelta(days=rng.randint(24, (last - first).days))
            start = max(datetime.combine(signed_on, clock(9, 0), tzinfo=dt_timezone.utc), verified_at)
            sent = start + timedelta(days=rng.randint(1, 40), hours=rng.randint(0, 8))
            created_at = min(NOW - timedelta(days=3), sent)
            decided = created_at + timedelta(days=rng.randint(1, 21), hours=rng.randint(1, 6))
            decided_at = min(NOW - timedelta(days=1), decided)
            rows.append(
                self.new_endorsement(government, signed_on, created_at, Endorsement.Status.VERIFIED, decided_at)
            )
        for name, (signed_on, days) in waiting.items():
            created_at = NOW - timedelta(days=days, hours=rng.randint(1, 8))
            rows.append(
                self.new_endorsement(self.governments[name], signed_on, created_at, Endorsement.Status.SUBMITTED)
            )
        rows.append(self.new_endorsement(
            self.governments[turned_down["government"]], date.fromisoformat(turned_down["signed_on"]),
            NOW - timedelta(days=turned_down["days_ago"]), Endorsement.Status.REJECTED,
            decided_at=NOW - timedelta(days=turned_down["decided_days_ago"]), reason=turned_down["reason"],
        ))
        bulk_create_dated(Endorsement, rows)
        for endorsement in rows:
            self.log(endorsement.submitted_by, "endorsement.submitted", endorsement, endorsement.created_at,
                     signed_on=endorsement.signed_on.isoformat())
            if endorsement.status == Endorsement.Status.VERIFIED:
                self.log(self.reviewer, "endorsement.verified", endorsement, endorsement.decided_at)
            elif endorsement.status == Endorsement.Status.REJECTED:
                self.log(self.reviewer, "endorsement.rejected", endorsement, endorsement.decided_at,
                         reason=endorsement.reason)
            if endorsement.decided_at:
                verb = f"endorsement.{endorsement.status}"
                context = {"reason": endorsement.reason} if endorsement.reason else {}
                self.notify_government(
                    endorsement.government.name, verb, endorsement.decided_at, "declarations_workspace:endorse",
                    [endorsement.government.slug], roles=[Membership.Role.FOCAL_POINT], read=True, **context,
                )
        return rows

    # --- actions --------------------------------------------------------------------------------------------
    def record_unpublished_actions(self):
        """History and notices of the drafts, submissions and decisions created by Seeder."""
        Status = Action.Status
        for action, extra in self.seeder.unpublished:
            spec = extra["spec"]
            author = action.created_by
            self.log(author, "action.created", action, extra["created_at"], kind=action.kind)
            if action.submitted_at:
                self.log(author, "action.submitted", action, action.submitted_at, revision_of=None)
            for name in spec.get("co_pledgers", ()):
                when = action.submitted_at or extra["created_at"]
                self.log(author, "copledge.invited", action, when, co_government=self.government(name).slug)
                self.notify_government(
                    name, "copledge.invited", when, "actions_workspace:copledge_invitations",
                    roles=[Membership.Role.FOCAL_POINT], title_of=action, lead=action.government.name,
                )
            if action.status == Status.CHANGES_REQUESTED:
                self.log(self.reviewer, "action.changes_requested", action, action.reviewed_at,
                         note=action.review_note, checklist=[])
            elif action.status == Status.REJECTED:
                self.log(self.reviewer, "action.rejected", action, action.reviewed_at,
                         reason=action.review_note, checklist=[])
            elif action.status == Status.WITHDRAWN:
                self.log(author, "action.withdrawn", action, extra["updated_at"], was_published=False,
                         discarded_working_copies=[])
            if action.status in (Status.CHANGES_REQUESTED, Status.REJECTED):
                verb = f"action.{action.status}"
                self.notify_government(
                    spec["government"], verb, action.reviewed_at, "actions_workspace:detail", [action.public_id],
                    title_of=action, note=action.review_note,
                )

    def create_working_copy(self):
        """A proposed change to a published action of government A, as actions.services.start_revision makes
        it and submit sends it: same content, a changed title and budget, waiting for a reviewer."""
        spec = data.WORKING_COPY
        government = self.government(spec["government"], verified=True)
        public = (
            Action.objects.filter(government=government, status=Action.Status.PUBLISHED, revision_of__isnull=True)
            .order_by("pk").first()
        )
        if public is None:  # possible only with very few actions
            return None
        author = self.users[spec["created_by"]]
        if author not in [user for user, _role in self.members.get(spec["government"], [])]:
            raise CommandError(f"{spec['created_by']} must be a member of {government} to propose a change.")
        started_at = NOW - timedelta(days=spec["days_ago"], hours=3)
        submitted_at = started_at + timedelta(days=1, hours=2)
        copy = Action(
            government=government, created_by=author, status=Action.Status.SUBMITTED, revision_of=public,
            slug=public.slug, public_id=self.seeder.new_public_id(), submitted_at=submitted_at,
        )
        for field in CONTENT_FIELDS:
            setattr(copy, field, getattr(public, field))
        for language, suffix in spec["title_suffix"].items():
            title = getattr(public, f"title_{language}")
            if title:
                setattr(copy, f"title_{language}", title + suffix)
        if public.budget:
            copy.budget = (public.budget * Decimal(spec["budget_factor"])).quantize(Decimal("1"))
        copy.save()
        for field in self.seeder.m2m:
            getattr(copy, field).set(getattr(public, field).all())
        for model, relation in ((Partner, "partners"), (Indicator, "indicators"), (Link, "links")):
            children = list(getattr(public, relation).all())
            for child in children:
                child.pk, child.action = None, copy
            model.objects.bulk_create(children)
        Action.objects.filter(pk=copy.pk).update(created_at=started_at, updated_at=submitted_at)
        self.log(author, "action.revision_started", public, started_at, working_copy=copy.public_id,
                 working_copy_pk=copy.pk)
        self.log(author, "action.submitted", copy, submitted_at, revision_of=public.public_id)
        return copy

    def create_copledge_invitation(self):
        """Government B invites government A to join one of its pledges (published if it has one)."""
        spec = data.COPLEDGE_INVITATION
        lead, invited = self.government(spec["lead"], verified=True), self.government(spec["invited"], verified=True)
        pledges = Action.objects.filter(
            government=lead, kind=Action.Kind.PLEDGE, revision_of__isnull=True
        ).exclude(co_pledger_links__government=invited).order_by("pk")
        pledge = (
            pledges.filter(status=Action.Status.PUBLISHED).first() or pledges.filter(status=Action.Status.DRAFT).first()
        )
        if pledge is None:
            return None
        by = self.users[spec["by"]]
        invited_at = NOW - timedelta(days=spec["days_ago"], hours=4)
        link = bulk_create_dated(CoPledger, [CoPledger(action=pledge, government=invited, invited_at=invited_at)],
                                 fields=("invited_at",))[0]
        self.log(by, "copledge.invited", pledge, invited_at, co_government=invited.slug)
        self.notify_government(
            spec["invited"], "copledge.invited", invited_at, "actions_workspace:copledge_invitations",
            roles=[Membership.Role.FOCAL_POINT], title_of=pledge, lead=lead.name,
        )
        return link

    def create_revisions(self, working_copy):
        """Revision 1 and the history (created, submitted, published) of the first HISTORY_LIMIT published
        actions, and of the action with a proposed change."""
        ids = list(
            Action.objects.filter(status=Action.Status.PUBLISHED, revision_of__isnull=True)
            .order_by("pk").values_list("pk", flat=True)[:data.HISTORY_LIMIT]
        )
        if working_copy is not None and working_copy.revision_of_id not in ids:
            ids.append(working_copy.revision_of_id)
        actions = Action.objects.filter(pk__in=ids).select_related("government").prefetch_related(
            "partners", "indicators", "links", "documents"
        ).order_by("pk")
        pledge_only = {"time_bound", "measurable"}
        revisions = []
        for action in actions:
            revisions.append(ActionRevision(
                action=action, number=1, data=snapshot_data(action), submitted_by_id=action.created_by_id,
                approved_by=self.reviewer, approved_at=action.published_at,
            ))
            author = action.created_by
            ticked = [key for key, _label in REVIEW_CHECKLIST
                      if action.kind == Action.Kind.PLEDGE or key not in pledge_only]
            self.log(author, "action.created", action, action.created_at, kind=action.kind)
            self.log(author, "action.submitted", action, action.submitted_at, revision_of=None)
            self.log(self.reviewer, "action.published", action, action.published_at, revision=1, checklist=ticked)
        ActionRevision.objects.bulk_create(revisions, batch_size=500)
        return len(revisions)

    def notify_latest_publications(self):
        """The members of governments A and B were told when their latest action was published."""
        for name in (data.GOVERNMENT_A, data.GOVERNMENT_B):
            action = (
                Action.objects.filter(government=self.government(name), status=Action.Status.PUBLISHED)
                .order_by("-published_at", "-pk").first()
            )
            if action is not None:
                self.notify_government(
                    name, "action.published", action.published_at, "actions_workspace:detail", [action.public_id],
                    title_of=action, read=name == data.GOVERNMENT_A,
                )
