"""The governments workspace's URL names (and the public sign-up page) in the permission matrix."""
from localaction.core.tests.matrix import everyone, members_of_a, reviewers, signed_in
from localaction.factories import UserFactory
from localaction.governments import services
from localaction.governments.models import Membership


def make_objects(personas):
    """A pending request to join government A, an invitation of government A and the editor's membership."""
    applicant = UserFactory(email="applicant@example.org")
    government_request = services.request_join(
        applicant, personas.government_a, Membership.Role.EDITOR, position="Officer", message=""
    )
    invitation = services.invite(personas.government_a, "invited@example.org", Membership.Role.EDITOR, by=personas.member_a)
    return {
        "government_request": government_request,
        "invitation": invitation,
        "invitation_token": invitation.token,
        "editor_a_membership": Membership.objects.get(user=personas.editor_a, government=personas.government_a),
    }


def government_a(objects):
    return [objects["invitation"].government.slug]


ENTRIES = {
    # Signing up is for visitors; someone signed in is sent on to the workspace.
    "accounts:signup": (None, {**everyone(302), "anonymous": 200}),
    "governments_workspace:my_governments": (None, signed_in(200)),
    "governments_workspace:register": (None, signed_in(200)),
    "governments_workspace:join": (None, signed_in(200)),
    "governments_workspace:requests": (None, reviewers(200)),
    "governments_workspace:request_decide": (lambda o: [o["government_request"].pk], reviewers(200)),
    # Anyone holding the link sees what it offers; accepting takes a POST by the invited person.
    "governments_workspace:invitation_accept": (lambda o: [o["invitation_token"]], everyone(200)),
    "governments_workspace:members": (government_a, members_of_a(200)),
    # POST-only for focal points (405 to a GET); editors 403; strangers 404.
    "governments_workspace:invite": (government_a, members_of_a(405, editor=403)),
    "governments_workspace:invitation_revoke": (
        lambda o: [*government_a(o), o["invitation"].pk], members_of_a(405, editor=403)
    ),
    "governments_workspace:member_remove": (
        lambda o: [*government_a(o), o["editor_a_membership"].pk], members_of_a(200, editor=403)
    ),
}
