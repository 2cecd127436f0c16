"""Public pages with figures: a campaign's pledges in numbers."""
from django.shortcuts import get_object_or_404, render

from localaction.campaigns.models import Campaign

from .services import campaign_figures


def campaign_detail(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    return render(request, "figures/campaign_detail.html", {"campaign": campaign, "figures": campaign_figures(campaign)})
