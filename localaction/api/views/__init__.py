"""The API's read endpoints (public); the members' write endpoints are in write_views.py."""
from .actions import ActionDetail, ActionList
from .directory import CampaignDetail, CampaignList, EndorsementList, GovernmentDetail, GovernmentList
from .progress import ProgressUpdateList
from .root import Root, Schema
from .statistics import Statistics
from .taxonomy import (
    CountryList, GCMObjectiveList, GCRAreaList, GCRObjectiveList, GuidingPrincipleList, RegionList, SDGList,
    VocabularyList,
)

__all__ = [
    "ActionDetail", "ActionList", "CampaignDetail", "CampaignList", "CountryList", "EndorsementList", "GCMObjectiveList",
    "GCRAreaList", "GCRObjectiveList", "GovernmentDetail", "GovernmentList", "GuidingPrincipleList",
    "ProgressUpdateList", "RegionList", "Root", "SDGList", "Schema", "Statistics", "VocabularyList",
]
