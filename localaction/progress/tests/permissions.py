"""URL names of the progress app × personas (see core/tests/matrix.py). P1's and P2's entries; append only."""
from localaction.core.tests.matrix import PUBLIC, everyone, members_of_a, reviewers

from .factories import ProgressUpdateFactory, pdf_upload, published_pledge

POST_ONLY = everyone(405)  # POST permissions are tested in test_update_form.py and test_update_review.py

# P1: progress updates. The lead government's pages (strangers, co-pledgers and reviewers: 404), the reviewers'
# pages, and the evidence files (a published update's file is public; the others are tested in
# test_evidence_download.py).
ENTRIES = {
    "progress_workspace:list": (lambda o: [o["progress_pledge"].public_id], members_of_a()),
    "progress_workspace:new": (lambda o: [o["progress_pledge"].public_id], members_of_a()),
    "progress_workspace:practice": (lambda o: [o["progress_pledge"].public_id], POST_ONLY),
    "progress_workspace:edit": (lambda o: [o["progress_draft"].pk], members_of_a()),
    "progress_workspace:submit": (lambda o: [o["progress_draft"].pk], POST_ONLY),
    "progress_workspace:withdraw": (lambda o: [o["progress_submitted"].pk], POST_ONLY),
    "progress_workspace:discard": (lambda o: [o["progress_draft"].pk], POST_ONLY),
    "progress_workspace:queue": (None, reviewers()),
    "progress_workspace:review": (lambda o: [o["progress_submitted"].pk], reviewers()),
    "progress_workspace:decide": (lambda o: [o["progress_submitted"].pk], reviewers(405)),
    "progress:evidence": (lambda o: [o["progress_evidence"].pk], PUBLIC),
}


def make_objects(personas):
    """Published pledges of government A: one with a published update and its evidence file (nothing in play, so
    a new update can start), one with a draft update, one with a submitted update."""
    pledge = published_pledge(personas.government_a, title_en="Pledge with progress")
    published = ProgressUpdateFactory(action=pledge, published=True)
    evidence = published.evidence.create(title="Report", file=pdf_upload())
    draft = ProgressUpdateFactory(action=published_pledge(personas.government_a, title_en="Pledge with a draft update"))
    submitted = ProgressUpdateFactory(action=published_pledge(personas.government_a, title_en="Pledge under review"), submitted=True)
    return {"progress_pledge": pledge, "progress_draft": draft, "progress_submitted": submitted, "progress_evidence": evidence}


# P2: reminders sent to a government's focal points. "government-a" is government A's slug in the root conftest.
ENTRIES["progress_workspace:reminders"] = (lambda objects: ["government-a"], members_of_a())
