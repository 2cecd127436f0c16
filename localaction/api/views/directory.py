"""Governments, endorsements of the Marrakech Mayors Declaration and campaigns: what their public pages show,
nothing about the people who act for them."""
from django.db.models import F, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema

from localaction.campaigns.models import Campaign
from localaction.declarations.models import Endorsement
from localaction.figures.services import campaign_figures, government_figures
from localaction.governments.models import Government
from localaction.search import facets

from ..schema import read_responses
from ..serializers import (
    CampaignDetailSerializer, CampaignSerializer, EndorsementSerializer, GovernmentDetailSerializer,
    GovernmentSerializer,
)
from .base import ReadDetailView, ReadListView, ordered_pagination


def public_governments():
    """Verified governments with the date of their verified endorsement."""
    signed = Endorsement.objects.verified().filter(government=OuterRef("pk")).order_by("-signed_on").values("signed_on")[:1]
    return Government.objects.public().select_related("country").annotate(signed_on=Subquery(signed))


class GovernmentMixin:
    """Public governments, with their number of published actions."""

    def get_queryset(self):
        return public_governments()

    def get_serializer_context(self):
        # Each government's number of published actions comes from the search index (a bitmap per government),
        # not from counting its rows: a government may lead thousands.
        return {**super().get_serializer_context(), "index": facets.current()}


class GovernmentList(GovernmentMixin, ReadListView):
    """Verified local and regional governments, by slug. No member, focal point or contact appears."""

    tag = "governments"
    serializer_class = GovernmentSerializer
    pagination_class = ordered_pagination("slug")

    @extend_schema(
        summary=_("Verified governments"),
        description=_("Local and regional governments verified by the reviewers, by slug, with their number of "
                      "published actions. No member or contact person appears."),
        responses=read_responses(GovernmentSerializer),
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class GovernmentDetail(GovernmentMixin, ReadDetailView):
    """A verified government by its slug, with the figures of the pledges it leads."""

    tag = "governments"
    serializer_class = GovernmentDetailSerializer
    lookup_field = "slug"

    def get_object(self):
        government = super().get_object()
        government.figures = government_figures(government).as_dict()
        return government

    @extend_schema(
        summary=_("A verified government"),
        description=_("A government by its slug, with the figures of the pledges it leads."),
        responses=read_responses(GovernmentDetailSerializer),
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class EndorsementList(ReadListView):
    """The signatories of the Marrakech Mayors Declaration as its public page lists them: verified endorsements
    of verified governments, by government slug. The signatory's office is given, not their name."""

    tag = "declaration"
    serializer_class = EndorsementSerializer
    pagination_class = ordered_pagination("government_slug")

    def get_queryset(self):
        return Endorsement.objects.verified().select_related("government__country").annotate(
            government_slug=F("government__slug")
        )

    @extend_schema(
        summary=_("Signatories of the Marrakech Mayors Declaration"),
        description=_("Verified endorsements of verified governments, as the Declaration's public page lists them: "
                      "the government, the office of the person who signed and the date."),
        responses=read_responses(EndorsementSerializer),
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class CampaignList(ReadListView):
    """Campaigns, by slug."""

    tag = "campaigns"
    serializer_class = CampaignSerializer
    pagination_class = ordered_pagination("slug")
    queryset = Campaign.objects.all()

    @extend_schema(
        summary=_("Campaigns"),
        description=_("Campaigns (cohorts of actions collected for a UN review forum), by slug."),
        responses=read_responses(CampaignSerializer),
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class CampaignDetail(ReadDetailView):
    """A campaign by its slug, with the figures of its pledges."""

    tag = "campaigns"
    serializer_class = CampaignDetailSerializer
    lookup_field = "slug"
    queryset = Campaign.objects.all()

    def get_object(self):
        campaign = super().get_object()
        campaign.figures = campaign_figures(campaign).as_dict()
        return campaign

    @extend_schema(
        summary=_("A campaign"),
        description=_("A campaign by its slug, with the figures of its pledges."),
        responses=read_responses(CampaignDetailSerializer),
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
