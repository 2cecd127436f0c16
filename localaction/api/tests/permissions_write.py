"""The API tokens' workspace pages and the write endpoints in the permission matrix.

The token pages follow the workspace: visitors are sent to sign in, every signed-in user has their own list, and
someone else's token is a 404. The write endpoints take API tokens only: a browser session is not enough, so every
persona of the matrix (which signs in with a session) gets 401.
"""
from localaction.actions import services as action_services
from localaction.actions.models import Action
from localaction.api import services
from localaction.core.tests.matrix import everyone, only, signed_in
from localaction.progress.tests.factories import ProgressUpdateFactory, published_pledge


def make_objects(personas):
    token, _secret = services.create_token(personas.member_a, "Matrix")
    draft = action_services.create_draft(personas.government_a, personas.member_a, kind=Action.Kind.PRACTICE,
                                         title_en="Matrix draft")
    update = ProgressUpdateFactory(action=published_pledge(personas.government_a))
    return {"api_write_token": token, "api_write_draft": draft, "api_write_update": update}


def draft(objects):
    return [objects["api_write_draft"].public_id]


def update(objects):
    return [objects["api_write_update"].pk]


TOKENS_ONLY = everyone(401)

ENTRIES = {
    "api_tokens:list": (None, signed_in(200)),
    "api_tokens:create": (None, signed_in(200)),
    "api_tokens:revoke": (lambda o: [o["api_write_token"].pk], only({"member_a"}, others=404)),
    "api:workspace-government-list": (None, TOKENS_ONLY),
    "api:workspace-action-list": (None, TOKENS_ONLY),
    "api:workspace-action-detail": (draft, TOKENS_ONLY),
    "api:workspace-action-submit": (draft, TOKENS_ONLY),
    "api:workspace-action-withdraw": (draft, TOKENS_ONLY),
    "api:workspace-action-revise": (draft, TOKENS_ONLY),
    "api:workspace-progress-list": (lambda o: [o["api_write_update"].action.public_id], TOKENS_ONLY),
    "api:workspace-progress-detail": (update, TOKENS_ONLY),
    "api:workspace-progress-submit": (update, TOKENS_ONLY),
    "api:workspace-progress-withdraw": (update, TOKENS_ONLY),
}
