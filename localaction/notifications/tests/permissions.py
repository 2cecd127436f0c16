"""The inbox in the permission matrix. Reading a notice is POST-only: a GET is refused for everyone."""
from localaction.core.tests.matrix import everyone, signed_in
from localaction.notifications.services import notify


def make_objects(personas):
    return {"notification": notify(personas.member_a, "action.published", url="/en/about/", title="Matrix")}


ENTRIES = {
    "notifications:inbox": (None, signed_in(200)),
    "notifications:read": (lambda o: [o["notification"].pk], everyone(405)),
    "notifications:read_all": (None, everyone(405)),
}
