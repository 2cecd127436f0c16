"""The action editor's URL names in the permission matrix (GET requests; POST-only URLs answer 405 to a GET,
their POST permissions are tested in test_editor_*.py and test_copledge.py)."""
from django.core.files.uploadedfile import SimpleUploadedFile

from localaction.actions import services
from localaction.actions.models import Action
from localaction.core.tests.matrix import everyone, members_of_a, signed_in

POST_ONLY = everyone(405)

ENTRIES = {
    "actions_workspace:create": (lambda o: [o["editor_draft"].government.slug], members_of_a()),
    "actions_workspace:detail": (lambda o: [o["editor_draft"].public_id], members_of_a()),
    "actions_workspace:resume": (lambda o: [o["editor_draft"].public_id], members_of_a(302)),
    "actions_workspace:edit": (lambda o: [o["editor_draft"].public_id, "basics"], members_of_a()),
    "actions_workspace:revise": (lambda o: [o["editor_draft"].public_id], POST_ONLY),
    "actions_workspace:submit": (lambda o: [o["editor_draft"].public_id], POST_ONLY),
    "actions_workspace:withdraw": (lambda o: [o["editor_draft"].public_id], members_of_a()),
    "actions_workspace:document": (lambda o: [o["editor_draft"].public_id, o["editor_document"].pk], members_of_a()),
    "actions_workspace:copledge_invite": (lambda o: [o["editor_pledge"].public_id], POST_ONLY),
    "actions_workspace:copledge_remove": (lambda o: [o["editor_pledge"].public_id, o["editor_copledger"].pk], POST_ONLY),
    "actions_workspace:copledge_answer": (lambda o: [o["editor_copledger"].pk], POST_ONLY),
    "actions_workspace:copledge_invitations": (None, signed_in(200)),
}


def make_objects(personas):
    """A draft of government A written by its editor, with a document; a pledge of A that invites government B."""
    draft = services.create_draft(personas.government_a, personas.editor_a, title_en="Draft of government A")
    document = draft.documents.create(title="Plan", file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"))
    pledge = services.create_draft(
        personas.government_a, personas.member_a, kind=Action.Kind.PLEDGE, stage=Action.Stage.PLANNING,
        title_en="Joint pledge of A",
    )
    copledger = services.invite_copledger(pledge, personas.government_b, personas.member_a)
    return {
        "editor_draft": draft, "editor_document": document, "editor_pledge": pledge,
        "editor_copledger": copledger,
    }
