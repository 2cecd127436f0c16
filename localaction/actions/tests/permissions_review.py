"""The reviewers' URL names and the back-office action pages in the permission matrix (merged by permissions.py).

Review screens are for reviewers and the admin (members 403). An action's history, revisions and documents are
for its lead government's members and for reviewers; anyone else gets a 404, as for any other government's object.
"""
from django.core.files.uploadedfile import SimpleUploadedFile

from localaction.core.tests.matrix import only, reviewers

from .factories_review import published_action, submitted_action

OWNERS_AND_REVIEWERS = only({"member_a", "editor_a", "reviewer", "admin"}, others=404)

ENTRIES = {
    "review:queue": (None, reviewers()),
    "review:detail": (lambda o: [o["submitted"].public_id], reviewers()),
    "review:decide": (lambda o: [o["submitted"].public_id], reviewers(405)),  # POST only
    "review:mapping": (lambda o: [o["submitted"].public_id], reviewers(405)),  # POST only
    "review:action": (lambda o: [o["published_a"].public_id], OWNERS_AND_REVIEWERS),
    "review:revision": (lambda o: [o["published_a"].public_id, 1], OWNERS_AND_REVIEWERS),
    "review:document": (lambda o: [o["published_a"].public_id, o["private_document"].pk], OWNERS_AND_REVIEWERS),
}


def make_objects(personas):
    published = published_action(personas.government_a, approved_by=personas.reviewer)
    document = published.documents.create(
        title="Signed plan", is_public=False, file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")
    )
    return {
        "submitted": submitted_action(personas.government_a),
        "published_a": published,
        "private_document": document,
    }
