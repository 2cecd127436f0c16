"""Certificates of recognition: what a government may be recognised for, what a certificate certifies (its frozen
`facts`), how that reads in a language, and the PDF.

A government is recognised
- for its **endorsement of the Marrakech Mayors Declaration**, once a reviewer has verified it;
- for each **campaign** in which it has a published action, as lead or confirmed co-pledger (the actions a campaign
  hands over: submitted to it or announced at it, as campaigns.snapshots.campaign_actions counts them).

Facts hold names and dates, never a person's name or contact: the public verification page prints them.
"""
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from localaction.actions.models import Action
from localaction.campaigns.models import Campaign
from localaction.core.translation import LANGUAGE_CODES
from localaction.declarations.models import Endorsement

from . import pdf
from .entries import Labels, pick_text
from .models import Certificate

Basis = Certificate.Basis
# Actions named on a campaign certificate; the count covers them all.
LISTED_ACTIONS = 12


def government_actions(government):
    """Published actions the government leads or has confirmed joining."""
    return Action.objects.published().involving(government)


def endorsement_for(government):
    """The government's verified endorsement (shown on the public list), or None."""
    return Endorsement.objects.verified().filter(government=government).order_by("-signed_on", "-pk").first()


def campaigns_for(government):
    """Campaigns in which the government has a published action (submitted to it or announced at it)."""
    actions = government_actions(government)
    ids = set(actions.exclude(campaign=None).values_list("campaign_id", flat=True))
    announced = Action.announced_at.through.objects.filter(action__in=actions.values("pk"))
    ids |= set(announced.values_list("campaign_id", flat=True))
    return Campaign.objects.filter(pk__in=ids).order_by("-forum_date", "slug")


def campaign_actions(government, campaign):
    return government_actions(government).filter(Q(campaign=campaign) | Q(announced_at=campaign)).distinct()


def _government_facts(government):
    return {"name": government.name, "slug": government.slug, "country": government.country_id}


def facts_for(government, basis, campaign=None):
    """What a certificate for `basis` would certify today, or None when the government is not eligible."""
    if not government.verified:
        return None
    if basis == Basis.DECLARATION:
        endorsement = endorsement_for(government)
        if endorsement is None:
            return None
        return {
            "government": _government_facts(government),
            "endorsement": {"signed_on": endorsement.signed_on.isoformat()},
        }
    if basis == Basis.CAMPAIGN and campaign is not None:
        actions = list(
            campaign_actions(government, campaign).order_by("published_at", "public_id")
            .values("public_id", "kind", "original_language", *(f"title_{code}" for code in LANGUAGE_CODES))
        )
        if not actions:
            return None
        return {
            "government": _government_facts(government),
            "campaign": {
                "slug": campaign.slug, "forum": campaign.forum, "forum_date": campaign.forum_date.isoformat(),
                **{f"name_{code}": getattr(campaign, f"name_{code}") for code in LANGUAGE_CODES},
            },
            "action_count": len(actions),
            "pledge_count": sum(1 for action in actions if action["kind"] == Action.Kind.PLEDGE),
            "actions": [
                {"id": action["public_id"], "kind": action["kind"], "original_language": action["original_language"],
                 **{f"title_{code}": action[f"title_{code}"] for code in LANGUAGE_CODES}}
                for action in actions[:LISTED_ACTIONS]
            ],
        }
    return None


@dataclass
class Recognition:
    """Something a government can get a certificate for, with its facts today."""

    basis: str
    facts: dict
    campaign: Campaign | None = None

    @property
    def key(self):
        return f"{self.basis}:{self.campaign.slug}" if self.campaign else str(self.basis)


def recognitions(government):
    """Everything the government can be recognised for today: the Declaration first, then its campaigns."""
    found = []
    facts = facts_for(government, Basis.DECLARATION)
    if facts:
        found.append(Recognition(Basis.DECLARATION, facts))
    for campaign in campaigns_for(government):
        facts = facts_for(government, Basis.CAMPAIGN, campaign)
        if facts:
            found.append(Recognition(Basis.CAMPAIGN, facts, campaign))
    return found


@dataclass
class Reading:
    """A certificate's facts as they read in the active language, for the PDF and the verification page."""

    basis: str
    government: str
    country: str
    signed_on: object = None
    campaign: object = None
    forum: str = ""
    forum_date: object = None
    action_count: int = 0
    pledge_count: int = 0
    actions: list = field(default_factory=list)

    @property
    def more_actions(self):
        return max(0, self.action_count - len(self.actions))


def read(certificate, language):
    """The certificate's facts in `language` (call inside translation.override(language))."""
    facts, labels = certificate.facts, Labels()
    government = facts.get("government", {})
    reading = Reading(
        basis=certificate.basis, government=government.get("name", ""),
        country=labels.country(government.get("country")),
    )
    if "endorsement" in facts:
        reading.signed_on = pdf.as_date(facts["endorsement"].get("signed_on"))
    if "campaign" in facts:
        campaign = facts["campaign"]
        reading.campaign = pick_text(campaign, "name", language)
        forum = campaign.get("forum", "")
        reading.forum = str(Campaign.Forum(forum).label) if forum in Campaign.Forum.values else forum
        reading.forum_date = pdf.as_date(campaign.get("forum_date"))
        reading.action_count = facts.get("action_count", 0)
        reading.pledge_count = facts.get("pledge_count", 0)
        reading.actions = [
            {"id": action["id"], "title": pick_text(action, "title", language),
             "url": pdf.site_url().rstrip("/") + reverse("actions:detail_short", args=[action["id"]])}
            for action in facts.get("actions", [])
        ]
    return reading


def verification_url(certificate):
    """The public page that confirms the certificate, absolute, in the certificate's language."""
    with translation.override(certificate.language):
        return pdf.site_url().rstrip("/") + reverse("reports:verify", args=[certificate.code])


def render_certificate(certificate, path):
    """Write the certificate's PDF (one landscape page, in its language) to `path`."""
    with translation.override(certificate.language):
        reading = read(certificate, certificate.language)
        title = f"{certificate.get_basis_display()} — {reading.government}"
    return pdf.render_pdf(
        "reports/pdf/certificate.html",
        {"certificate": certificate, "reading": reading, "verification_url": verification_url(certificate)},
        path, language=certificate.language, title=title, created=certificate.issued_at,
    )
