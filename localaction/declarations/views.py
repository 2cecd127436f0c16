"""The public list of signatories of the Marrakech Mayors Declaration."""
import unicodedata
from itertools import groupby

from django.shortcuts import render

from localaction.governments.models import Government, Membership

from .models import Endorsement


def _folded(text):
    # Sorting in Python, on accent-folded text, gives the same order on SQLite and PostgreSQL and in every language.
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().casefold()


def _region_key(endorsement):
    region = endorsement.government.country.region
    return (region is None, _folded(region) if region else "")


def signatories(request):
    """Verified endorsements of verified governments, by region then name, with counts by region."""
    endorsements = sorted(
        Endorsement.objects.verified().select_related("government__country__region"),
        key=lambda e: (*_region_key(e), _folded(e.government.name)),
    )
    by_region = [
        {"region": group[0].government.country.region, "endorsements": group}
        for group in (list(items) for _key, items in groupby(endorsements, key=_region_key))
    ]
    # A signed-in focal point finds the way to endorse from here; nobody else's data is read.
    focal_governments = (
        Government.objects.filter(memberships__user=request.user, memberships__role=Membership.Role.FOCAL_POINT).order_by("name")
        if request.user.is_authenticated else Government.objects.none()
    )
    return render(
        request, "declarations/signatories.html",
        {"by_region": by_region, "total": len(endorsements), "focal_governments": focal_governments},
    )
